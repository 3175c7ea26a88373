import { describe, expect, it } from 'vitest';
import type { ResponseTimesReport } from './reportTypes.js';
import { responseBandsOption, responseTimesTable, summaryText } from './responseTimes.js';
import { departmentNamer } from './tables.js';

const MIN = 60_000;
const BANDS = [
  ['lt10m', '< 10 min', 10 * MIN],
  ['10m-30m', '10–30 min', 30 * MIN],
  ['30m-1h', '30 min–1 h', 60 * MIN],
  ['1h-4h', '1–4 h', 240 * MIN],
  ['4h-8h', '4–8 h', 480 * MIN],
  ['8h-24h', '8–24 h', 1440 * MIN],
  ['1d-3d', '1–3 d', 4320 * MIN],
  ['gt3d', '> 3 d', null],
] as const;
const histogram = (counts: Record<string, number>) =>
  BANDS.map(([key, label, upToMs]) => ({ key, label, upToMs, count: counts[key] ?? 0 }));
const name = departmentNamer([
  { key: 'support', name: 'Support' },
  { key: 'refunds', name: 'Refunds' },
]);
const empty = { count: 0, meanMs: null, p50Ms: null, p90Ms: null, histogram: histogram({}) };

const report: ResponseTimesReport = {
  range: { preset: 'this-month', from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', timeZone: 'UTC' },
  clock: 'wall',
  firstResponse: {
    overall: {
      count: 3,
      noResponseYet: 1,
      meanMs: 45 * MIN,
      p50Ms: 20 * MIN,
      p90Ms: 100 * MIN,
      histogram: histogram({ lt10m: 1, '10m-30m': 1, '1h-4h': 1 }),
    },
    departments: [
      {
        department: 'refunds',
        count: 1,
        noResponseYet: 0,
        meanMs: 20 * MIN,
        p50Ms: 20 * MIN,
        p90Ms: 20 * MIN,
        histogram: histogram({ '10m-30m': 1 }),
      },
      {
        department: 'support',
        count: 2,
        noResponseYet: 1,
        meanMs: 62.5 * MIN,
        p50Ms: 62.5 * MIN,
        p90Ms: 108.5 * MIN,
        histogram: histogram({ lt10m: 1, '1h-4h': 1 }),
      },
    ],
  },
  resolution: { overall: empty, departments: [] },
};

describe('the first response and resolution panel', () => {
  it('stacks each department’s tickets per band, with the overall percentiles under the title', () => {
    const option = responseBandsOption(report, 'firstResponse', name);
    expect((option.xAxis as { data: string[] }).data).toEqual([
      '<10m',
      '10–30m',
      '30m–1h',
      '1–4h',
      '4–8h',
      '8–24h',
      '1–3d',
      '>3d',
    ]);
    const series = option.series as { name: string; stack: string; data: number[] }[];
    expect(series.map((s) => [s.name, s.stack, s.data])).toEqual([
      ['Refunds', 'tickets', [0, 1, 0, 0, 0, 0, 0, 0]],
      ['Support', 'tickets', [1, 0, 0, 1, 0, 0, 0, 0]],
    ]);
    expect((option.title as { subtext: string }).subtext).toBe(
      'p50 20 min · p90 1 h 40 min · 3 answered · 1 without reply',
    );
  });

  it('says when nothing was measured', () => {
    expect(summaryText('resolution', empty)).toBe('no ticket measured');
    expect(summaryText('firstResponse', { ...empty, noResponseYet: 2 })).toBe(
      'no ticket measured · 2 without reply',
    );
  });

  it('tabulates every measure and department with the percentiles and the band counts', () => {
    const table = responseTimesTable(report, name);
    expect(table.columns.map((c) => c.key)).toEqual([
      'measure',
      'department',
      'count',
      'noResponseYet',
      'p50',
      'p90',
      'mean',
      ...BANDS.map(([key]) => key),
    ]);
    // Resolution has no ticket: no rows for it.
    expect(table.rows.map((r) => [r.measure, r.department, r.count, r.noResponseYet, r.lt10m])).toEqual([
      ['First response', 'All departments', 3, 1, 1],
      ['First response', 'Refunds', 1, 0, 0],
      ['First response', 'Support', 2, 1, 1],
    ]);
    expect(table.rows[2]).toMatchObject({ p50: '1 h 2 min', '1h-4h': 1 });
  });
});
