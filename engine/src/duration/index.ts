// ISO 8601 durations, date-times and repeating intervals as they appear in BPMN timers and
// Baton SLAs. Pure parsing: results or a message saying what is wrong, never exceptions.

/** `code` is the diagnostic code the compiler reports for the failure. */
export type ParseCode = 'invalid-duration' | 'ambiguous-duration' | 'invalid-date' | 'invalid-cycle';
export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ParseCode; error: string };

export type Duration = {
  ms: number;
  /** Written with days or weeks: in business time a "day" is 24 business hours, rarely meant. */
  usesDays: boolean;
};

export type Cycle = { repetitions?: number; duration: Duration };

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const WEEKS = new RegExp(String.raw`^P${NUMBER}W$`);
const DAY_TIME = new RegExp(
  String.raw`^P(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
const HAS_YEARS_OR_MONTHS = /^P(?:[\d.,]+Y)|^P(?:[\d.,]+Y)?[\d.,]+M/;

const fail = <T>(error: string, code: ParseCode = 'invalid-duration'): Parsed<T> => ({
  ok: false,
  code,
  error,
});

/**
 * Parses `PnW` or `PnDTnHnMnS` (a fraction only on the last unit written). Days are 24 hours;
 * years and months are rejected because their length depends on the calendar date.
 */
export function parseDuration(text: string): Parsed<Duration> {
  const iso = text.trim();
  if (iso === '') return fail('empty duration; write an ISO 8601 duration such as PT4H or P2D');
  if (HAS_YEARS_OR_MONTHS.test(iso)) {
    return fail(
      `'${iso}' uses years or months, whose length varies; write days or weeks instead (e.g. P30D)`,
      'ambiguous-duration',
    );
  }
  const weeks = WEEKS.exec(iso);
  if (weeks) return { ok: true, value: { ms: Math.round(toNumber(weeks[1]!) * WEEK), usesDays: true } };

  const match = DAY_TIME.exec(iso);
  if (!match || iso === 'P' || iso.endsWith('T')) {
    return fail(`'${iso}' is not an ISO 8601 duration; write e.g. PT30M, PT4H, P2D or P1DT12H`);
  }
  const parts = [match[1], match[2], match[3], match[4]];
  const units = [DAY, HOUR, MINUTE, SECOND];
  const lastWritten = parts.reduce((last, part, index) => (part === undefined ? last : index), -1);
  let ms = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    if (part === undefined) continue;
    if (/[.,]/.test(part) && index !== lastWritten) {
      return fail(
        `'${iso}' has a fraction on a unit that is not the last one; only the smallest unit may have a fraction`,
      );
    }
    ms += toNumber(part) * units[index]!;
  }
  return { ok: true, value: { ms: Math.round(ms), usesDays: match[1] !== undefined } };
}

const toNumber = (digits: string): number => Number(digits.replace(',', '.'));

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Parses an ISO 8601 date-time that carries a UTC offset (`Z` or `±hh:mm`) to epoch ms. */
export function parseDateTime(text: string): Parsed<number> {
  const iso = text.trim();
  const match = DATE_TIME.exec(iso);
  if (!match) {
    return fail(
      `'${iso}' is not an ISO 8601 date-time with an offset; write e.g. 2026-03-01T09:00:00Z or 2026-03-01T09:00:00+08:00`,
      'invalid-date',
    );
  }
  const [, y, mo, d, h, mi, s, fraction, offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  const daysInMonth = month >= 1 && month <= 12 ? new Date(Date.UTC(year, month, 0)).getUTCDate() : 0;
  if (day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    return fail(`'${iso}' names a date or time that does not exist`, 'invalid-date');
  }
  let offsetMs = 0;
  if (offset !== 'Z') {
    const sign = offset!.startsWith('-') ? -1 : 1;
    const digits = offset!.slice(1).replace(':', '');
    const offsetHours = Number(digits.slice(0, 2));
    const offsetMinutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (offsetHours > 18 || offsetMinutes > 59)
      return fail(`'${iso}' has an impossible UTC offset`, 'invalid-date');
    offsetMs = sign * (offsetHours * HOUR + offsetMinutes * MINUTE);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear keeps the year as written.
  const exact = new Date(utc);
  exact.setUTCFullYear(year);
  return { ok: true, value: exact.getTime() - offsetMs };
}

const CYCLE = /^R(\d*)\/(.+)$/;

/** Parses `R<n>/<duration>` (n absent = repeat forever). Start or end dates are not supported. */
export function parseCycle(text: string): Parsed<Cycle> {
  const iso = text.trim();
  const match = CYCLE.exec(iso);
  if (!match)
    return fail(
      `'${iso}' is not a repeating interval; write R<n>/<duration>, e.g. R3/PT1H, or R/PT1H to repeat forever`,
      'invalid-cycle',
    );
  const [, count, rest] = match;
  if (rest!.includes('/')) {
    return fail(
      `'${iso}' has a start or end date; only R<n>/<duration> is supported, e.g. R3/PT1H`,
      'invalid-cycle',
    );
  }
  const duration = parseDuration(rest!);
  if (!duration.ok) return duration;
  if (duration.value.ms <= 0)
    return fail(
      `'${iso}' repeats a zero duration; give the interval a length, e.g. R3/PT1H`,
      'invalid-cycle',
    );
  if (count === '') return { ok: true, value: { duration: duration.value } };
  const repetitions = Number(count);
  if (repetitions < 1) return fail(`'${iso}' repeats zero times; use R1 or more`, 'invalid-cycle');
  return { ok: true, value: { repetitions, duration: duration.value } };
}
