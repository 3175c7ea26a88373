// Hand-checked examples: every expected instant below was worked out from the zone's published
// offsets (Berlin CET +1 / CEST +2, New York EST -5 / EDT -4, Shanghai +8, Kolkata +5:30).
import { describe, expect, it } from 'vitest';
import type { CalendarSpec } from '../types.js';
import {
  addBusinessTime,
  addBusinessTimes,
  businessSegments,
  businessTimeBetween,
  calendarSpecErrors,
  isOpenAt,
  NEVER,
} from './index.js';

const HOUR = 3_600_000;
const nineToSix: [string, string][] = [['09:00', '18:00']];
const weekdays = (ranges: [string, string][]) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});
/** Instant of a local wall time given the offset (hours) in force there. */
const at = (offsetHours: number, y: number, m: number, d: number, h = 0, min = 0) =>
  Date.UTC(y, m - 1, d, h, min) - offsetHours * HOUR;

const berlin: CalendarSpec = { timeZone: 'Europe/Berlin', week: weekdays(nineToSix) };

describe('addBusinessTime', () => {
  it('carries Friday 17:00 + 2 h over the weekend to Monday 10:00', () => {
    expect(addBusinessTime(at(1, 2026, 11, 20, 17), 2 * HOUR, berlin)).toBe(at(1, 2026, 11, 23, 10));
  });

  it('returns the start for zero and negative durations', () => {
    const start = at(1, 2026, 11, 21, 3); // Saturday night: closed, still returned as is
    expect(addBusinessTime(start, 0, berlin)).toBe(start);
    expect(addBusinessTime(start, -5 * HOUR, berlin)).toBe(start);
  });

  it('ends exactly at closing time when the duration fills the day', () => {
    expect(addBusinessTime(at(1, 2026, 11, 23, 9), 9 * HOUR, berlin)).toBe(at(1, 2026, 11, 23, 18));
  });

  it('starts counting at the opening when started before it, to the millisecond', () => {
    expect(addBusinessTime(at(1, 2026, 11, 23, 6), 1, berlin)).toBe(at(1, 2026, 11, 23, 9) + 1);
  });

  it('skips a lunch break', () => {
    const lunch: CalendarSpec = {
      timeZone: 'Europe/Berlin',
      week: weekdays([
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ]),
    };
    expect(addBusinessTime(at(1, 2026, 11, 23, 11), 2 * HOUR, lunch)).toBe(at(1, 2026, 11, 23, 14));
    expect(businessTimeBetween(at(1, 2026, 11, 23, 0), at(1, 2026, 11, 24, 0), lunch)).toBe(8 * HOUR);
  });

  it('skips holidays, including a year end', () => {
    const yearEnd: CalendarSpec = { ...berlin, holidays: ['2026-12-31', '2027-01-01'] };
    // Wednesday 2026-12-30 17:00 + 2 h: Thu and Fri are holidays, then the weekend.
    expect(addBusinessTime(at(1, 2026, 12, 30, 17), 2 * HOUR, yearEnd)).toBe(at(1, 2027, 1, 4, 10));
    expect(addBusinessTime(at(1, 2026, 12, 30, 17), 2 * HOUR, berlin)).toBe(at(1, 2026, 12, 31, 10));
  });

  it('counts Berlin opening hours across the spring change (2026-03-29)', () => {
    expect(addBusinessTime(at(1, 2026, 3, 27, 17), 2 * HOUR, berlin)).toBe(at(2, 2026, 3, 30, 10));
  });

  it('counts Berlin opening hours across the autumn change (2026-10-25)', () => {
    expect(addBusinessTime(at(2, 2026, 10, 23, 17), 2 * HOUR, berlin)).toBe(at(1, 2026, 10, 26, 10));
  });

  it('counts New York opening hours across both changes (2026-03-08, 2026-11-01)', () => {
    const newYork: CalendarSpec = { timeZone: 'America/New_York', week: weekdays([['09:00', '17:00']]) };
    expect(addBusinessTime(at(-5, 2026, 3, 6, 16), 2 * HOUR, newYork)).toBe(at(-4, 2026, 3, 9, 10));
    expect(addBusinessTime(at(-4, 2026, 10, 30, 16), 2 * HOUR, newYork)).toBe(at(-5, 2026, 11, 2, 10));
    // One week measured over the spring change is still five 8-hour days.
    expect(businessTimeBetween(at(-5, 2026, 3, 2), at(-4, 2026, 3, 9), newYork)).toBe(40 * HOUR);
  });

  it('works in Asia/Shanghai (no DST) and Asia/Kolkata (half-hour offset)', () => {
    const shanghai: CalendarSpec = { timeZone: 'Asia/Shanghai', week: weekdays(nineToSix) };
    expect(addBusinessTime(at(8, 2026, 11, 20, 17), 2 * HOUR, shanghai)).toBe(at(8, 2026, 11, 23, 10));
    const kolkata: CalendarSpec = { timeZone: 'Asia/Kolkata', week: weekdays(nineToSix) };
    expect(addBusinessTime(at(5.5, 2026, 11, 20, 17), 2 * HOUR, kolkata)).toBe(at(5.5, 2026, 11, 23, 10));
  });

  it('handles a leap day holiday', () => {
    const leap: CalendarSpec = { ...berlin, holidays: ['2028-02-29'] };
    // Monday 2028-02-28 17:00 + 2 h: Tuesday 29 February is closed.
    expect(addBusinessTime(at(1, 2028, 2, 28, 17), 2 * HOUR, leap)).toBe(at(1, 2028, 3, 1, 10));
  });

  it('spans many weeks exactly (week skipping agrees with day-by-day counting)', () => {
    const start = at(1, 2026, 1, 5, 9);
    const end = addBusinessTime(start, 52 * 45 * HOUR, berlin); // 52 full weeks
    expect(end).toBe(at(1, 2027, 1, 1, 18)); // Friday 51 weeks + 4 days (361 days) later
    expect(businessTimeBetween(start, end, berlin)).toBe(52 * 45 * HOUR);
  });

  it('ends a duration of exactly whole weeks at a closing time, not at the next opening', () => {
    // Wednesday's 9 h, then exactly ten 45-hour weeks: Wednesday 18:00 ten weeks later.
    expect(addBusinessTime(at(1, 2026, 11, 4), 9 * HOUR + 10 * 45 * HOUR, berlin)).toBe(
      at(1, 2027, 1, 13, 18),
    );
  });

  it('returns NEVER for an infinite duration and when holidays close everything for 20 years', () => {
    expect(addBusinessTime(0, Number.POSITIVE_INFINITY, berlin)).toBe(NEVER);
    const mondaysOnly: CalendarSpec = {
      timeZone: 'UTC',
      week: { mon: nineToSix },
      holidays: ['1970-01-05', '1970-01-12'],
    };
    expect(addBusinessTime(0, HOUR, mondaysOnly)).toBe(Date.UTC(1970, 0, 19, 10));
    const everyMondayHoliday = {
      ...mondaysOnly,
      holidays: Array.from({ length: 21 * 53 }, (_, week) =>
        new Date(Date.UTC(1970, 0, 5 + 7 * week)).toISOString().slice(0, 10),
      ),
    };
    expect(addBusinessTime(0, HOUR, everyMondayHoliday)).toBe(NEVER);
  });

  it('gives up after 20 idle years whether or not whole weeks are skipped', () => {
    // Every Monday is a holiday until 1989-12-25; the first opening is Monday 1990-01-01, 7306
    // days after the scan starts (it looks from 1969-12-31). A long duration skips the regular weeks from then on, a short
    // one walks day by day: both must stop at the same idle day (monotone in the duration).
    const mondaysOnly: CalendarSpec = { timeZone: 'UTC', week: { mon: nineToSix } };
    const holidays = Array.from({ length: 1043 }, (_, week) =>
      new Date(Date.UTC(1970, 0, 5 + 7 * week)).toISOString().slice(0, 10),
    );
    expect(holidays.at(-1)).toBe('1989-12-25');
    const closedFor20Years = { ...mondaysOnly, holidays };
    expect(addBusinessTime(0, HOUR, closedFor20Years)).toBe(NEVER);
    expect(addBusinessTime(0, 100 * HOUR, closedFor20Years)).toBe(NEVER);
    expect(addBusinessTimes(0, [HOUR, 100 * HOUR], closedFor20Years)).toEqual([NEVER, NEVER]);
    // One idle day fewer and both find the openings.
    const lastHolidayRemoved = { ...mondaysOnly, holidays: holidays.slice(0, -1) };
    expect(addBusinessTimes(0, [HOUR, 100 * HOUR], lastHolidayRemoved)).toEqual([
      Date.UTC(1989, 11, 25, 10),
      Date.UTC(1990, 2, 12, 10),
    ]);
  });

  it('addBusinessTimes answers several durations in one call, each as addBusinessTime would', () => {
    const start = at(1, 2026, 3, 27, 16); // Friday 16:00 in Berlin
    const durations = [0, 2 * HOUR, 9 * HOUR, 100 * HOUR];
    expect(addBusinessTimes(start, durations, berlin)).toEqual(
      durations.map((d) => addBusinessTime(start, d, berlin)),
    );
    expect(addBusinessTimes(start, [], berlin)).toEqual([]);
    expect(() => addBusinessTimes(start, [HOUR, Number.NaN], berlin)).toThrow(
      /addBusinessTimes: durationsMs/,
    );
  });

  it('rejects non-finite instants with a RangeError naming the argument', () => {
    expect(() => addBusinessTime(Number.NaN, HOUR, berlin)).toThrow(
      /addBusinessTime: start must be a finite/,
    );
    expect(() => addBusinessTime(0, Number.NaN, berlin)).toThrow(/durationMs/);
    expect(() => businessTimeBetween(0, Number.POSITIVE_INFINITY, berlin)).toThrow(
      /businessTimeBetween: b must be a finite/,
    );
    expect(() => businessSegments(Number.NEGATIVE_INFINITY, 0, berlin)).toThrow(
      /businessSegments: from must be a finite/,
    );
  });

  it('returns NEVER when the calendar never opens', () => {
    const closed: CalendarSpec = { timeZone: 'Europe/Berlin', week: {} };
    expect(addBusinessTime(0, HOUR, closed)).toBe(NEVER);
    expect(businessTimeBetween(0, 10 * HOUR, closed)).toBe(0);
  });
});

describe('DST rules for openings inside a change', () => {
  const sundayNight: CalendarSpec = { timeZone: 'Europe/Berlin', week: { sun: [['02:30', '04:00']] } };

  it('opens a skipped 02:30 at the spring jump (03:00 CEST)', () => {
    const day = businessSegments(at(1, 2026, 3, 29), at(2, 2026, 3, 30), sundayNight);
    expect(day).toEqual([{ from: at(2, 2026, 3, 29, 3), to: at(2, 2026, 3, 29, 4) }]);
  });

  it('opens a repeated 02:30 at its first occurrence and counts the repeated hour', () => {
    const day = businessSegments(at(2, 2026, 10, 25), at(1, 2026, 10, 26), sundayNight);
    expect(day).toEqual([{ from: at(2, 2026, 10, 25, 2, 30), to: at(1, 2026, 10, 25, 4) }]);
    expect(businessTimeBetween(at(2, 2026, 10, 25), at(1, 2026, 10, 26), sundayNight)).toBe(2.5 * HOUR);
  });

  it('handles Santiago, whose clocks change at midnight (00:00 skipped, 24:00 repeated)', () => {
    // 2026-09-06: 00:00 -04 jumps to 01:00 -03, so a 00:00 opening starts at the jump.
    const sundayEarly: CalendarSpec = { timeZone: 'America/Santiago', week: { sun: [['00:00', '02:00']] } };
    expect(businessSegments(at(-4, 2026, 9, 5), at(-3, 2026, 9, 7), sundayEarly)).toEqual([
      { from: at(-4, 2026, 9, 6, 0), to: at(-3, 2026, 9, 6, 2) },
    ]);
    // 2026-04-05: 24:00 -03 falls back to 23:00 -04, so Saturday 22:00-24:00 lasts 3 h.
    const saturdayLate: CalendarSpec = { timeZone: 'America/Santiago', week: { sat: [['22:00', '24:00']] } };
    expect(businessTimeBetween(at(-3, 2026, 4, 4), at(-4, 2026, 4, 6), saturdayLate)).toBe(3 * HOUR);
  });

  it('makes a 24-hour Sunday 23 h in spring and 25 h in autumn', () => {
    const allSunday: CalendarSpec = { timeZone: 'Europe/Berlin', week: { sun: [['00:00', '24:00']] } };
    expect(businessTimeBetween(at(1, 2026, 3, 28), at(2, 2026, 3, 31), allSunday)).toBe(23 * HOUR);
    expect(businessTimeBetween(at(2, 2026, 10, 24), at(1, 2026, 10, 27), allSunday)).toBe(25 * HOUR);
  });
});

describe('businessSegments and isOpenAt', () => {
  it('lists the counted openings clipped to the range, merging ranges that touch', () => {
    const split: CalendarSpec = {
      timeZone: 'Asia/Shanghai',
      week: {
        mon: [
          ['09:00', '12:00'],
          ['12:00', '18:00'],
        ],
        tue: nineToSix,
      },
    };
    expect(businessSegments(at(8, 2026, 11, 23, 10), at(8, 2026, 11, 24, 10), split)).toEqual([
      { from: at(8, 2026, 11, 23, 10), to: at(8, 2026, 11, 23, 18) },
      { from: at(8, 2026, 11, 24, 9), to: at(8, 2026, 11, 24, 10) },
    ]);
    expect(businessSegments(at(8, 2026, 1, 1), at(8, 2027, 1, 1), split, 3)).toHaveLength(3);
  });

  it('treats openings as [from, to)', () => {
    expect(isOpenAt(at(1, 2026, 11, 23, 9), berlin)).toBe(true);
    expect(isOpenAt(at(1, 2026, 11, 23, 18) - 1, berlin)).toBe(true);
    expect(isOpenAt(at(1, 2026, 11, 23, 18), berlin)).toBe(false);
    expect(isOpenAt(at(1, 2026, 11, 22, 12), berlin)).toBe(false);
  });
});

describe('calendarSpecErrors', () => {
  it('accepts a valid spec', () => {
    expect(
      calendarSpecErrors({
        ...berlin,
        holidays: ['2028-02-29'],
        week: {
          ...berlin.week,
          sat: [
            ['10:00', '14:00'],
            ['15:00', '24:00'],
          ],
        },
      }),
    ).toEqual([]);
  });

  it.each([
    [
      { timeZone: 'Mars/Olympus', week: weekdays(nineToSix) },
      'timeZone: unknown IANA time zone "Mars/Olympus"',
    ],
    [{ timeZone: 'UTC', week: { monday: nineToSix } }, 'week.monday: unknown weekday'],
    [
      { timeZone: 'UTC', week: { mon: [['9:00', '18:00']] } },
      `week.mon[0]: from "9:00" is not a time 'HH:MM'`,
    ],
    [{ timeZone: 'UTC', week: { mon: [['24:00', '24:00']] } }, 'week.mon[0]: from "24:00"'],
    [{ timeZone: 'UTC', week: { mon: [['09:00', '24:30']] } }, 'week.mon[0]: to "24:30"'],
    [
      { timeZone: 'UTC', week: { tue: [['18:00', '09:00']] } },
      'week.tue[0]: from 18:00 is not before to 09:00',
    ],
    [
      {
        timeZone: 'UTC',
        week: {
          wed: [
            ['09:00', '13:00'],
            ['12:00', '18:00'],
          ],
        },
      },
      'week.wed[1]: 12:00-18:00 overlaps',
    ],
    [
      {
        timeZone: 'UTC',
        week: {
          wed: [
            ['13:00', '18:00'],
            ['09:00', '12:00'],
          ],
        },
      },
      'week.wed[1]: 09:00-12:00 overlaps or comes before',
    ],
    [
      { timeZone: 'UTC', week: weekdays(nineToSix), holidays: ['2027-02-29'] },
      'holidays[0]: "2027-02-29" is not a date',
    ],
    [{ timeZone: 'UTC', week: weekdays(nineToSix), holidays: ['31.12.2026'] }, 'holidays[0]: "31.12.2026"'],
    [{ timeZone: 'UTC', week: {} }, 'week: the calendar has no opening hours on any day'],
    [{ timeZone: 'UTC', week: { sat: [] } }, 'week: the calendar has no opening hours on any day'],
    ['Europe/Berlin', 'calendar: expected an object'],
  ])('rejects %j', (spec, message) => {
    const errors = calendarSpecErrors(spec);
    expect(
      errors.some((error) => error.startsWith(message)),
      errors.join('\n'),
    ).toBe(true);
  });

  it('makes the arithmetic throw on a spec it rejects, naming the problem', () => {
    expect(() => addBusinessTime(0, HOUR, { timeZone: 'Mars/Olympus', week: {} })).toThrow(
      /unknown IANA time zone "Mars\/Olympus"/,
    );
  });
});
