// Business-time arithmetic over a compiled calendar. Every function walks local days in order,
// turning each day's opening hours into instants (zone-offsets.ts) and skipping whole weeks
// arithmetically where nothing irregular (holiday, offset change) can happen.
import type { CalendarSpec } from '../types.js';
import { compileCalendar, type CompiledCalendar } from './calendar-spec.js';
import { DAY_MS, wallToInstant, zoneDay } from './zone-offsets.js';

/** How far addBusinessTime looks for the next opening before giving up. */
export const MAX_IDLE_DAYS = 7305; // 20 years
/** How far ahead of its start addBusinessTime looks at all (keeps absurd durations bounded). */
export const MAX_HORIZON_MS = 100 * 365.25 * DAY_MS;
/** addBusinessTime's answer when it finds no result within MAX_IDLE_DAYS / MAX_HORIZON_MS. */
export const NEVER = Number.MAX_SAFE_INTEGER;

function assertInstant(value: number, name: string, fn: string): void {
  if (!Number.isFinite(value)) throw new RangeError(`${fn}: ${name} must be a finite epoch ms value, got ${String(value)}`);
}

type Visitor = {
  /** An open interval clipped to the scanned range, in order; return true to stop scanning. */
  interval(start: number, end: number): boolean;
  /** Whether a whole regular week of `weekMs` inside the range may be taken at once. */
  wantsWeek(weekMs: number): boolean;
  takeWeek(weekMs: number): void;
};

function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * True when local days day..day+6 contain no holiday and no offset change, so the week is worth
 * exactly `weeklyMs`. zoneDay(d) inspects instants over days d-1..d+2, so d, d+3 and d+6 cover
 * the whole week including the last day's 24:00.
 */
function isRegularWeek(calendar: CompiledCalendar, day: number): boolean {
  for (let offset = 0; offset < 7; offset++) if (calendar.holidays.has(day + offset)) return false;
  const first = zoneDay(calendar.timeZone, day);
  if (first.transitionAt !== Number.POSITIVE_INFINITY) return false;
  const middle = zoneDay(calendar.timeZone, day + 3);
  const last = zoneDay(calendar.timeZone, day + 6);
  return (
    middle.transitionAt === Number.POSITIVE_INFINITY &&
    last.transitionAt === Number.POSITIVE_INFINITY &&
    middle.before === first.before &&
    last.before === first.before
  );
}

/**
 * Visits the open intervals within [from, to] in order. Stops when the visitor asks, when the
 * range ends, or after `idleLimitDays` consecutive days without any opening.
 * Returns true when the visitor stopped the scan.
 */
function scan(calendar: CompiledCalendar, from: number, to: number, visitor: Visitor, idleLimitDays = Infinity): boolean {
  // A local day's instants lie within a day of its UTC counterpart (offsets are under ±24 h).
  let day = Math.floor(from / DAY_MS) - 1;
  let lastOpenDay = day;
  const canSkipWeeks = calendar.weeklyMs > 0;
  while ((day - 1) * DAY_MS < to) {
    if (day - lastOpenDay > idleLimitDays) return false;
    if (
      canSkipWeeks &&
      (day - 1) * DAY_MS >= from &&
      (day + 8) * DAY_MS <= to &&
      visitor.wantsWeek(calendar.weeklyMs) &&
      isRegularWeek(calendar, day)
    ) {
      visitor.takeWeek(calendar.weeklyMs);
      day += 7;
      lastOpenDay = day;
      continue;
    }
    const ranges = calendar.hours[weekdayOf(day)];
    if (ranges && ranges.length > 0 && !calendar.holidays.has(day)) {
      const zone = zoneDay(calendar.timeZone, day);
      for (let i = 0; i + 1 < ranges.length; i += 2) {
        const start = Math.max(from, wallToInstant(zone, day, ranges[i] as number));
        const end = Math.min(to, wallToInstant(zone, day, ranges[i + 1] as number));
        if (end > start) {
          lastOpenDay = day;
          if (visitor.interval(start, end)) return true;
        }
      }
    }
    day++;
  }
  return false;
}

/**
 * The earliest instant t >= start such that the business time in [start, t] equals durationMs.
 * A negative durationMs counts as 0 and returns start. Returns NEVER (Number.MAX_SAFE_INTEGER)
 * instead of searching forever when the calendar does not open for 20 years in a row (no opening
 * hours, or holidays covering everything; calendarSpecErrors rejects specs without hours) or the
 * result would lie more than 100 years after start (including durationMs = Infinity).
 * A result is never inside a closed period, except that it may be exactly an opening's end.
 * Throws a RangeError for a non-finite start or a NaN duration.
 */
export function addBusinessTime(start: number, durationMs: number, spec: CalendarSpec): number {
  assertInstant(start, 'start', 'addBusinessTime');
  if (Number.isNaN(durationMs)) throw new RangeError('addBusinessTime: durationMs must be a number of ms, got NaN');
  if (durationMs <= 0) return start;
  const calendar = compileCalendar(spec);
  if (calendar.weeklyMs === 0) return NEVER;
  let remaining = durationMs;
  let result = NEVER;
  scan(
    calendar,
    start,
    start + MAX_HORIZON_MS,
    {
      interval(from, to) {
        if (to - from >= remaining) {
          result = from + remaining;
          return true;
        }
        remaining -= to - from;
        return false;
      },
      // Strictly more than a week left: the answer lies beyond this week.
      wantsWeek: (weekMs) => remaining > weekMs,
      takeWeek(weekMs) {
        remaining -= weekMs;
      },
    },
    MAX_IDLE_DAYS,
  );
  return result;
}

/** Business ms within [a, b]; 0 when b <= a. Throws a RangeError for non-finite instants. */
export function businessTimeBetween(a: number, b: number, spec: CalendarSpec): number {
  assertInstant(a, 'a', 'businessTimeBetween');
  assertInstant(b, 'b', 'businessTimeBetween');
  if (b <= a) return 0;
  const calendar = compileCalendar(spec);
  if (calendar.weeklyMs === 0) return 0;
  let total = 0;
  scan(calendar, a, b, {
    interval(from, to) {
      total += to - from;
      return false;
    },
    wantsWeek: () => true,
    takeWeek(weekMs) {
      total += weekMs;
    },
  });
  return total;
}

export type BusinessSegment = { from: number; to: number };

/**
 * The open intervals counted in [from, to], clipped to it, in order: what an SLA deadline is
 * made of, for explaining it to users. At most `limit` segments (default 200).
 */
export function businessSegments(from: number, to: number, spec: CalendarSpec, limit = 200): BusinessSegment[] {
  assertInstant(from, 'from', 'businessSegments');
  assertInstant(to, 'to', 'businessSegments');
  const segments: BusinessSegment[] = [];
  if (to <= from || !(limit > 0)) return segments;
  const calendar = compileCalendar(spec);
  if (calendar.weeklyMs === 0) return segments;
  scan(calendar, from, to, {
    interval(start, end) {
      const last = segments[segments.length - 1];
      // Touching ranges (12:00-24:00 then 00:00-08:00) read as one segment.
      if (last && last.to === start) {
        last.to = end;
        return false;
      }
      if (segments.length >= limit) return true;
      segments.push({ from: start, to: end });
      return false;
    },
    wantsWeek: () => false,
    takeWeek: () => undefined,
  });
  return segments;
}

/** True when instant t (whole ms) lies in an opening: from inclusive, to exclusive. */
export function isOpenAt(t: number, spec: CalendarSpec): boolean {
  return businessTimeBetween(t, t + 1, spec) > 0;
}
