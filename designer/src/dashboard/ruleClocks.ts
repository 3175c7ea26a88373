// The "Timing-rule clocks" panel: chart options and table from /api/reports/rule-clocks, pure
// functions like chartOptions.ts and tables.ts. One bar per rule: the clocks that stopped in the
// range, met and missed, with the attainment at the right and the clocks overdue now beside it,
// so a manager sees at once which promise to customers is being kept.
import { AXIS_LABEL, base, categoryLabel, COLOURS, rightLabels } from './chartOptions.js';
import type { ChartOption } from './echarts.js';
import type { RuleClockReport } from './reportTypes.js';
import { duration, percent, type DepartmentName, type TableModel } from './tables.js';

type Figures = RuleClockReport['overall'];

/** The label at a bar's right: attainment, and the clocks past their target now. */
export function attainmentLabel(figures: Figures): string {
  const attainment = figures.attainment === null ? '—' : `${Math.round(figures.attainment * 100)} %`;
  return figures.overdueNow > 0 ? `${attainment} · ${figures.overdueNow} overdue now` : attainment;
}

/** Stacked bars per rule of its stopped clocks: met and missed, as counts. */
export function ruleClocksOption(rules: readonly RuleClockReport[]): ChartOption {
  const part = (label: string, color: string, pick: (f: Figures) => number) => ({
    type: 'bar' as const,
    name: label,
    stack: 'clocks',
    itemStyle: { color },
    barMaxWidth: 22,
    data: rules.map((rule) => pick(rule.overall)),
  });
  return {
    ...base(
      'Timing-rule clocks that stopped in the range, per rule: how many met their target and how many missed it; at the right the attainment and the clocks overdue now.',
    ),
    legend: { top: 0, left: 0, textStyle: { fontSize: 12 } },
    grid: { left: 130, right: 150, top: 32, bottom: 24 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: AXIS_LABEL,
      splitLine: { lineStyle: { color: COLOURS.grid } },
    },
    yAxis: [
      { type: 'category', data: rules.map((r) => r.name), inverse: true, axisLabel: categoryLabel(120) },
      rightLabels(
        rules.map((r) => attainmentLabel(r.overall)),
        COLOURS.text,
      ),
    ],
    series: [part('Met', COLOURS.ok, (f) => f.met), part('Missed', COLOURS.danger, (f) => f.stopped - f.met)],
  };
}

const ALL_DEPARTMENTS = 'All departments';

/** One row per rule and department (all departments first): every figure the report gives. */
export function ruleClocksTable(rules: readonly RuleClockReport[], name: DepartmentName): TableModel {
  const row = (rule: RuleClockReport, department: string, f: Figures) => ({
    rule: rule.name,
    department,
    stopped: f.stopped,
    met: f.met,
    attainment: percent(f.attainment),
    p50: duration(f.p50CountedMs),
    p90: duration(f.p90CountedMs),
    paused: duration(f.meanPausedMs),
    pausedShare: percent(f.pausedShare),
    openNow: f.openNow,
    overdueNow: f.overdueNow,
  });
  return {
    columns: [
      { key: 'rule', label: 'Clock' },
      { key: 'department', label: 'Department' },
      { key: 'stopped', label: 'Stopped', numeric: true },
      { key: 'met', label: 'Met', numeric: true },
      { key: 'attainment', label: 'Attainment', numeric: true },
      { key: 'p50', label: 'Counted p50', numeric: true },
      { key: 'p90', label: 'Counted p90', numeric: true },
      { key: 'paused', label: 'Mean paused', numeric: true },
      { key: 'pausedShare', label: 'Paused share', numeric: true },
      { key: 'openNow', label: 'Open now', numeric: true },
      { key: 'overdueNow', label: 'Overdue now', numeric: true },
    ],
    rows: rules.flatMap((rule) => [
      row(rule, ALL_DEPARTMENTS, rule.overall),
      ...rule.departments.map((d) => row(rule, name(d.department), d)),
    ]),
  };
}
