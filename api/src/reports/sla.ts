// SLA attainment per department: closed stages in the range against their targets, plus the
// stages breaching right now. Honest about extensions: a stage whose clock counted more than its
// original target met its SLA only thanks to the time a lead granted, and is counted apart.
import type { Queryable } from '../sql/queryable.js';

export type SlaQuery = { from: Date; to: Date; departments?: string[]; typeId?: string };

export type DepartmentSla = {
  department: string | null;
  closed: number;
  withTarget: number;
  met: number;
  /** Met, but only thanks to an extension: the clock counted more than the original target. */
  metAfterExtension: number;
  warning: number;
  overdue: number;
  severe: number;
  attainment: number | null;
  /** Share that met the original target, extensions not counted. */
  originalAttainment: number | null;
  openOverdueNow: number;
  openSevereNow: number;
};

export async function slaByDepartment(db: Queryable, query: SlaQuery): Promise<DepartmentSla[]> {
  const filters: string[] = [];
  const values: unknown[] = [query.from, query.to];
  if (query.departments) {
    values.push(query.departments);
    filters.push(`department_key = any($${values.length}::text[])`);
  }
  if (query.typeId) {
    values.push(query.typeId);
    filters.push(`ticket_id in (select id from tickets where type_id = $${values.length})`);
  }
  const extra = filters.map((f) => ` and ${f}`).join('');
  const { rows } = await db.query<{
    department: string | null;
    closed: number;
    with_target: number;
    met: number;
    met_after_extension: number;
    warning: number;
    overdue: number;
    severe: number;
    open_overdue: number;
    open_severe: number;
  }>(
    `
with closed as (
  select department_key, count(*)::int as closed,
    count(*) filter (where sla_target_ms is not null)::int as with_target,
    count(*) filter (where sla_target_ms is not null and sla_level in ('ok', 'warning'))::int as met,
    count(*) filter (where sla_target_ms is not null and sla_level in ('ok', 'warning')
      and sla_consumed_ms > sla_target_ms)::int as met_after_extension,
    count(*) filter (where sla_level = 'warning')::int as warning,
    count(*) filter (where sla_level = 'overdue')::int as overdue,
    count(*) filter (where sla_level = 'severe')::int as severe
  from stages where closed_at >= $1 and closed_at < $2${extra}
  group by department_key),
open_now as (
  select department_key,
    count(*) filter (where sla_level in ('overdue', 'severe'))::int as open_overdue,
    count(*) filter (where sla_level = 'severe')::int as open_severe
  from stages where closed_at is null${extra}
  group by department_key)
select coalesce(c.department_key, o.department_key) as department,
  coalesce(c.closed, 0) as closed, coalesce(c.with_target, 0) as with_target, coalesce(c.met, 0) as met,
  coalesce(c.met_after_extension, 0) as met_after_extension,
  coalesce(c.warning, 0) as warning, coalesce(c.overdue, 0) as overdue, coalesce(c.severe, 0) as severe,
  coalesce(o.open_overdue, 0) as open_overdue, coalesce(o.open_severe, 0) as open_severe
from closed c full join open_now o on coalesce(o.department_key, '') = coalesce(c.department_key, '')
order by 1 nulls last`,
    values,
  );
  return rows.map((r) => ({
    department: r.department,
    closed: r.closed,
    withTarget: r.with_target,
    met: r.met,
    metAfterExtension: r.met_after_extension,
    warning: r.warning,
    overdue: r.overdue,
    severe: r.severe,
    attainment: r.with_target > 0 ? r.met / r.with_target : null,
    originalAttainment: r.with_target > 0 ? (r.met - r.met_after_extension) / r.with_target : null,
    openOverdueNow: r.open_overdue,
    openSevereNow: r.open_severe,
  }));
}
