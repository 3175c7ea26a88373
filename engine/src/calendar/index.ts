// Business calendars: IANA zone, weekly opening hours with breaks, holidays.
//
// Rules (see zone-offsets.ts and business-time.ts for the why):
// - Opening hours are wall-clock times in the calendar's zone; holidays close whole local days.
// - A wall-clock time maps to the first instant at which the local clock shows it or later:
//   a time skipped by a spring-forward change opens at the jump, a time repeated by an autumn
//   change means its first occurrence. An opening lasts the real time between its two instants.
// - Openings are [from, to): open at `from`, closed at `to`.
// - Negative durations count as 0. addBusinessTime returns NEVER (Number.MAX_SAFE_INTEGER) when
//   the calendar does not open for 20 years or the result lies over 100 years ahead.
// - Non-finite instants (and NaN durations) throw a RangeError naming the argument.
// - Compiled specs are cached per spec object: treat specs as immutable once used.
export {
  addBusinessTime,
  addBusinessTimes,
  businessTimeBetween,
  businessSegments,
  isOpenAt,
  NEVER,
  MAX_IDLE_DAYS,
  MAX_HORIZON_MS,
  type BusinessSegment,
} from './business-time.js';
export { calendarSpecErrors, calendarSpecProblems, type CalendarSpecProblem } from './calendar-spec.js';
export { localDateAt, startOfLocalDate, type LocalDate } from './local-date.js';
export { isKnownTimeZone } from './zone-offsets.js';
