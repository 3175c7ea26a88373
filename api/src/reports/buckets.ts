// Duration bands people read, shared by the SQL and the answer. Upper bounds are exclusive.
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

/**
 * `count(*) filter (where value < bound)` columns below0..below6, one per upper bound: one
 * comparison per bound and row instead of a lower and an upper one per band, which is most of
 * the report's per-row work over a month of stages. Durations are never negative (a check
 * constraint on stages), so the bands are the differences between neighbouring columns.
 */
export function bucketColumns(value: string): string {
  return DURATION_BUCKETS.flatMap((bucket, index) =>
    bucket.upToMs === null
      ? []
      : [`count(*) filter (where ${value} < ${bucket.upToMs})::int as below${index}`],
  ).join(',\n  ');
}

/** The bands from a row of `bucketColumns` plus the group's total count. */
export function bucketsFromRow(row: Record<string, unknown>, total: number) {
  let counted = 0;
  return DURATION_BUCKETS.map((bucket, index) => {
    const below = bucket.upToMs === null ? total : Number(row[`below${index}`] ?? 0);
    const count = below - counted;
    counted = below;
    return { key: bucket.key, label: bucket.label, count };
  });
}
