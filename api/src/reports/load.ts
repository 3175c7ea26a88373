// Load: how much work sits with each department and each agent now (open tickets, unassigned and
// overdue stages), and how many stages each closed in the range.
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';

export type LoadQuery = { now: Date; from: Date; to: Date; departments?: string[]; typeId?: string };

export type DepartmentLoad = {
  department: string | null;
  /** Tickets with an open stage in the department. */
  openTickets: number;
  openStages: number;
  /** Open stages nobody has been assigned. */
  unassigned: number;
  /** Open stages at level overdue or severe, or past due before the runtime recorded it. */
  overdue: number;
  /** Stages closed in the range. */
  closed: number;
};

export type AgentLoad = {
  userId: string;
  name: string;
  /** Tickets with an open stage assigned to the agent. */
  openTickets: number;
  overdue: number;
  closed: number;
};

export type Load = { departments: DepartmentLoad[]; agents: AgentLoad[] };

export async function load(db: Queryable, query: LoadQuery): Promise<Load> {
  const params = sqlParameters();
  const now = params.add(query.now);
  const from = params.add(query.from);
  const to = params.add(query.to);
  const where = [`(s.closed_at is null or (s.closed_at >= ${from} and s.closed_at < ${to}))`];
  const scope = query.departments ? params.add(query.departments) : undefined;
  if (scope) where.push(`s.department_key = any(${scope}::text[])`);
  if (query.typeId)
    where.push(`s.ticket_id in (select id from tickets where type_id = ${params.add(query.typeId)})`);
  const open = 's.closed_at is null';
  const overdue = `${open} and (s.sla_level in ('overdue', 'severe') or s.due_at <= ${now})`;
  const closed = 's.closed_at is not null';
  const inScope = (column: string) => (scope ? `${column} = any(${scope}::text[])` : 'true');

  const departments = await db.query<{
    department: string | null;
    open_tickets: number;
    open_stages: number;
    unassigned: number;
    overdue: number;
    closed: number;
  }>(
    `
with agg as (
  select s.department_key,
    count(distinct s.ticket_id) filter (where ${open})::int as open_tickets,
    count(*) filter (where ${open})::int as open_stages,
    count(*) filter (where ${open} and s.assignee_id is null)::int as unassigned,
    count(*) filter (where ${overdue})::int as overdue,
    count(*) filter (where ${closed})::int as closed
  from stages s where ${where.join(' and ')}
  group by s.department_key)
select coalesce(a.department_key, d.key) as department, coalesce(a.open_tickets, 0) as open_tickets,
  coalesce(a.open_stages, 0) as open_stages, coalesce(a.unassigned, 0) as unassigned,
  coalesce(a.overdue, 0) as overdue, coalesce(a.closed, 0) as closed
from agg a full join (select key from departments where ${inScope('key')}) d on d.key = a.department_key
order by 1 nulls last`,
    params.values,
  );

  // Every agent of the departments in scope, idle ones too, and anyone else holding their stages.
  const agents = await db.query<{
    user_id: string;
    name: string;
    open_tickets: number;
    overdue: number;
    closed: number;
  }>(
    `
with agg as (
  select s.assignee_id,
    count(distinct s.ticket_id) filter (where ${open})::int as open_tickets,
    count(*) filter (where ${overdue})::int as overdue,
    count(*) filter (where ${closed})::int as closed
  from stages s where s.assignee_id is not null and ${where.join(' and ')}
  group by s.assignee_id),
members as (
  select distinct m.user_id from memberships m join users u on u.id = m.user_id
  where u.active and 'agent' = any(u.roles) and ${inScope('m.department_key')})
select u.id as user_id, u.name, coalesce(a.open_tickets, 0) as open_tickets,
  coalesce(a.overdue, 0) as overdue, coalesce(a.closed, 0) as closed
from users u left join agg a on a.assignee_id = u.id
where a.assignee_id is not null or u.id in (select user_id from members)
order by open_tickets desc, closed desc, u.name, u.id`,
    params.values,
  );

  return {
    departments: departments.rows.map((r) => ({
      department: r.department,
      openTickets: r.open_tickets,
      openStages: r.open_stages,
      unassigned: r.unassigned,
      overdue: r.overdue,
      closed: r.closed,
    })),
    agents: agents.rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      openTickets: r.open_tickets,
      overdue: r.overdue,
      closed: r.closed,
    })),
  };
}
