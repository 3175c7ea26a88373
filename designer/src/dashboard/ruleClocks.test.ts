import { describe, expect, it } from 'vitest';
import type { RuleClockReport } from './reportTypes.js';
import { attainmentLabel, ruleClocksOption, ruleClocksTable } from './ruleClocks.js';
import { departmentNamer } from './tables.js';

const MIN = 60_000;
const name = departmentNamer([{ key: 'support', name: 'Support' }]);
const figures = (over: Partial<RuleClockReport['overall']> = {}): RuleClockReport['overall'] => ({
  stopped: 4,
  met: 3,
  attainment: 0.75,
  p50CountedMs: 20 * MIN,
  p90CountedMs: 50 * MIN,
  meanPausedMs: 10 * MIN,
  pausedShare: 0.25,
  openNow: 2,
  overdueNow: 1,
  ...over,
});
const rules: RuleClockReport[] = [
  {
    key: 'first-response',
    name: 'First response',
    overall: figures(),
    departments: [{ department: 'support', ...figures() }],
  },
  {
    key: 'resolution',
    name: 'Resolution',
    overall: figures({ stopped: 0, met: 0, attainment: null, p50CountedMs: null, overdueNow: 0 }),
    departments: [],
  },
];

describe('the timing-rule clocks panel', () => {
  it('labels each bar with its attainment and the clocks overdue now', () => {
    expect(attainmentLabel(rules[0]!.overall)).toBe('75 % · 1 overdue now');
    expect(attainmentLabel(rules[1]!.overall)).toBe('—');
  });

  it('stacks met and missed per rule', () => {
    const option = ruleClocksOption(rules) as {
      series: { name: string; data: number[] }[];
      yAxis: { data: string[] }[];
    };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['Met', [3, 0]],
      ['Missed', [1, 0]],
    ]);
    expect(option.yAxis.map((axis) => axis.data)).toEqual([
      ['First response', 'Resolution'],
      ['75 % · 1 overdue now', '—'],
    ]);
  });

  it('tables every figure per rule and department, all departments first', () => {
    const table = ruleClocksTable(rules, name);
    expect(
      table.rows.map((r) => [r.rule, r.department, r.attainment, r.p50, r.paused, r.pausedShare]),
    ).toEqual([
      ['First response', 'All departments', '75.0 %', '20 min', '10 min', '25.0 %'],
      ['First response', 'Support', '75.0 %', '20 min', '10 min', '25.0 %'],
      ['Resolution', 'All departments', null, null, '10 min', '25.0 %'],
    ]);
  });
});
