// The business-calendar form: a draft the inputs edit, the CalendarSpec it stands for, its
// problems by field (the engine's own rule), and the live preview of a business-time deadline
// (the engine's own addBusinessTime). Pure functions; the page holds the draft.
import {
  addBusinessTime,
  calendarSpecProblems,
  localDateAt,
  NEVER,
  type CalendarSpec,
  type Weekday,
} from '@baton/engine';
import type { Calendar } from '../api/types.js';

export const WEEKDAYS: { key: Weekday; label: string }[] = [
  { key: 'mon', label: 'Monday' },
  { key: 'tue', label: 'Tuesday' },
  { key: 'wed', label: 'Wednesday' },
  { key: 'thu', label: 'Thursday' },
  { key: 'fri', label: 'Friday' },
  { key: 'sat', label: 'Saturday' },
  { key: 'sun', label: 'Sunday' },
];

export type Interval = { from: string; to: string };

export type CalendarDraft = {
  key: string;
  name: string;
  isDefault: boolean;
  timeZone: string;
  /** Opening intervals per weekday, in order; several per day leave breaks between them. */
  week: Record<Weekday, Interval[]>;
  /** 'YYYY-MM-DD' in the calendar's zone, sorted, each once. */
  holidays: string[];
};

const emptyWeek = (): Record<Weekday, Interval[]> =>
  Object.fromEntries(WEEKDAYS.map((d) => [d.key, []])) as unknown as Record<Weekday, Interval[]>;

/** A new calendar: office hours with a lunch break on weekdays, in the browser's zone. */
export function newDraft(timeZone: string): CalendarDraft {
  const week = emptyWeek();
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const)
    week[day] = [
      { from: '09:00', to: '12:00' },
      { from: '13:00', to: '18:00' },
    ];
  return { key: '', name: '', isDefault: false, timeZone, week, holidays: [] };
}

export function draftOf(calendar: Calendar): CalendarDraft {
  const week = emptyWeek();
  for (const { key } of WEEKDAYS)
    week[key] = (calendar.spec.week[key] ?? []).map(([from, to]) => ({ from, to }));
  return {
    key: calendar.key,
    name: calendar.name,
    isDefault: calendar.isDefault,
    timeZone: calendar.spec.timeZone,
    week,
    holidays: sortedDates(calendar.spec.holidays ?? []),
  };
}

const minutes = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
};
const hhmm = (total: number) =>
  `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;

/**
 * The interval "+ hours" adds after `last`: an hour's break, then four hours (up to 24:00); the
 * first of a day is 09:00-17:00.
 */
export function nextInterval(last: Interval | undefined): Interval {
  const end = last ? minutes(last.to) : undefined;
  if (end === undefined) return { from: '09:00', to: '17:00' };
  const from = Math.min(end + 60, 23 * 60);
  return { from: hhmm(from), to: hhmm(Math.min(from + 4 * 60, 24 * 60)) };
}

const sortedDates = (dates: string[]) => [...new Set(dates)].sort();

/** The spec the draft stands for: days without intervals left out, times trimmed. */
export function specOf(draft: CalendarDraft): CalendarSpec {
  const week: CalendarSpec['week'] = {};
  for (const { key } of WEEKDAYS) {
    const intervals = draft.week[key];
    if (intervals.length) week[key] = intervals.map((i): [string, string] => [i.from.trim(), i.to.trim()]);
  }
  return {
    timeZone: draft.timeZone,
    week,
    ...(draft.holidays.length ? { holidays: sortedDates(draft.holidays) } : {}),
  };
}

/** The draft with one more holiday (kept sorted, each date once). */
export const withHoliday = (holidays: string[], date: string): string[] =>
  sortedDates([...holidays, date.trim()]);

/**
 * The spec's problems keyed like the form's fields (`timeZone`, `week`, `week.mon.1`,
 * `holidays.0`, '' for the whole spec), as the engine states them.
 */
export function problemsOf(spec: CalendarSpec): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const p of calendarSpecProblems(spec)) byField[p.field] ??= p.message;
  return byField;
}

/** A server refusal's field errors keyed like problemsOf (`spec.week.mon.1` -> `week.mon.1`). */
export function serverProblemsOf(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, m]) => [field.replace(/^spec\.?/, ''), m]));
}

export type Preview =
  | { kind: 'invalid' }
  | { kind: 'never' }
  | { kind: 'ends'; at: number; /** The end's date in the calendar's zone, 'YYYY-MM-DD'. */ date: string };

/** When `hours` business hours from `now` end in the calendar (nothing while it is not valid). */
export function previewEnd(spec: CalendarSpec, now: number, hours: number): Preview {
  if (!Number.isFinite(hours) || hours < 0 || Object.keys(problemsOf(spec)).length)
    return { kind: 'invalid' };
  const at = addBusinessTime(now, Math.round(hours * 3_600_000), spec);
  if (at >= NEVER) return { kind: 'never' };
  const { year, month, day } = localDateAt(at, spec.timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { kind: 'ends', at, date: `${year}-${pad(month)}-${pad(day)}` };
}

/** An instant as people read it in a zone: `Thu, 3 Dec 2026, 10:05`. */
export function formatIn(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

/** The IANA zones this browser knows, with `current` among them even if the browser lacks it. */
export function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];
  const zones = new Set(known);
  zones.add('UTC');
  if (current) zones.add(current);
  return [...zones].sort();
}
