// Stage durations per department or per task over closed stages: count, mean, percentiles,
// duration bands and SLA attainment, in wall-clock or business time.
import { bucketColumns, bucketsFromRow } from './buckets.js';
import type { Queryable } from './queryable.js';

export type DurationClock = 'wall' | 'business';
export type DurationGrouping = 'department' | 'task';

export type StageDurationQuery = {
  from: Date;
  to: Date;
  by: DurationGrouping;
  clock: DurationClock;
  /** Only these departments; undefined = all. */
  departments?: string[];
  typeId?: string;
};

export type DurationGroup = {
  department: string | null;
  elementId?: string;
  task?: string;
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  histogram: { key: string; label: string; count: number }[];
  sla: { withTarget: number; met: number; attainment: number | null };
};

const CLOCK_COLUMN: Record<DurationClock, string> = {
  wall: 'total_ms',
  business: 'coalesce(business_total_ms, total_ms)',
};

export function stageDurationSql(query: StageDurationQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [query.from, query.to];
  const where = ['closed_at >= $1', 'closed_at < $2'];
  if (query.departments) {
    values.push(query.departments);
    where.push(`department_key = any($${values.length}::text[])`);
  }
  if (query.typeId) {
    values.push(query.typeId);
    where.push(`ticket_id in (select id from tickets where type_id = $${values.length})`);
  }
  const groupColumns = query.by === 'task' ? 'department_key, element_id' : 'department_key';
  const value = CLOCK_COLUMN[query.clock];
  const text = `
select ${groupColumns}${query.by === 'task' ? ', min(name) as task' : ''},
  count(*)::int as count,
  avg(v)::float8 as mean,
  percentile_cont(array[0.5, 0.9, 0.99]) within group (order by v) as pcts,
  ${bucketColumns('v')},
  count(*) filter (where sla_target_ms is not null)::int as with_target,
  count(*) filter (where sla_target_ms is not null and sla_level in ('ok', 'warning'))::int as met
from (select department_key, element_id, name, sla_target_ms, sla_level, ${value} as v
      from stages where ${where.join(' and ')}) s
group by ${groupColumns}
order by ${groupColumns}`;
  return { text, values };
}

type Row = {
  department_key: string | null;
  element_id?: string;
  task?: string;
  count: number;
  mean: number;
  pcts: number[];
  with_target: number;
  met: number;
  [bucket: string]: unknown;
};

export async function stageDurations(db: Queryable, query: StageDurationQuery): Promise<DurationGroup[]> {
  const { rows } = await db.query<Row>(stageDurationSql(query));
  return rows.map((row) => ({
    department: row.department_key,
    ...(query.by === 'task' ? { elementId: row.element_id, task: row.task } : {}),
    count: row.count,
    meanMs: row.mean,
    p50Ms: row.pcts[0] ?? 0,
    p90Ms: row.pcts[1] ?? 0,
    p99Ms: row.pcts[2] ?? 0,
    histogram: bucketsFromRow(row, row.count),
    sla: {
      withTarget: row.with_target,
      met: row.met,
      attainment: row.with_target > 0 ? row.met / row.with_target : null,
    },
  }));
}
