// Validation of a CalendarSpec and its compiled, arithmetic-friendly form.
import type { CalendarSpec, Weekday } from '../types.js';
import { DAY_MS, isKnownTimeZone } from './zone-offsets.js';

/** Weekday keys indexed like Date#getUTCDay (0 = Sunday). */
export const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** A calendar ready for arithmetic: opening hours as minute ranges, holidays as day numbers. */
export type CompiledCalendar = {
  timeZone: string;
  /** Per weekday (0 = Sunday): flat [from, to, from, to, ...] minutes of the day, sorted. */
  hours: readonly (readonly number[])[];
  /** Open ms in a week without DST changes or holidays; 0 = never open. */
  weeklyMs: number;
  /** Holidays as local day numbers (days since 1970-01-01). */
  holidays: ReadonlySet<number>;
  /**
   * For a week starting on weekday w (0 = Sunday): offsets (0..6) of its first and last days with
   * opening hours, -1 when none. Lets a skipped week count idle days exactly as day by day does.
   */
  firstOpenOffset: readonly number[];
  lastOpenOffset: readonly number[];
  /**
   * Opening instants per local day, flat [start, end, ...] (holidays and closed days: []), filled
   * as days are scanned. A cache of a pure function of the spec: it never changes a result.
   */
  openings: Map<number, readonly number[]>;
};

const TIME_PATTERN = /^(\d{2}):(\d{2})$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes since midnight for 'HH:MM' (00:00..23:59, plus 24:00 when `allowEndOfDay`). */
function parseTime(text: unknown, allowEndOfDay: boolean): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = TIME_PATTERN.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 24 && minute === 0 && allowEndOfDay) return 1440;
  if (hour > 23 || minute > 59) return undefined;
  return hour * 60 + minute;
}

/** Local day number for 'YYYY-MM-DD', or undefined when the date does not exist. */
export function parseLocalDate(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE_PATTERN.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(date.getTime() / DAY_MS);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Parsed = { calendar?: CompiledCalendar; errors: string[] };

/** Parses and checks a spec. Errors name the field, e.g. `week.mon[1]: from 12:00 is not before to 11:00`. */
export function parseCalendarSpec(spec: unknown): Parsed {
  const errors: string[] = [];
  if (!isRecord(spec)) return { errors: ['calendar: expected an object with timeZone and week'] };

  const timeZone = spec['timeZone'];
  if (typeof timeZone !== 'string' || timeZone === '') {
    errors.push('timeZone: expected an IANA time zone name such as "Europe/Berlin"');
  } else if (!isKnownTimeZone(timeZone)) {
    errors.push(`timeZone: unknown IANA time zone "${timeZone}"`);
  }

  const hours: number[][] = WEEKDAYS.map(() => []);
  const week = spec['week'];
  if (!isRecord(week)) {
    errors.push("week: expected an object keyed by weekday ('mon'..'sun') with [from, to] pairs");
  } else {
    for (const [key, ranges] of Object.entries(week)) {
      const weekday = WEEKDAYS.indexOf(key as Weekday);
      if (weekday < 0) {
        errors.push(`week.${key}: unknown weekday; use one of ${WEEKDAYS.join(', ')}`);
        continue;
      }
      if (ranges === undefined) continue;
      if (!Array.isArray(ranges)) {
        errors.push(`week.${key}: expected a list of ['HH:MM', 'HH:MM'] pairs`);
        continue;
      }
      let previousTo = -1;
      ranges.forEach((range: unknown, index) => {
        const field = `week.${key}[${index}]`;
        if (!Array.isArray(range) || range.length !== 2) {
          errors.push(`${field}: expected a ['HH:MM', 'HH:MM'] pair`);
          return;
        }
        const from = parseTime(range[0], false);
        const to = parseTime(range[1], true);
        if (from === undefined)
          errors.push(`${field}: from ${JSON.stringify(range[0])} is not a time 'HH:MM' (00:00-23:59)`);
        if (to === undefined)
          errors.push(`${field}: to ${JSON.stringify(range[1])} is not a time 'HH:MM' (00:00-24:00)`);
        if (from === undefined || to === undefined) return;
        if (from >= to) {
          errors.push(`${field}: from ${String(range[0])} is not before to ${String(range[1])}`);
          return;
        }
        if (from < previousTo) {
          errors.push(
            `${field}: ${String(range[0])}-${String(range[1])} overlaps or comes before the previous range; list ranges in order without overlap`,
          );
          return;
        }
        previousTo = to;
        hours[weekday]?.push(from, to);
      });
    }
  }

  const holidays = new Set<number>();
  const holidayList = spec['holidays'];
  if (holidayList !== undefined) {
    if (!Array.isArray(holidayList)) {
      errors.push("holidays: expected a list of 'YYYY-MM-DD' dates");
    } else {
      holidayList.forEach((text: unknown, index) => {
        const day = parseLocalDate(text);
        if (day === undefined)
          errors.push(`holidays[${index}]: ${JSON.stringify(text)} is not a date 'YYYY-MM-DD'`);
        else holidays.add(day);
      });
    }
  }

  if (errors.length > 0) return { errors };
  const weeklyMinutes = hours.reduce((sum, ranges) => {
    let daySum = 0;
    for (let i = 0; i + 1 < ranges.length; i += 2) daySum += (ranges[i + 1] ?? 0) - (ranges[i] ?? 0);
    return sum + daySum;
  }, 0);
  const openOffsets = (w: number, order: readonly number[]): number => {
    for (const k of order) if ((hours[(w + k) % 7]?.length ?? 0) > 0) return k;
    return -1;
  };
  const forward = [0, 1, 2, 3, 4, 5, 6];
  const backward = [6, 5, 4, 3, 2, 1, 0];
  return {
    calendar: {
      timeZone: timeZone as string,
      hours,
      weeklyMs: weeklyMinutes * 60_000,
      holidays,
      firstOpenOffset: forward.map((w) => openOffsets(w, forward)),
      lastOpenOffset: forward.map((w) => openOffsets(w, backward)),
      openings: new Map(),
    },
    errors,
  };
}

/** Every problem with a calendar spec, each naming the field; [] when the spec is usable. */
export function calendarSpecErrors(spec: unknown): string[] {
  const { calendar, errors } = parseCalendarSpec(spec);
  if (calendar && calendar.weeklyMs === 0) {
    return ['week: the calendar has no opening hours on any day; add at least one [from, to] range'];
  }
  return errors;
}

/** One problem with a calendar spec: the field as a dotted path (`week.mon.1`, `holidays.0`; '' = the spec). */
export type CalendarSpecProblem = { field: string; message: string };

/** calendarSpecErrors, each split into the field it names and what is wrong with it (for forms). */
export function calendarSpecProblems(spec: unknown): CalendarSpecProblem[] {
  return calendarSpecErrors(spec).map((error) => {
    const colon = error.indexOf(': ');
    const named = colon > 0 ? error.slice(0, colon) : 'calendar';
    return {
      field: named === 'calendar' ? '' : named.replace(/\[(\d+)\]/g, '.$1'),
      message: colon > 0 ? error.slice(colon + 2) : error,
    };
  });
}

const compiled = new WeakMap<CalendarSpec, CompiledCalendar>();

/**
 * The compiled form of a spec, cached per spec object (flows keep their calendars for the life of
 * a run). Throws when the spec is invalid: the compiler and API reject such specs before any
 * arithmetic happens, so reaching this is a programming error.
 */
export function compileCalendar(spec: CalendarSpec): CompiledCalendar {
  const cached = compiled.get(spec);
  if (cached) return cached;
  const { calendar, errors } = parseCalendarSpec(spec);
  if (!calendar) throw new Error(`invalid business calendar: ${errors.join('; ')}`);
  compiled.set(spec, calendar);
  return calendar;
}
