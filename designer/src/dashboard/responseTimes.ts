// The "First response and resolution" panel: chart options and table from
// /api/reports/response-times, pure functions like chartOptions.ts and tables.ts. Both charts use
// the stage report's duration bands, so a manager reads first response, resolution and stage
// durations on one scale.
import { formatDuration } from '../tasks/timeLeft.js';
import { AXIS_LABEL, base, COLOURS, SHORT_BANDS } from './chartOptions.js';
import type { ChartOption } from './echarts.js';
import type { ResponseTimesReport } from './reportTypes.js';
import { duration, type DepartmentName, type TableModel } from './tables.js';

type Distribution = ResponseTimesReport['resolution']['overall'];
type FirstResponse = ResponseTimesReport['firstResponse']['overall'];
export type ResponseMeasure = 'firstResponse' | 'resolution';

export const MEASURE_TITLES: Record<ResponseMeasure, string> = {
  firstResponse: 'First response',
  resolution: 'Resolution',
};

/** One colour per department, in the order the report lists them (cycled past eight). */
const DEPARTMENT_COLOURS = [
  COLOURS.accent,
  COLOURS.okLight,
  COLOURS.warn,
  COLOURS.dark,
  COLOURS.light,
  COLOURS.ok,
  COLOURS.danger,
  COLOURS.muted,
];

/** The headline under a chart's title: the overall p50 and p90, and for first response who is still waiting. */
export function summaryText(measure: ResponseMeasure, overall: Distribution | FirstResponse): string {
  const waiting = 'noResponseYet' in overall ? ` · ${overall.noResponseYet} without reply` : '';
  if (overall.count === 0) return `no ticket measured${waiting}`;
  const counted = measure === 'firstResponse' ? 'answered' : 'resolved';
  return `p50 ${formatDuration(overall.p50Ms ?? 0)} · p90 ${formatDuration(overall.p90Ms ?? 0)} · ${overall.count} ${counted}${waiting}`;
}

/**
 * Tickets per duration band, one stacked series per department, so a bar's height is the band's
 * share of all the departments' tickets and its segments say whose they are.
 */
export function responseBandsOption(
  report: ResponseTimesReport,
  measure: ResponseMeasure,
  name: DepartmentName,
): ChartOption {
  const { overall, departments } = report[measure];
  const bands = overall.histogram;
  const what =
    measure === 'firstResponse'
      ? 'time from creation to the first agent reply'
      : 'time from creation to done';
  return {
    ...base(`${MEASURE_TITLES[measure]} per duration band, tickets per department stacked: ${what}.`),
    title: {
      text: `${MEASURE_TITLES[measure]} (wall-clock)`,
      subtext: summaryText(measure, overall),
      textStyle: { fontSize: 12, fontWeight: 600 },
      subtextStyle: { fontSize: 11, color: COLOURS.muted },
    },
    legend: { bottom: 0, left: 0, textStyle: { fontSize: 11 }, itemWidth: 12, itemHeight: 8 },
    grid: { left: 36, right: 8, top: 52, bottom: 52 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: bands.map((b) => SHORT_BANDS[b.key] ?? b.label),
      axisLabel: { ...AXIS_LABEL, interval: 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    series: departments.map((d, index) => ({
      type: 'bar' as const,
      name: name(d.department),
      stack: 'tickets',
      barMaxWidth: 28,
      itemStyle: { color: DEPARTMENT_COLOURS[index % DEPARTMENT_COLOURS.length] },
      data: d.histogram.map((b) => b.count),
    })),
  };
}

const ALL_DEPARTMENTS = 'All departments';

/**
 * One row per measure and department (all departments first), with the chart's band counts, so
 * the table and its CSV hold every figure the charts draw plus the percentiles.
 */
export function responseTimesTable(report: ResponseTimesReport, name: DepartmentName): TableModel {
  const bands = report.firstResponse.overall.histogram;
  const row = (measure: ResponseMeasure, department: string, d: Distribution | FirstResponse) => ({
    measure: MEASURE_TITLES[measure],
    department,
    count: d.count,
    noResponseYet: 'noResponseYet' in d ? d.noResponseYet : null,
    p50: duration(d.p50Ms),
    p90: duration(d.p90Ms),
    mean: duration(d.meanMs),
    ...Object.fromEntries(d.histogram.map((b) => [b.key, b.count])),
  });
  const rowsOf = (measure: ResponseMeasure) => {
    const { overall, departments } = report[measure];
    if (overall.count === 0 && !('noResponseYet' in overall && overall.noResponseYet > 0)) return [];
    return [
      row(measure, ALL_DEPARTMENTS, overall),
      ...departments.map((d) => row(measure, name(d.department), d)),
    ];
  };
  return {
    columns: [
      { key: 'measure', label: 'Measure' },
      { key: 'department', label: 'Department' },
      { key: 'count', label: 'Tickets timed', numeric: true },
      { key: 'noResponseYet', label: 'No response yet', numeric: true },
      { key: 'p50', label: 'p50', numeric: true },
      { key: 'p90', label: 'p90', numeric: true },
      { key: 'mean', label: 'Mean', numeric: true },
      ...bands.map((b) => ({ key: b.key, label: b.label, numeric: true })),
    ],
    rows: [...rowsOf('firstResponse'), ...rowsOf('resolution')],
  };
}
