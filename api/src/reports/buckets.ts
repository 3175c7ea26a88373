// Duration bands people read, shared by the SQL and the answer. Upper bounds are exclusive.
// stage_rollups keeps per-band counts: a migration that changes the bands must also empty
// stage_rollup_days (its rollups cascade) and log the days again in stage_day_changes.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const DURATION_BUCKETS = [
  { key: 'lt10m', label: '< 10 min', upToMs: 10 * MINUTE },
  { key: '10m-30m', label: '10–30 min', upToMs: 30 * MINUTE },
  { key: '30m-1h', label: '30 min–1 h', upToMs: HOUR },
  { key: '1h-4h', label: '1–4 h', upToMs: 4 * HOUR },
  { key: '4h-8h', label: '4–8 h', upToMs: 8 * HOUR },
  { key: '8h-24h', label: '8–24 h', upToMs: DAY },
  { key: '1d-3d', label: '1–3 d', upToMs: 3 * DAY },
  { key: 'gt3d', label: '> 3 d', upToMs: null },
] as const;

/** The bands' upper bounds (all but the open-ended last band), with the band's index. */
const BOUNDS = DURATION_BUCKETS.flatMap((bucket, index) =>
  bucket.upToMs === null ? [] : [{ index, upToMs: bucket.upToMs }],
);

/** Names of the bucketColumns columns, in band order. */
export const BELOW_COLUMNS = BOUNDS.map((bound) => `below${bound.index}`);

const belowCount = (value: string, upToMs: number) => `count(*) filter (where ${value} < ${upToMs})::int`;

/**
 * `count(*) filter (where value < bound)` columns below0..below6, one per upper bound: one
 * comparison per bound and row instead of a lower and an upper one per band, which is most of
 * the report's per-row work over a month of stages. Durations are never negative (a check
 * constraint on stages), so the bands are the differences between neighbouring columns.
 */
export function bucketColumns(value: string): string {
  return BOUNDS.map((bound) => `${belowCount(value, bound.upToMs)} as below${bound.index}`).join(',\n  ');
}

/** The same counts as one int[] in band order, the form stage rollups keep them in. */
export function belowArraySql(value: string): string {
  return `array[${BOUNDS.map((bound) => belowCount(value, bound.upToMs)).join(', ')}]`;
}

/** The bands from below-counts in band order plus the group's total count. */
export function bucketsFromBelow(below: readonly number[], total: number) {
  let counted = 0;
  return DURATION_BUCKETS.map((bucket, index) => {
    const upTo = index < below.length ? below[index]! : total;
    const count = upTo - counted;
    counted = upTo;
    return { key: bucket.key, label: bucket.label, upToMs: bucket.upToMs, count };
  });
}

/** The bands from a row of `bucketColumns` plus the group's total count. */
export function bucketsFromRow(row: Record<string, unknown>, total: number) {
  return bucketsFromBelow(
    BELOW_COLUMNS.map((column) => Number(row[column] ?? 0)),
    total,
  );
}
