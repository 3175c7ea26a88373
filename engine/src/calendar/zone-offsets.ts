// Wall-clock <-> instant conversion for IANA zones, built on Intl only (no Node built-ins, no
// Date.now), so it runs unchanged in browsers and in Temporal's workflow sandbox.
//
// Intl.DateTimeFormat#formatToParts costs microseconds, so each local day's offsets are computed
// once and kept in a bounded module-level cache. Cached and fresh answers are identical, so the
// cache state never changes a result.

export const DAY_MS = 86_400_000;

/**
 * How a zone behaves around one local day: offset `before` applies to instants < `transitionAt`,
 * offset `after` to instants >= it. Days without a nearby transition have
 * transitionAt = +Infinity and before === after. Offsets are wall-clock minus UTC, in ms.
 */
export type ZoneDay = { before: number; after: number; transitionAt: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when Intl knows the zone (the same check the runtime relies on). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Offset (wall clock minus UTC, ms) in force at instant t. tzdb offsets are whole seconds. */
export function offsetAt(timeZone: string, t: number): number {
  const wholeSecond = Math.floor(t / 1000) * 1000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  for (const part of formatterFor(timeZone).formatToParts(wholeSecond)) {
    const value = Number(part.value);
    switch (part.type) {
      case 'year':
        year = value;
        break;
      case 'month':
        month = value;
        break;
      case 'day':
        day = value;
        break;
      // Some engines print midnight as 24 even with h23; it still means hour 0 of that day.
      case 'hour':
        hour = value === 24 ? 0 : value;
        break;
      case 'minute':
        minute = value;
        break;
      case 'second':
        second = value;
        break;
      default:
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, 0);
  return wall.getTime() - wholeSecond;
}

const MAX_CACHED_DAYS_PER_ZONE = 20_000;
const zoneDays = new Map<string, Map<number, ZoneDay>>();

/**
 * The zone's behaviour for local day `day` (days since 1970-01-01 on the local calendar).
 * Looks at instants from one day before to two days after the day's naive start, which covers
 * every instant whose wall clock falls on the day or at its 24:00 (offsets are within ±24 h).
 * Assumes at most one offset change in that three-day window, which holds for tzdb zones in
 * modern times; with two changes, the first one found is used and the second is missed.
 */
export function zoneDay(timeZone: string, day: number): ZoneDay {
  let days = zoneDays.get(timeZone);
  if (!days) {
    days = new Map();
    zoneDays.set(timeZone, days);
  }
  const cached = days.get(day);
  if (cached) return cached;
  if (days.size >= MAX_CACHED_DAYS_PER_ZONE) days.clear();
  const computed = computeZoneDay(timeZone, day);
  days.set(day, computed);
  return computed;
}

function computeZoneDay(timeZone: string, day: number): ZoneDay {
  let low = day * DAY_MS - DAY_MS;
  let high = day * DAY_MS + 2 * DAY_MS;
  const before = offsetAt(timeZone, low);
  const after = offsetAt(timeZone, high);
  if (before === after) return { before, after, transitionAt: Number.POSITIVE_INFINITY };
  // Binary search for the first whole second carrying the new offset.
  while (high - low > 1000) {
    const mid = low + Math.floor((high - low) / 2000) * 1000;
    if (offsetAt(timeZone, mid) === before) low = mid;
    else high = mid;
  }
  return { before, after, transitionAt: high };
}

/**
 * The instant for wall-clock time `minuteOfDay` (0..1440; 1440 = the next day's 00:00) on local
 * day `day`: the FIRST instant at which the local clock shows that time or later.
 * - A time skipped by a spring-forward change (02:30 in Berlin on 2026-03-29) maps to the
 *   instant of the jump (03:00 CEST), when the clock has passed it.
 * - A time repeated by an autumn change (02:30 in Berlin on 2026-10-25) maps to its first
 *   occurrence (02:30 CEST), so an opening spanning the repeated hour counts it twice.
 */
export function wallToInstant(zone: ZoneDay, day: number, minuteOfDay: number): number {
  const naive = day * DAY_MS + minuteOfDay * 60_000;
  const withBefore = naive - zone.before;
  if (withBefore < zone.transitionAt) return withBefore;
  const withAfter = naive - zone.after;
  if (withAfter >= zone.transitionAt) return withAfter;
  return zone.transitionAt;
}
