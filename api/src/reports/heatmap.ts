// Per-element figures of one flow version: where tickets sit now, how long each step took.
import type { Queryable } from './queryable.js';

export type HeatmapQuery = { flowVersionId: string; from: Date; to: Date; departments?: string[] };

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
  percentile_cont(array[0.5, 0.9]) within group (order by s.total_ms) filter (where s.closed_at is not null) as pcts,
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
