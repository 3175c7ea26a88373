import { describe, expect, it } from 'vitest';
import { csvFileName, toCsv } from './csv.js';

describe('toCsv', () => {
  it('writes the header and rows in column order, quoting what needs it', () => {
    const csv = toCsv({
      columns: [
        { key: 'department', label: 'Department' },
        { key: 'count', label: 'Closed, all', numeric: true },
        { key: 'note', label: 'Note' },
      ],
      rows: [
        { department: 'Refunds', count: 12, note: 'said "late"' },
        { department: 'After-sales', count: 0, note: null },
        { department: 'Line\nbreak', count: 3, note: '=cmd' },
      ],
    });
    expect(csv).toBe(
      'Department,"Closed, all",Note\r\nRefunds,12,"said ""late"""\r\nAfter-sales,0,\r\n"Line\nbreak",3,=cmd\r\n',
    );
  });

  it('names the file after the panel and the range', () => {
    expect(csvFileName('SLA attainment', 'this-month')).toBe('sla-attainment-this-month.csv');
    expect(csvFileName('Stage durations', '2026-01-01-to-2026-01-31')).toBe(
      'stage-durations-2026-01-01-to-2026-01-31.csv',
    );
  });
});
