import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateAt, startOfLocalDate } from './local-date.js';

const iso = (t: number) => new Date(t).toISOString();

describe('local dates', () => {
  it('starts a day at local midnight, at the jump when a clock change skips midnight', () => {
    expect(iso(startOfLocalDate({ year: 2026, month: 3, day: 1 }, 'Asia/Shanghai'))).toBe(
      '2026-02-28T16:00:00.000Z',
    );
    expect(iso(startOfLocalDate({ year: 2026, month: 3, day: 29 }, 'Europe/Berlin'))).toBe(
      '2026-03-28T23:00:00.000Z',
    );
    // Santiago moved its clocks from 00:00 to 01:00 on 2024-09-08: the day starts at the jump.
    expect(iso(startOfLocalDate({ year: 2024, month: 9, day: 8 }, 'America/Santiago'))).toBe(
      '2024-09-08T04:00:00.000Z',
    );
    // Month 13 rolls over like Date.UTC.
    expect(iso(startOfLocalDate({ year: 2026, month: 13, day: 1 }, 'UTC'))).toBe('2027-01-01T00:00:00.000Z');
  });

  it('reads the zone date of an instant on both sides of midnight', () => {
    const beforeMidnight = Date.parse('2026-01-31T15:59:59.999Z'); // 23:59:59.999 in Shanghai
    expect(localDateAt(beforeMidnight, 'Asia/Shanghai')).toEqual({ year: 2026, month: 1, day: 31 });
    expect(localDateAt(beforeMidnight + 1, 'Asia/Shanghai')).toEqual({ year: 2026, month: 2, day: 1 });
  });

  it('the start of an instant’s local date is never after it and within 25 hours before it', () => {
    const zones = ['Europe/Berlin', 'America/New_York', 'America/Santiago', 'Asia/Kolkata', 'Asia/Shanghai'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(...zones),
        (t, zone) => {
          const start = startOfLocalDate(localDateAt(t, zone), zone);
          expect(start).toBeLessThanOrEqual(t);
          expect(t - start).toBeLessThan(25 * 3_600_000);
          expect(localDateAt(start, zone)).toEqual(localDateAt(t, zone));
        },
      ),
      { numRuns: 500 },
    );
  });
});
