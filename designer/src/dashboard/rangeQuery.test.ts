import { describe, expect, it } from 'vitest';
import {
  dashboardQueryFrom,
  DEFAULT_QUERY,
  RANGE_PRESETS,
  rangeText,
  reportParams,
  routeQueryOf,
} from './rangeQuery.js';

describe('dashboard query', () => {
  it('offers every preset the issue lists, in picker order', () => {
    expect(RANGE_PRESETS).toEqual([
      'today',
      'yesterday',
      'this-week',
      'last-week',
      'this-month',
      'last-month',
      'this-year',
      'last-year',
      'custom',
    ]);
  });

  it('round-trips a view through the URL, leaving the defaults out', () => {
    const view = {
      ...DEFAULT_QUERY,
      range: 'custom' as const,
      from: '2026-01-05',
      to: '2026-02-01',
      typeId: 'call-centre',
      clock: 'wall' as const,
      measure: 'work' as const,
    };
    const query = routeQueryOf(view);
    expect(query).toEqual({
      range: 'custom',
      from: '2026-01-05',
      to: '2026-02-01',
      type: 'call-centre',
      clock: 'wall',
      measure: 'work',
    });
    expect(dashboardQueryFrom(query)).toEqual(view);
    expect(routeQueryOf(DEFAULT_QUERY)).toEqual({});
    // Dates belong to a custom range only.
    expect(routeQueryOf({ ...view, range: 'last-week' })).toEqual({
      range: 'last-week',
      type: 'call-centre',
      clock: 'wall',
      measure: 'work',
    });
  });

  it('reads unknown or malformed values as the defaults', () => {
    expect(
      dashboardQueryFrom({
        range: 'fortnight',
        from: '5 Jan',
        clock: 'sideways',
        measure: 'idle',
        type: ['a', 'b'],
      }),
    ).toEqual(DEFAULT_QUERY);
  });

  it('asks the API for the range, and for nothing while a custom range is incomplete or reversed', () => {
    expect(reportParams({ ...DEFAULT_QUERY, range: 'last-week' })?.toString()).toBe('range=last-week');
    expect(reportParams({ ...DEFAULT_QUERY, range: 'custom', from: '2026-01-05' })).toBeUndefined();
    expect(
      reportParams({ ...DEFAULT_QUERY, range: 'custom', from: '2026-02-01', to: '2026-01-05' }),
    ).toBeUndefined();
    expect(
      reportParams({
        ...DEFAULT_QUERY,
        range: 'custom',
        from: '2026-01-05',
        to: '2026-01-05',
        typeId: 'x y',
      })?.toString(),
    ).toBe('range=custom&from=2026-01-05&to=2026-01-05&typeId=x+y');
  });

  it("names a resolved range's days in its zone, the exclusive end excluded", () => {
    const december = {
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
      timeZone: 'Asia/Shanghai',
    };
    expect(rangeText(december)).toBe('1 Dec 2026 – 31 Dec 2026');
    expect(
      rangeText({
        from: '2026-12-01T16:00:00.000Z',
        to: '2026-12-02T16:00:00.000Z',
        timeZone: 'Asia/Shanghai',
      }),
    ).toBe('2 Dec 2026');
  });
});
