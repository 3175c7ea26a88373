// Calendars for the calendar-change tests: UTC weekday hours, and fast-check arbitraries of them
// (one stretch of opening hours a day, a few holidays) for the properties.
import fc from 'fast-check';
import type { CalendarSpec } from '../../types.js';
import { HOUR, MINUTE } from './flow-builder.js';

const DAY = 24 * HOUR;

/** The same opening hours Monday to Friday. */
export const weekdays = (hours: [string, string][]): CalendarSpec['week'] =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, hours]));

/** A UTC calendar open 1-9 h a weekday from between 06:00 and 11:00, with up to six holidays in the 21 days from `from`. */
export const arbitraryCalendar = (from: number): fc.Arbitrary<CalendarSpec> => {
  const days = fc.uniqueArray(fc.integer({ min: 0, max: 20 }), { maxLength: 6 });
  const hours = fc
    .tuple(fc.integer({ min: 6, max: 11 }), fc.integer({ min: 1, max: 9 }))
    .map(([start, length]): [string, string][] => [
      [`${String(start).padStart(2, '0')}:00`, `${String(start + length).padStart(2, '0')}:00`],
    ]);
  return fc.tuple(days, hours).map(([holidayOffsets, open]): CalendarSpec => ({
    timeZone: 'UTC',
    week: weekdays(open),
    holidays: holidayOffsets.map((offset) => new Date(from + offset * DAY).toISOString().slice(0, 10)),
  }));
};

/** Whole minutes, 0 to `max`, in ms. */
export const arbitraryMinutes = (max: number): fc.Arbitrary<number> =>
  fc.integer({ min: 0, max }).map((m) => m * MINUTE);
