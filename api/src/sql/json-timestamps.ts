// Timestamps as Postgres renders them inside JSON, as the API shows them.
/**
 * JSON renders timestamps in the session zone; normalise to ISO 8601 UTC with milliseconds.
 * A UTC session's `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00` is rewritten as text (a detail carries a
 * dozen or more timestamps, and Date parsing was a visible share of the request); anything else
 * goes through Date. Both truncate the fraction to milliseconds.
 */
export function isoText(value: string | null | undefined): string | null {
  if (!value) return null;
  const utc =
    value.length >= 25 &&
    value.length <= 32 &&
    value[10] === 'T' &&
    (value.length === 25 || value[19] === '.') &&
    value.endsWith('+00:00');
  if (!utc) return new Date(value).toISOString();
  const seconds = value.slice(0, 19);
  const fraction = value.length === 25 ? '' : value.slice(20, -6);
  return `${seconds}.${(fraction + '000').slice(0, 3)}Z`;
}
