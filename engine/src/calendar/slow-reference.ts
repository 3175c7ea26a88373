// Test oracle: business time by walking minute by minute, sharing no code with the fast path.
// A minute is open when the local clock, never allowed to run backwards (the running maximum of
// the wall time, which is how the fast path reads repeated autumn hours), lies in an opening of a
// non-holiday day. Exact when a, b and every zone offset are whole minutes.
import type { CalendarSpec, Weekday } from '../types.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAY_KEYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

function wallClock(format: Intl.DateTimeFormat, t: number): number {
  const parts = Object.fromEntries(format.formatToParts(t).map((part) => [part.type, Number(part.value)]));
  return Date.UTC(
    parts['year'] ?? 0,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    (parts['hour'] ?? 0) % 24,
    parts['minute'] ?? 0,
  );
}

function minutesOf(text: string): number {
  const [hour, minute] = text.split(':').map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
}

function isOpenWall(wall: number, spec: CalendarSpec): boolean {
  const date = new Date(wall);
  if (spec.holidays?.includes(date.toISOString().slice(0, 10))) return false;
  const minute = (wall - Math.floor(wall / DAY) * DAY) / MINUTE;
  const ranges = spec.week[WEEKDAY_KEYS[date.getUTCDay()] as Weekday] ?? [];
  return ranges.some(([from, to]) => minutesOf(from) <= minute && minute < minutesOf(to));
}

/** Calls `visit(minuteStart)` for each open minute from `from` (minute-aligned) until it returns true or `to`. */
function walkOpenMinutes(
  from: number,
  to: number,
  spec: CalendarSpec,
  visit: (minute: number) => boolean,
): void {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: spec.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  let highestWall = Number.NEGATIVE_INFINITY;
  // Start early enough that an autumn repeat just before `from` is seen.
  for (let t = from - 3 * 60 * MINUTE; t < to; t += MINUTE) {
    highestWall = Math.max(highestWall, wallClock(format, t));
    if (t >= from && isOpenWall(highestWall, spec) && visit(t)) return;
  }
}

export function referenceBusinessTime(a: number, b: number, spec: CalendarSpec): number {
  let open = 0;
  walkOpenMinutes(a, b, spec, () => {
    open++;
    return false;
  });
  return open * MINUTE;
}

/** Reference addBusinessTime for whole-minute durations found within `horizon` ms. */
export function referenceAddBusinessTime(
  start: number,
  durationMs: number,
  spec: CalendarSpec,
  horizon: number,
): number | undefined {
  if (durationMs <= 0) return start;
  let needed = durationMs / MINUTE;
  let result: number | undefined;
  walkOpenMinutes(start, start + horizon, spec, (minute) => {
    needed--;
    if (needed === 0) result = minute + MINUTE;
    return needed === 0;
  });
  return result;
}
