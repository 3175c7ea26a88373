// Durations in a flow's calendars: business time when a calendar is named, wall clock otherwise.
import { addBusinessTime, addBusinessTimes, businessTimeBetween } from '../calendar/index.js';
import type { CalendarSpec, Flow, TimerSpec } from '../types.js';

export function calendarOf(flow: Flow, key: string | undefined): CalendarSpec | undefined {
  return key === undefined ? undefined : flow.calendars[key];
}

export function addTime(flow: Flow, calendar: string | undefined, from: number, ms: number): number {
  const spec = calendarOf(flow, calendar);
  return spec === undefined ? from + ms : addBusinessTime(from, ms, spec);
}

/** addTime for several durations from the same instant, with one calendar scan. */
export function addTimes(
  flow: Flow,
  calendar: string | undefined,
  from: number,
  ms: readonly number[],
): number[] {
  const spec = calendarOf(flow, calendar);
  return spec === undefined ? ms.map((each) => from + each) : addBusinessTimes(from, ms, spec);
}

export function timeBetween(flow: Flow, calendar: string | undefined, from: number, to: number): number {
  const spec = calendarOf(flow, calendar);
  return spec === undefined ? Math.max(0, to - from) : businessTimeBetween(from, to, spec);
}

/** When a timer armed at `from` fires. */
export function timerDueAt(flow: Flow, timer: TimerSpec, from: number): number {
  return timer.kind === 'date' ? timer.at : addTime(flow, timer.calendar, from, timer.ms);
}
