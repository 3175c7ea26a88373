// Per-element figures of one flow version: where tickets sit now, how long each step took.
import { notFound } from '../http/problem.js';
import type { Queryable } from '../sql/queryable.js';
import { type DurationMeasure, durationSql } from './measures.js';

export type HeatmapQuery = {
  flowVersionId: string;
  from: Date;
  to: Date;
  departments?: string[];
  /** What p50 and p90 measure of each stage (wall clock); default 'elapsed'. */
  measure?: DurationMeasure;
};

export type HeatmapCell = {
  elementId: string;
  name: string;
  department: string | null;
  openNow: number;
  done: number;
  p50Ms: number | null;
  p90Ms: number | null;
  overdue: number;
};

/** 404 unless the flow version exists (a heatmap of an unknown version is not an empty one). */
export async function requireFlowVersion(db: Queryable, flowVersionId: string): Promise<void> {
  const exists = await db.query('select 1 from flow_versions where id = $1', [flowVersionId]);
  if (exists.rowCount === 0) throw notFound('flow version', flowVersionId);
}

export async function heatmap(db: Queryable, query: HeatmapQuery): Promise<HeatmapCell[]> {
  const values: unknown[] = [query.flowVersionId, query.from, query.to];
  const where = [
    't.flow_version_id = $1',
    '(s.closed_at is null or (s.closed_at >= $2 and s.closed_at < $3))',
  ];
  if (query.departments) {
    values.push(query.departments);
    where.push(`s.department_key = any($${values.length}::text[])`);
  }
  const { rows } = await db.query<{
    element_id: string;
    name: string;
    department: string | null;
    open_now: number;
    done: number;
    pcts: number[] | null;
    overdue: number;
  }>(
    `
select s.element_id, min(s.name) as name, min(s.department_key) as department,
  count(*) filter (where s.closed_at is null)::int as open_now,
  count(*) filter (where s.closed_at is not null)::int as done,
  percentile_cont(array[0.5, 0.9]) within group (order by ${durationSql('wall', query.measure ?? 'elapsed', 's')}) filter (where s.closed_at is not null) as pcts,
  count(*) filter (where s.sla_level in ('overdue', 'severe'))::int as overdue
from stages s join tickets t on t.id = s.ticket_id
where ${where.join(' and ')}
group by s.element_id
order by s.element_id`,
    values,
  );
  return rows.map((r) => ({
    elementId: r.element_id,
    name: r.name,
    department: r.department,
    openNow: r.open_now,
    done: r.done,
    p50Ms: r.pcts?.[0] ?? null,
    p90Ms: r.pcts?.[1] ?? null,
    overdue: r.overdue,
  }));
}
