// Department handoffs: for each stage opened in the range, the stage of the same ticket that
// closed last before it opened; when their departments differ, that is a handoff, and the time
// between the close and the open is the gap the ticket waited unowned. The pickup is how long the
// receiving stage then waited in its department's queue (opened until claimed).
import type { Queryable } from '../sql/queryable.js';

export type HandoffQuery = { from: Date; to: Date; departments?: string[]; typeId?: string };

export type Handoff = {
  fromDepartment: string | null;
  toDepartment: string | null;
  count: number;
  gapMeanMs: number;
  gapP50Ms: number;
  gapP90Ms: number;
  /** Over the receiving stages that were claimed; null when none was. */
  pickupP50Ms: number | null;
  pickupP90Ms: number | null;
};

export async function handoffs(db: Queryable, query: HandoffQuery): Promise<Handoff[]> {
  const values: unknown[] = [query.from, query.to];
  const where = [
    's.entered_at >= $1',
    's.entered_at < $2',
    'p.department_key is distinct from s.department_key',
  ];
  if (query.departments) {
    values.push(query.departments);
    where.push(
      `(p.department_key = any($${values.length}::text[]) or s.department_key = any($${values.length}::text[]))`,
    );
  }
  if (query.typeId) {
    values.push(query.typeId);
    where.push(`s.ticket_id in (select id from tickets where type_id = $${values.length})`);
  }
  const { rows } = await db.query<{
    from_department: string | null;
    to_department: string | null;
    count: number;
    mean: number;
    pcts: number[];
    pickup: number[] | null;
  }>(
    `
select p.department_key as from_department, s.department_key as to_department, count(*)::int as count,
  avg(g.gap)::float8 as mean, percentile_cont(array[0.5, 0.9]) within group (order by g.gap) as pcts,
  percentile_cont(array[0.5, 0.9]) within group (order by g.pickup) filter (where g.pickup is not null) as pickup
from stages s
cross join lateral (
  select p.department_key, p.closed_at from stages p
  where p.ticket_id = s.ticket_id and p.task_id <> s.task_id and p.closed_at is not null and p.closed_at <= s.entered_at
  order by p.closed_at desc limit 1) p
cross join lateral (select (extract(epoch from (s.entered_at - p.closed_at)) * 1000)::float8 as gap,
  (extract(epoch from (s.claimed_at - s.entered_at)) * 1000)::float8 as pickup) g
where ${where.join(' and ')}
group by 1, 2
order by count desc, 1, 2`,
    values,
  );
  return rows.map((row) => ({
    fromDepartment: row.from_department,
    toDepartment: row.to_department,
    count: row.count,
    gapMeanMs: row.mean,
    gapP50Ms: row.pcts[0] ?? 0,
    gapP90Ms: row.pcts[1] ?? 0,
    pickupP50Ms: row.pickup?.[0] ?? null,
    pickupP90Ms: row.pickup?.[1] ?? null,
  }));
}
