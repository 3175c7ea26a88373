// Civil dates in an IANA zone, for callers outside the calendar math (report ranges). Built on
// the same zone model as business time, so "today" and "opening at 09:00" agree on every instant.
import { DAY_MS, offsetAt, wallToInstant, zoneDay } from './zone-offsets.js';

export type LocalDate = { year: number; month: number; day: number };

/** The zone's calendar date at instant t. */
export function localDateAt(t: number, timeZone: string): LocalDate {
  const wall = new Date(t + offsetAt(timeZone, t));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/**
 * The instant a local date starts in the zone. Out-of-range months and days roll over as in
 * Date.UTC (month 13 = January of the next year). A midnight skipped by a clock change starts
 * the day at the jump.
 */
export function startOfLocalDate(date: LocalDate, timeZone: string): number {
  const day = Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
  return wallToInstant(zoneDay(timeZone, day), day, 0);
}
