// PLACEHOLDER until the calendar module lands: wall-clock arithmetic only.
import type { CalendarSpec } from '../types.js';

export function addBusinessTime(start: number, durationMs: number, _calendar: CalendarSpec): number {
  return start + durationMs;
}

export function businessTimeBetween(a: number, b: number, _calendar: CalendarSpec): number {
  return Math.max(0, b - a);
}
