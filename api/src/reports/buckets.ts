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

/** `count(*) filter (...)` columns b0..b7 over the duration expression `value`. */
export function bucketColumns(value: string): string {
  let lower = 0;
  return DURATION_BUCKETS.map((bucket, index) => {
    const condition =
      bucket.upToMs === null ? `${value} >= ${lower}` : `${value} >= ${lower} and ${value} < ${bucket.upToMs}`;
    lower = bucket.upToMs ?? lower;
    return `count(*) filter (where ${condition})::int as b${index}`;
  }).join(',\n  ');
}

export const bucketsFromRow = (row: Record<string, unknown>) =>
  DURATION_BUCKETS.map((bucket, index) => ({ key: bucket.key, label: bucket.label, count: Number(row[`b${index}`] ?? 0) }));
