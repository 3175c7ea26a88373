// Calendar laws over random calendars in zones with and without DST, around DST changes, year
// ends and a leap day, plus agreement with the minute-by-minute oracle in slow-reference.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarSpec, Weekday } from '../types.js';
import {
  addBusinessTime,
  addBusinessTimes,
  businessSegments,
  businessTimeBetween,
  isOpenAt,
} from './index.js';
import { referenceAddBusinessTime, referenceBusinessTime } from './slow-reference.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const COMMON_DAYS = ['2026-12-31', '2028-02-29', '2026-06-15'];
/** Each zone with the days worth testing around: its 2026 DST changes, a year end, a leap day. */
const ZONE_DAYS: Record<string, string[]> = {
  'Europe/Berlin': ['2026-03-29', '2026-10-25'],
  'America/New_York': ['2026-03-08', '2026-11-01'],
  'Australia/Lord_Howe': ['2026-04-05', '2026-10-04'], // half-hour DST
  'America/St_Johns': ['2026-03-08', '2026-11-01'], // -03:30 / -02:30
  'Asia/Shanghai': [],
  'Asia/Kolkata': [],
  UTC: [],
};
const zoneAnchorArb = fc.constantFrom(...Object.keys(ZONE_DAYS)).chain((timeZone) =>
  fc.record({
    timeZone: fc.constant(timeZone),
    anchor: fc.constantFrom(
      ...[...(ZONE_DAYS[timeZone] ?? []), ...COMMON_DAYS].map((date) => Date.parse(`${date}T00:00:00Z`)),
    ),
  }),
);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 0-3 sorted, non-overlapping ranges on a 15-minute grid (ends may be 24:00), often at night where DST changes happen. */
const dayHours = fc
  .oneof(
    fc.uniqueArray(fc.integer({ min: 0, max: 96 }), { maxLength: 6 }),
    fc.uniqueArray(fc.integer({ min: 0, max: 16 }), { maxLength: 4 }),
  )
  .map((marks) => {
    const sorted = [...marks].sort((x, y) => x - y);
    const ranges: [string, string][] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const from = sorted[i] as number;
      const to = sorted[i + 1] as number;
      if (from < 96) ranges.push([hhmm(from * 15), hhmm(to * 15)]);
    }
    return ranges;
  });

type Case = { spec: CalendarSpec; at: (offsetMs: number) => number };

/** A random calendar with at least one opening, and instants relative to a day worth testing in its zone. */
const caseArb: fc.Arbitrary<Case> = fc
  .record({
    zone: zoneAnchorArb,
    hours: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    holidayOffsets: fc.uniqueArray(fc.integer({ min: -3, max: 20 }), { maxLength: 4 }),
  })
  .map(({ zone, hours, holidayOffsets }) => ({
    spec: {
      timeZone: zone.timeZone,
      week: Object.fromEntries(WEEKDAYS.flatMap((day, i) => (hours[i]?.length ? [[day, hours[i]]] : []))),
      holidays: holidayOffsets.map((offset) =>
        new Date(zone.anchor + offset * DAY).toISOString().slice(0, 10),
      ),
    },
    at: (offsetMs: number) => zone.anchor + offsetMs,
  }))
  .filter(({ spec }) => Object.keys(spec.week).length > 0);

/** Random to the millisecond, or on the calendars' 15-minute grid so results hit opening ends exactly. */
const timeArb = (min: number, max: number) =>
  fc.oneof(
    fc.integer({ min, max }),
    fc
      .integer({ min: Math.ceil(min / (15 * MINUTE)), max: Math.floor(max / (15 * MINUTE)) })
      .map((n) => n * 15 * MINUTE),
  );
/** An offset of a few days around the case's anchor. */
const offsetArb = timeArb(-4 * DAY, 4 * DAY);
const durationArb = timeArb(0, 4 * WEEK);

// Property runs walk thousands of days; the default 5 s is too tight on a shared machine.
describe('calendar laws', { timeout: 60_000 }, () => {
  it('measuring what was added gives back the duration', () => {
    fc.assert(
      fc.property(caseArb, offsetArb, durationArb, ({ spec, at }, offset, duration) => {
        const start = at(offset);
        expect(businessTimeBetween(start, addBusinessTime(start, duration, spec), spec)).toBe(duration);
      }),
      { numRuns: 300 },
    );
  });

  it('addBusinessTimes answers each duration exactly as addBusinessTime does', () => {
    const durationsArb = fc.oneof(
      // SLA-like: ascending whole milliseconds, the one-scan path, often over weeks to skip.
      fc.array(timeArb(0, 6 * WEEK), { maxLength: 4 }).map((ds) => [...ds].sort((x, y) => x - y)),
      // Anything else takes one scan per duration: unsorted, fractional, negative, infinite.
      fc.array(
        fc.oneof(
          timeArb(-DAY, 2 * WEEK),
          fc.double({ min: 0, max: 3 * DAY, noNaN: true }),
          fc.constant(Number.POSITIVE_INFINITY),
        ),
        { maxLength: 4 },
      ),
    );
    fc.assert(
      fc.property(caseArb, offsetArb, durationsArb, ({ spec, at }, offset, durations) => {
        const start = at(offset);
        expect(addBusinessTimes(start, durations, spec)).toEqual(
          durations.map((d) => addBusinessTime(start, d, spec)),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone in the duration and in the start', () => {
    fc.assert(
      fc.property(
        caseArb,
        offsetArb,
        durationArb,
        durationArb,
        fc.integer({ min: 0, max: 3 * DAY }),
        ({ spec, at }, offset, d1, d2, shift) => {
          const start = at(offset);
          const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(addBusinessTime(start, short, spec)).toBeLessThanOrEqual(addBusinessTime(start, long, spec));
          expect(addBusinessTime(start, d1, spec)).toBeLessThanOrEqual(
            addBusinessTime(start + shift, d1, spec),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never lands inside a closed period, except exactly at an opening end', () => {
    fc.assert(
      fc.property(caseArb, offsetArb, timeArb(1, 4 * WEEK), ({ spec, at }, offset, duration) => {
        const start = at(offset);
        const end = addBusinessTime(start, duration, spec);
        expect(end).toBeGreaterThan(start);
        // The millisecond just before the result is open: the result is in an opening or ends one.
        expect(isOpenAt(end - 1, spec)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is additive over a split point', () => {
    fc.assert(
      fc.property(caseArb, fc.array(offsetArb, { minLength: 3, maxLength: 3 }), ({ spec, at }, offsets) => {
        const [a, b, c] = offsets.map(at).sort((x, y) => x - y) as [number, number, number];
        expect(businessTimeBetween(a, b, spec) + businessTimeBetween(b, c, spec)).toBe(
          businessTimeBetween(a, c, spec),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('counts nothing on a holiday: adding one removes exactly the openings of that local day', () => {
    const formats = new Map<string, Intl.DateTimeFormat>();
    const localDate = (timeZone: string, t: number) => {
      const format = formats.get(timeZone) ?? new Intl.DateTimeFormat('en-CA', { timeZone });
      formats.set(timeZone, format);
      return format.format(t);
    };
    /** First instant on the 15-minute grid (every tested offset is a multiple of 15 min) whose local date is >= date. */
    const localMidnight = (timeZone: string, date: string) => {
      let t = Date.parse(`${date}T00:00:00Z`) - 15 * HOUR;
      while (localDate(timeZone, t) < date) t += 15 * MINUTE;
      return t;
    };
    fc.assert(
      fc.property(
        caseArb,
        offsetArb,
        fc.integer({ min: 0, max: 3 }),
        ({ spec, at }, offset, holidayOffset) => {
          const a = at(offset);
          const b = a + 4 * DAY;
          const holiday = localDate(spec.timeZone, a + holidayOffset * DAY);
          const dayStart = localMidnight(spec.timeZone, holiday);
          const dayEnd = localMidnight(
            spec.timeZone,
            localDate('UTC', Date.parse(`${holiday}T12:00:00Z`) + DAY),
          );
          const withHoliday: CalendarSpec = { ...spec, holidays: [...(spec.holidays ?? []), holiday] };
          const removed = businessTimeBetween(Math.max(a, dayStart), Math.min(b, dayEnd), spec);
          expect(businessTimeBetween(a, b, withHoliday)).toBe(businessTimeBetween(a, b, spec) - removed);
          expect(businessTimeBetween(dayStart, dayEnd, withHoliday)).toBe(0);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);

  it('skips whole weeks exactly as counting the segments one by one does', () => {
    fc.assert(
      fc.property(
        caseArb,
        offsetArb,
        timeArb(0, 10 * WEEK),
        timeArb(1, 6 * WEEK),
        ({ spec, at }, offset, span, duration) => {
          const start = at(offset);
          const segments = businessSegments(start, start + 20 * WEEK, spec, 10_000); // never skips weeks
          const counted = (end: number) =>
            segments.reduce((sum, s) => sum + Math.max(0, Math.min(s.to, end) - s.from), 0);
          expect(businessTimeBetween(start, start + span, spec)).toBe(counted(start + span));
          let remaining = duration;
          const landing = segments.find((s) => (remaining -= s.to - s.from) <= 0);
          if (landing) expect(addBusinessTime(start, duration, spec)).toBe(landing.to + remaining);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with the minute-by-minute reference on openings inside DST changes', () => {
    const dstZones = Object.entries(ZONE_DAYS).filter(([, days]) => days.length > 0);
    const nightCase = fc
      .record({
        zone: fc.constantFrom(...dstZones),
        change: fc.constantFrom(0, 1),
        hours: fc.uniqueArray(fc.integer({ min: 0, max: 16 }), { minLength: 2, maxLength: 6 }),
      })
      .map(({ zone: [timeZone, days], change, hours }) => {
        const sorted = [...hours].sort((x, y) => x - y);
        const ranges: [string, string][] = [];
        for (let i = 0; i + 1 < sorted.length; i += 2)
          ranges.push([hhmm((sorted[i] as number) * 15), hhmm((sorted[i + 1] as number) * 15)]);
        return {
          spec: { timeZone, week: Object.fromEntries(WEEKDAYS.map((day) => [day, ranges])) },
          day: Date.parse(`${days[change]}T00:00:00Z`),
        };
      });
    fc.assert(
      fc.property(
        nightCase,
        fc.integer({ min: -18 * 60, max: 6 * 60 }),
        fc.integer({ min: 0, max: 36 * 60 }),
        fc.integer({ min: 0, max: 6 * 60 }),
        ({ spec, day }, startMinute, span, minutes) => {
          const a = day + startMinute * MINUTE;
          expect(businessTimeBetween(a, a + span * MINUTE, spec)).toBe(
            referenceBusinessTime(a, a + span * MINUTE, spec),
          );
          const expected = referenceAddBusinessTime(a, minutes * MINUTE, spec, 3 * DAY);
          if (expected !== undefined) expect(addBusinessTime(a, minutes * MINUTE, spec)).toBe(expected);
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);

  it('agrees with the minute-by-minute reference on random calendars', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.integer({ min: -2 * 24 * 60, max: 24 * 60 }),
        fc.integer({ min: 0, max: 3 * 24 * 60 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        ({ spec, at }, startMinute, span, minutes) => {
          const a = at(startMinute * MINUTE);
          expect(businessTimeBetween(a, a + span * MINUTE, spec)).toBe(
            referenceBusinessTime(a, a + span * MINUTE, spec),
          );
          const expected = referenceAddBusinessTime(a, minutes * MINUTE, spec, 4 * DAY);
          if (expected !== undefined) expect(addBusinessTime(a, minutes * MINUTE, spec)).toBe(expected);
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);
});
