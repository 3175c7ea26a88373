import { describe, expect, it } from 'vitest';
import type { ServiceReport } from './reportTypes.js';
import {
  firstContactOption,
  handlingOption,
  handlingUnit,
  serviceTable,
  sourcesOption,
  sourcesTable,
} from './service.js';
import { departmentNamer } from './tables.js';

const MIN = 60_000;
const name = departmentNamer([
  { key: 'support', name: 'Support' },
  { key: 'refunds', name: 'Refunds' },
]);
const report: ServiceReport = {
  range: { preset: 'this-month', from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', timeZone: 'UTC' },
  sources: [
    { source: 'agent', tickets: 1, share: 0.25 },
    { source: 'api', tickets: 0, share: 0 },
    { source: 'form', tickets: 2, share: 0.5 },
    { source: 'email', tickets: 0, share: 0 },
    { source: 'unknown', tickets: 1, share: 0.25 },
  ],
  firstContact: {
    overall: { done: 3, firstContact: 2, rate: 2 / 3 },
    departments: [
      { department: 'support', done: 2, firstContact: 1, rate: 0.5 },
      { department: 'refunds', done: 1, firstContact: 1, rate: 1 },
    ],
  },
  handling: {
    departments: [
      { department: 'refunds', stages: 2, meanWorkMs: 40 * MIN, meanBusinessWorkMs: 35 * MIN },
      // Handled stages but no ticket done that it received: no first-contact figure.
      { department: 'faults', stages: 1, meanWorkMs: 90 * MIN, meanBusinessWorkMs: 60 * MIN },
    ],
    agents: [
      {
        department: 'refunds',
        userId: 'u-1',
        name: 'Lin',
        stages: 2,
        meanWorkMs: 40 * MIN,
        meanBusinessWorkMs: 35 * MIN,
      },
    ],
  },
};

type Series = { data: unknown[]; label?: { formatter: (p: { dataIndex: number }) => string } };
const seriesOf = (option: ReturnType<typeof sourcesOption>) => (option.series as Series[])[0]!;
const categories = (option: ReturnType<typeof sourcesOption>) => {
  const axis = option.yAxis as { data: string[] } | { data: string[] }[];
  return (Array.isArray(axis) ? axis : [axis]).map((a) => a.data);
};

describe('the service panels', () => {
  it('draws one bar per source, labelled with its count and share', () => {
    const option = sourcesOption(report.sources);
    expect(categories(option)).toEqual([['Agent', 'API', 'Web form', 'E-mail', 'Unknown']]);
    const series = seriesOf(option);
    expect(series.data).toEqual([1, 0, 2, 0, 1]);
    expect(series.label!.formatter({ dataIndex: 2 })).toBe('2 (50 %)');
  });

  it('draws the first-contact rate per department as a percentage, "resolved of done" beside it', () => {
    const option = firstContactOption(report.firstContact.departments, name);
    expect(categories(option)).toEqual([
      ['Support', 'Refunds'],
      ['1 of 2', '1 of 1'],
    ]);
    expect(seriesOf(option).data).toEqual([50, 100]);
  });

  it('draws the mean handling time on the clock asked for, in minutes or hours as the longest needs', () => {
    const wall = handlingOption(report.handling.departments, name, 'wall');
    expect(seriesOf(wall).data).toEqual([40, 90]);
    expect(seriesOf(wall).label!.formatter({ dataIndex: 1 })).toBe('1 h 30 min');
    const business = handlingOption(report.handling.departments, name, 'business');
    expect(seriesOf(business).data).toEqual([35, 60]);
    expect(categories(business)).toEqual([['Refunds', 'faults']]);
    expect(handlingUnit(119 * MIN)).toEqual({ ms: MIN, suffix: 'min' });
    expect(handlingUnit(4 * 60 * MIN)).toEqual({ ms: 60 * MIN, suffix: 'h' });
    const long = handlingOption(
      [{ department: 'faults', stages: 1, meanWorkMs: 0, meanBusinessWorkMs: 270 * MIN }],
      name,
      'business',
    );
    expect(seriesOf(long).data).toEqual([4.5]);
  });

  it('tabulates sources, and departments with either figure before their agents', () => {
    expect(sourcesTable(report.sources).rows[4]).toEqual({ source: 'Unknown', tickets: 1, share: '25.0 %' });
    expect(sourcesTable(report.sources.map((s) => ({ ...s, tickets: 0, share: null }))).rows).toEqual([]);
    const rows = serviceTable(report, name).rows;
    expect(rows.map((r) => [r.who, r.rate, r.stages, r.businessWork])).toEqual([
      ['Support', '50.0 %', null, null],
      ['Refunds', '100.0 %', 2, '35 min'],
      ['faults', null, 1, '1 h'],
      ['Lin', null, 2, '35 min'],
    ]);
    expect(rows[3]).toMatchObject({ department: 'Refunds', done: null, work: '40 min' });
  });
});
