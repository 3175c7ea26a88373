// CSV export of a dashboard table (RFC 4180: comma-separated, CRLF, quoted when needed), so a
// download holds exactly the figures the table shows.
import type { TableModel } from './tables.js';

const cell = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function toCsv(table: TableModel): string {
  const lines = [table.columns.map((c) => cell(c.label))];
  for (const row of table.rows) lines.push(table.columns.map((c) => cell(row[c.key] ?? null)));
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}

/** A file name from a title and the range: "sla-attainment-this-month.csv". */
export function csvFileName(title: string, range: string): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replaceAll(/[^a-z0-9]+/g, '-')
      .replaceAll(/^-|-$/g, '');
  return `${slug(title)}-${slug(range)}.csv`;
}

/** Hands the CSV to the browser as a download. */
export function downloadCsv(table: TableModel, fileName: string): void {
  const url = URL.createObjectURL(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
