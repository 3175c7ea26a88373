// The SLA targets the duration charts mark: each user task's target in the latest deployed
// version of each ticket type (the design as it stands, read from the compiled Flow). Targets are
// business time in the task's calendar, wall-clock time without one.
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';

export type SlaTargetQuery = { departments?: string[]; typeId?: string };

export type SlaTarget = {
  typeId: string;
  flowVersionId: string;
  department: string | null;
  elementId: string;
  task: string;
  slaTargetMs: number;
  calendar: string | null;
};

export async function slaTargets(db: Queryable, query: SlaTargetQuery): Promise<SlaTarget[]> {
  const params = sqlParameters();
  const latest = query.typeId ? `where ticket_type_id = ${params.add(query.typeId)}` : '';
  const where = ["n.value->>'kind' = 'userTask'", "jsonb_typeof(n.value->'sla'->'targetMs') = 'number'"];
  if (query.departments) where.push(`n.value->>'department' = any(${params.add(query.departments)}::text[])`);
  const { rows } = await db.query<{
    type_id: string;
    flow_version_id: string;
    department: string | null;
    element_id: string;
    task: string | null;
    target_ms: number;
    calendar: string | null;
  }>(
    `
select v.ticket_type_id as type_id, v.id as flow_version_id, n.value->>'department' as department,
  n.key as element_id, n.value->>'name' as task, (n.value->'sla'->>'targetMs')::float8 as target_ms,
  n.value->'sla'->>'calendar' as calendar
from (select distinct on (ticket_type_id) ticket_type_id, id, compiled from flow_versions ${latest}
      order by ticket_type_id, version desc) v
cross join lateral jsonb_each(case when jsonb_typeof(v.compiled->'nodes') = 'object' then v.compiled->'nodes' else '{}'::jsonb end) n
where ${where.join(' and ')}
order by 1, 3 nulls last, 4`,
    params.values,
  );
  return rows.map((r) => ({
    typeId: r.type_id,
    flowVersionId: r.flow_version_id,
    department: r.department,
    elementId: r.element_id,
    task: r.task ?? r.element_id,
    slaTargetMs: r.target_ms,
    calendar: r.calendar,
  }));
}
