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
  if (!Number.isFinite(value))
    throw new RangeError(`${fn}: ${name} must be a finite epoch ms value, got ${String(value)}`);
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

const CLOSED: readonly number[] = [];
const MAX_CACHED_OPENING_DAYS = 20_000;

/**
 * Opening instants of local day `day`, flat [start, end, ...] in order, empty ranges (swallowed
 * by an offset change) left out. Cached per compiled calendar: the scans below revisit the same
 * few days for every SLA, and a cached day is the same array a fresh computation would give.
 */
function dayOpenings(calendar: CompiledCalendar, day: number): readonly number[] {
  const cached = calendar.openings.get(day);
  if (cached !== undefined) return cached;
  const ranges = calendar.hours[weekdayOf(day)];
  let openings = CLOSED;
  if (ranges !== undefined && ranges.length > 0 && !calendar.holidays.has(day)) {
    const zone = zoneDay(calendar.timeZone, day);
    const instants: number[] = [];
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      const start = wallToInstant(zone, day, ranges[i] as number);
      const end = wallToInstant(zone, day, ranges[i + 1] as number);
      if (end > start) instants.push(start, end);
    }
    openings = instants;
  }
  if (calendar.openings.size >= MAX_CACHED_OPENING_DAYS) calendar.openings.clear();
  calendar.openings.set(day, openings);
  return openings;
}

/**
 * Visits the open intervals within [from, to] in order. Stops when the visitor asks, when the
 * range ends, or after `idleLimitDays` consecutive days without any opening (a skipped week
 * counts its idle days exactly as visiting its days one by one would).
 * Returns true when the visitor stopped the scan.
 */
function scan(
  calendar: CompiledCalendar,
  from: number,
  to: number,
  visitor: Visitor,
  idleLimitDays = Infinity,
): boolean {
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
      const weekday = weekdayOf(day);
      if (day + (calendar.firstOpenOffset[weekday] as number) - lastOpenDay > idleLimitDays) return false;
      visitor.takeWeek(calendar.weeklyMs);
      lastOpenDay = day + (calendar.lastOpenOffset[weekday] as number);
      day += 7;
      continue;
    }
    const openings = dayOpenings(calendar, day);
    for (let i = 0; i < openings.length; i += 2) {
      const start = Math.max(from, openings[i] as number);
      const end = Math.min(to, openings[i + 1] as number);
      if (end > start) {
        lastOpenDay = day;
        if (visitor.interval(start, end)) return true;
      }
    }
    day++;
  }
  return false;
}

// Visitors are classes, not object literals with closures: they are created on every call, and a
// literal's function properties are new closures each time (and, under tsx/esbuild's keepNames,
// each one is renamed with Object.defineProperty, which cost more than the arithmetic).

/**
 * Finds the instants at which the business time counted since the scan start reaches each of
 * `targets` (ascending). Each pending target keeps its own remaining time, decremented by the same
 * interval lengths and whole weeks a scan for that target alone would subtract.
 */
class Deadlines implements Visitor {
  readonly results: number[];
  private readonly remaining: number[];
  private next = 0;

  constructor(targets: readonly number[]) {
    this.remaining = targets.slice();
    // Pushed one by one: fill() on a copy of small-integer targets changes the array's element
    // kind (NEVER is not a small integer) on a slow path, measured at ~5% of engine time.
    this.results = [];
    for (let i = 0; i < targets.length; i++) this.results.push(NEVER);
  }

  interval(from: number, to: number): boolean {
    const length = to - from;
    const remaining = this.remaining;
    while (this.next < remaining.length && length >= (remaining[this.next] as number)) {
      this.results[this.next] = from + (remaining[this.next] as number);
      this.next++;
    }
    if (this.next === remaining.length) return true;
    for (let i = this.next; i < remaining.length; i++) remaining[i] = (remaining[i] as number) - length;
    return false;
  }

  // Strictly more than a week left for the nearest target: every answer lies beyond this week.
  wantsWeek(weekMs: number): boolean {
    return (this.remaining[this.next] as number) > weekMs;
  }

  takeWeek(weekMs: number): void {
    for (let i = this.next; i < this.remaining.length; i++)
      this.remaining[i] = (this.remaining[i] as number) - weekMs;
  }
}

class Total implements Visitor {
  total = 0;

  interval(from: number, to: number): boolean {
    this.total += to - from;
    return false;
  }

  wantsWeek(): boolean {
    return true;
  }

  takeWeek(weekMs: number): void {
    this.total += weekMs;
  }
}

/** Positive targets, ascending, all reached from `start`: one scan answers them all. */
function findDeadlines(start: number, targets: readonly number[], spec: CalendarSpec): number[] {
  const calendar = compileCalendar(spec);
  if (calendar.weeklyMs === 0) return targets.map(() => NEVER);
  const deadlines = new Deadlines(targets);
  scan(calendar, start, start + MAX_HORIZON_MS, deadlines, MAX_IDLE_DAYS);
  return deadlines.results;
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
  if (Number.isNaN(durationMs))
    throw new RangeError('addBusinessTime: durationMs must be a number of ms, got NaN');
  if (durationMs <= 0) return start;
  return findDeadlines(start, [durationMs], spec)[0] as number;
}

/**
 * addBusinessTime(start, d, spec) for every d in durationsMs, in the same order, with one scan
 * of the calendar (an SLA's warning, due and severe deadlines). Same rules and errors as
 * addBusinessTime; the results are identical to calling it once per duration.
 */
export function addBusinessTimes(
  start: number,
  durationsMs: readonly number[],
  spec: CalendarSpec,
): number[] {
  assertInstant(start, 'start', 'addBusinessTimes');
  let sharedScan = Number.isSafeInteger(start);
  let previous = 0;
  for (const duration of durationsMs) {
    if (Number.isNaN(duration))
      throw new RangeError('addBusinessTimes: durationsMs must be numbers of ms, got NaN');
    // One scan subtracts interval lengths in a different grouping than separate scans would;
    // that is exact only in whole milliseconds. Ascending order lets the scan answer in turn.
    if (!(duration > 0 && duration >= previous && Number.isSafeInteger(duration))) sharedScan = false;
    previous = duration;
  }
  if (!sharedScan) return durationsMs.map((duration) => addBusinessTime(start, duration, spec));
  if (durationsMs.length === 0) return [];
  return findDeadlines(start, durationsMs, spec);
}

/** Business ms within [a, b]; 0 when b <= a. Throws a RangeError for non-finite instants. */
export function businessTimeBetween(a: number, b: number, spec: CalendarSpec): number {
  assertInstant(a, 'a', 'businessTimeBetween');
  assertInstant(b, 'b', 'businessTimeBetween');
  if (b <= a) return 0;
  const calendar = compileCalendar(spec);
  if (calendar.weeklyMs === 0) return 0;
  const total = new Total();
  scan(calendar, a, b, total);
  return total.total;
}

export type BusinessSegment = { from: number; to: number };

/**
 * The open intervals counted in [from, to], clipped to it, in order: what an SLA deadline is
 * made of, for explaining it to users. At most `limit` segments (default 200).
 */
export function businessSegments(
  from: number,
  to: number,
  spec: CalendarSpec,
  limit = 200,
): BusinessSegment[] {
  assertInstant(from, 'from', 'businessSegments');
  assertInstant(to, 'to', 'businessSegments');
  if (to <= from || !(limit > 0)) return [];
  const calendar = compileCalendar(spec);
  if (calendar.weeklyMs === 0) return [];
  const segments = new Segments(limit);
  scan(calendar, from, to, segments);
  return segments.segments;
}

class Segments implements Visitor {
  readonly segments: BusinessSegment[] = [];

  constructor(private readonly limit: number) {}

  interval(start: number, end: number): boolean {
    const last = this.segments[this.segments.length - 1];
    // Touching ranges (12:00-24:00 then 00:00-08:00) read as one segment.
    if (last && last.to === start) {
      last.to = end;
      return false;
    }
    if (this.segments.length >= this.limit) return true;
    this.segments.push({ from: start, to: end });
    return false;
  }

  wantsWeek(): boolean {
    return false;
  }

  takeWeek(): void {}
}

/** True when instant t (whole ms) lies in an opening: from inclusive, to exclusive. */
export function isOpenAt(t: number, spec: CalendarSpec): boolean {
  return businessTimeBetween(t, t + 1, spec) > 0;
}
