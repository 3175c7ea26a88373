// The service report's panels (ticket sources; first-contact resolution and handling time): their
// chart options and tables, pure functions of /api/reports/service's answer like chartOptions.ts
// and tables.ts, kept apart so those stay about stage durations.
import { formatDuration } from '../tasks/timeLeft.js';
import { AXIS_LABEL, base, categoryLabel, COLOURS, rightLabels } from './chartOptions.js';
import type { ChartOption } from './echarts.js';
import type { Clock } from './rangeQuery.js';
import type { ServiceReport, SourceCount } from './reportTypes.js';
import { duration, percent, type DepartmentName, type TableModel } from './tables.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const SOURCE_LABELS: Record<SourceCount['source'], string> = {
  agent: 'Agent',
  api: 'API',
  form: 'Web form',
  email: 'E-mail',
  unknown: 'Unknown',
};

type Handling = ServiceReport['handling']['departments'][number];
const meanOf = (h: Handling, clock: Clock) => (clock === 'business' ? h.meanBusinessWorkMs : h.meanWorkMs);
const sharePercent = (share: number | null) => (share === null ? '' : ` (${Math.round(share * 100)} %)`);

const valueAxis = (formatter: string | ((value: number) => string)) => ({
  type: 'value' as const,
  axisLabel: { ...AXIS_LABEL, formatter },
  splitLine: { lineStyle: { color: COLOURS.grid } },
});
const categoryAxis = (labels: string[]) => ({
  type: 'category' as const,
  data: labels,
  inverse: true,
  axisLabel: categoryLabel(120),
});

/** One horizontal bar series with each bar's own label at its end. */
const labelledBars = (name: string, data: number[], labelOf: (index: number) => string) => ({
  type: 'bar' as const,
  name,
  barMaxWidth: 18,
  itemStyle: { color: COLOURS.accent },
  label: {
    show: true,
    position: 'right' as const,
    color: COLOURS.text,
    fontSize: 11,
    formatter: (params: unknown) => labelOf((params as { dataIndex: number }).dataIndex),
  },
  data,
});

/** Tickets created in the range per source; the count and its share at the end of each bar. */
export function sourcesOption(sources: readonly SourceCount[]): ChartOption {
  return {
    ...base('Tickets created in the range per source: agent, API, web form, e-mail, and unknown.'),
    grid: { left: 84, right: 76, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { ...valueAxis('{value}'), minInterval: 1 },
    yAxis: { ...categoryAxis(sources.map((s) => SOURCE_LABELS[s.source])), axisLabel: categoryLabel(76) },
    series: [
      labelledBars(
        'Tickets',
        sources.map((s) => s.tickets),
        (index) => `${sources[index]!.tickets}${sharePercent(sources[index]!.share)}`,
      ),
    ],
  };
}

/** First-contact rate per department (of its done tickets), with "resolved of done" on the right. */
export function firstContactOption(
  departments: ServiceReport['firstContact']['departments'],
  name: DepartmentName,
): ChartOption {
  const shown = departments.filter((d) => d.rate !== null);
  return {
    ...base(
      'First-contact resolution per department: share of the done tickets it received that it closed without handing them to another department.',
    ),
    title: { text: 'Resolved by the first department', textStyle: { fontSize: 12, fontWeight: 600 } },
    grid: { left: 130, right: 64, top: 30, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => `${Number(value).toFixed(1)} %`,
    },
    xAxis: { ...valueAxis('{value} %'), max: 100, interval: 25 },
    yAxis: [
      categoryAxis(shown.map((d) => name(d.department))),
      rightLabels(
        shown.map((d) => `${d.firstContact} of ${d.done}`),
        COLOURS.text,
      ),
    ],
    series: [
      {
        type: 'bar',
        name: 'First-contact resolution',
        barMaxWidth: 18,
        itemStyle: { color: COLOURS.ok },
        data: shown.map((d) => (d.rate ?? 0) * 100),
      },
    ],
  };
}

/**
 * The axis unit for handling times up to `longestMs`: minutes while the longest is under two hours,
 * hours beyond, so the axis ticks are round numbers of it ("20 min", "4 h") that never crowd.
 */
export function handlingUnit(longestMs: number): { ms: number; suffix: string } {
  return longestMs < 2 * HOUR ? { ms: MINUTE, suffix: 'min' } : { ms: HOUR, suffix: 'h' };
}

/** Mean handling time (claimed to closed) per department on the view's clock, each bar labelled. */
export function handlingOption(
  departments: readonly Handling[],
  name: DepartmentName,
  clock: Clock,
): ChartOption {
  const clockName = clock === 'business' ? 'business time' : 'wall-clock';
  const means = departments.map((d) => meanOf(d, clock));
  const unit = handlingUnit(Math.max(0, ...means));
  return {
    ...base(`Mean handling time per department, claimed to closed, in ${clockName}.`),
    title: { text: `Mean handling time (${clockName})`, textStyle: { fontSize: 12, fontWeight: 600 } },
    grid: { left: 130, right: 72, top: 30, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value) => formatDuration(Number(value) * unit.ms),
    },
    xAxis: { ...valueAxis(`{value} ${unit.suffix}`), splitNumber: 4 },
    yAxis: categoryAxis(departments.map((d) => name(d.department))),
    series: [
      labelledBars(
        'Mean handling time',
        means.map((ms) => ms / unit.ms),
        (index) => formatDuration(means[index]!),
      ),
    ],
  };
}

export function sourcesTable(sources: readonly SourceCount[]): TableModel {
  const created = sources.some((s) => s.tickets > 0);
  return {
    columns: [
      { key: 'source', label: 'Source' },
      { key: 'tickets', label: 'Tickets created', numeric: true },
      { key: 'share', label: 'Share', numeric: true },
    ],
    rows: (created ? sources : []).map((s) => ({
      source: SOURCE_LABELS[s.source],
      tickets: s.tickets,
      share: percent(s.share),
    })),
  };
}

/**
 * Departments (every one that has either figure, first-contact ones first), then agents: first-
 * contact resolution is a department's figure, so agents' rows leave it empty.
 */
export function serviceTable(report: ServiceReport, name: DepartmentName): TableModel {
  const resolution = new Map(report.firstContact.departments.map((d) => [d.department, d]));
  const handling = new Map(report.handling.departments.map((d) => [d.department, d]));
  const departments = [...new Set([...resolution.keys(), ...handling.keys()])];
  const times = (h: Handling | undefined) => ({
    stages: h?.stages ?? null,
    work: duration(h?.meanWorkMs),
    businessWork: duration(h?.meanBusinessWorkMs),
  });
  return {
    columns: [
      { key: 'who', label: 'Department or agent' },
      { key: 'department', label: 'Department' },
      { key: 'done', label: 'Done tickets', numeric: true },
      { key: 'firstContact', label: 'Resolved by it alone', numeric: true },
      { key: 'rate', label: 'First-contact rate', numeric: true },
      { key: 'stages', label: 'Handled stages', numeric: true },
      { key: 'work', label: 'Mean handling (wall-clock)', numeric: true },
      { key: 'businessWork', label: 'Mean handling (business)', numeric: true },
    ],
    rows: [
      ...departments.map((key) => {
        const r = resolution.get(key);
        return {
          who: name(key),
          department: name(key),
          done: r?.done ?? null,
          firstContact: r?.firstContact ?? null,
          rate: percent(r?.rate),
          ...times(handling.get(key)),
        };
      }),
      ...report.handling.agents.map((a) => ({
        who: a.name,
        department: name(a.department),
        done: null,
        firstContact: null,
        rate: null,
        ...times(a),
      })),
    ],
  };
}
