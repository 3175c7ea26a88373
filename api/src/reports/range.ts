// Report time ranges (today, this week, last month...) evaluated in the organisation's time zone.
// Pure: `now` and the zone are inputs. Ranges are half-open [from, to). Zone math is the
// engine's, so report days and business-calendar days agree.
import { localDateAt, startOfLocalDate, type LocalDate } from '@baton/engine';

export const RANGE_PRESETS = [
  'today',
  'yesterday',
  'this-week',
  'last-week',
  'this-month',
  'last-month',
  'this-year',
  'last-year',
  'custom',
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export type TimeRange = { preset: RangePreset; from: Date; to: Date; timeZone: string };

type CivilDate = LocalDate;

/** The instant a civil date starts (local midnight) in a zone; DST gaps move it to the first valid time. */
export const startOfCivilDate = (date: CivilDate, timeZone: string): Date =>
  new Date(startOfLocalDate(date, timeZone));

/** Normalises overflowing months/days (e.g. month 0, day 32) like Date.UTC does. */
const civil = (year: number, month: number, day: number): CivilDate => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

const isoWeekdayIndex = (date: CivilDate) =>
  (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;

export class RangeError422 extends Error {}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` = that day's local midnight (for `to`, the end of that day); otherwise an ISO instant. */
function parseBound(value: string, timeZone: string, bound: 'from' | 'to'): Date {
  const dateOnly = DATE_ONLY.exec(value);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    const normalised = civil(year, month, day);
    if (normalised.month !== month || normalised.day !== day)
      throw new RangeError422(`${bound}: '${value}' is not a calendar date`);
    return startOfCivilDate(bound === 'to' ? civil(year, month, day + 1) : normalised, timeZone);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new RangeError422(
      `${bound}: '${value}' must be YYYY-MM-DD or an ISO 8601 date-time with an offset`,
    );
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new RangeError422(`${bound}: '${value}' is not a valid date-time`);
  return at;
}

export function resolveRange(
  preset: RangePreset,
  options: { now: number; timeZone: string; from?: string; to?: string },
): TimeRange {
  const { now, timeZone } = options;
  const today = localDateAt(now, timeZone);
  const start = (y: number, m: number, d: number) => startOfCivilDate(civil(y, m, d), timeZone);
  const range = (from: Date, to: Date): TimeRange => ({ preset, from, to, timeZone });
  const { year: y, month: m, day: d } = today;
  // Weeks are ISO weeks: Monday to Monday, local midnight in the organisation's zone.
  const monday = d - isoWeekdayIndex(today);
  switch (preset) {
    case 'today':
      return range(start(y, m, d), start(y, m, d + 1));
    case 'yesterday':
      return range(start(y, m, d - 1), start(y, m, d));
    case 'this-week':
      return range(start(y, m, monday), start(y, m, monday + 7));
    case 'last-week':
      return range(start(y, m, monday - 7), start(y, m, monday));
    case 'this-month':
      return range(start(y, m, 1), start(y, m + 1, 1));
    case 'last-month':
      return range(start(y, m - 1, 1), start(y, m, 1));
    case 'this-year':
      return range(start(y, 1, 1), start(y + 1, 1, 1));
    case 'last-year':
      return range(start(y - 1, 1, 1), start(y, 1, 1));
    case 'custom': {
      if (!options.from || !options.to) throw new RangeError422('range=custom needs both `from` and `to`');
      const from = parseBound(options.from, timeZone, 'from');
      const to = parseBound(options.to, timeZone, 'to');
      if (to.getTime() <= from.getTime()) throw new RangeError422('`to` must be after `from`');
      return range(from, to);
    }
  }
}
