import { describe, expect, it } from 'vitest';
import { parseCycle, parseDateTime, parseDuration } from './index.js';

const H = 3_600_000;

describe('parseDuration', () => {
  it.each([
    ['PT4H', 4 * H, false],
    ['PT30M', 30 * 60_000, false],
    ['PT1.5S', 1500, false],
    ['PT0,5H', 0.5 * H, false],
    ['P2D', 48 * H, true],
    ['P1DT12H', 36 * H, true],
    ['P1W', 7 * 24 * H, true],
    ['P1.5D', 36 * H, true],
    [' PT1H ', H, false],
    ['PT1H30M15.25S', H + 30 * 60_000 + 15_250, false],
  ])('%s -> %d ms', (iso, ms, usesDays) => {
    expect(parseDuration(iso)).toEqual({ ok: true, value: { ms, usesDays } });
  });

  it.each(['', 'P', 'PT', 'P1DT', '4h', 'PT4', 'P1H', 'PT1.5H30M', 'P1W2D', '-PT1H', '${sla}'])(
    'rejects %j',
    (iso) => {
      const result = parseDuration(iso);
      expect(result.ok).toBe(false);
    },
  );

  it.each(['P1Y', 'P2M', 'P1Y2M3D', 'P1M1D'])('rejects %s as ambiguous', (iso) => {
    const result = parseDuration(iso);
    expect(result).toEqual({
      ok: false,
      code: 'ambiguous-duration',
      error: expect.stringContaining('years or months'),
    });
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-03-01T09:00:00Z', Date.UTC(2026, 2, 1, 9)],
    ['2026-03-01T09:00Z', Date.UTC(2026, 2, 1, 9)],
    ['2026-03-01T09:00:00+08:00', Date.UTC(2026, 2, 1, 1)],
    ['2026-03-01T09:00:00-0530', Date.UTC(2026, 2, 1, 14, 30)],
    ['2026-03-01T09:00:00.250+01', Date.UTC(2026, 2, 1, 8, 0, 0, 250)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%s', (iso, at) => {
    expect(parseDateTime(iso)).toEqual({ ok: true, value: at });
  });

  it.each([
    '2026-03-01T09:00:00',
    '2026-03-01',
    '2025-02-29T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-01-01T24:00:00Z',
    'tomorrow',
  ])('rejects %j', (iso) => {
    expect(parseDateTime(iso)).toMatchObject({ ok: false, code: 'invalid-date' });
  });
});

describe('parseCycle', () => {
  it('reads repetitions and interval', () => {
    expect(parseCycle('R3/PT1H')).toEqual({
      ok: true,
      value: { repetitions: 3, duration: { ms: H, usesDays: false } },
    });
    expect(parseCycle('R/P1D')).toEqual({ ok: true, value: { duration: { ms: 24 * H, usesDays: true } } });
  });

  it.each(['PT1H', 'R0/PT1H', 'R3/PT0S', 'R3/2026-01-01T00:00:00Z/PT1H', 'R3/P1M', 'R/'])(
    'rejects %j',
    (iso) => {
      expect(parseCycle(iso)).toMatchObject({
        ok: false,
        code: iso === 'R3/P1M' ? 'ambiguous-duration' : 'invalid-cycle',
      });
    },
  );
});
