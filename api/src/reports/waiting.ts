// Time waiting on the customer (on hold, the SLA clock stopped) per department and per agent, over
// the stages closed in the range: its share of their elapsed time, and whether that share is far
// above its peers' (departments among departments, an agent among the agents of the same
// department), which is how a clock gets gamed. Agents in a department come largest share first.
// Wall-clock time; stages recorded before hold time was kept count as no waiting.
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';
import { waitingOutliers } from './waiting-outliers.js';

export type WaitingQuery = { from: Date; to: Date; departments?: string[]; typeId?: string };

type Waiting = {
  /** Closed stages in the range. */
  stages: number;
  /** Of those, how many were ever on hold. */
  held: number;
  elapsedMs: number;
  waitingMs: number;
  /** waitingMs / elapsedMs; null without elapsed time. */
  waitingShare: number | null;
  outlier: boolean;
};

export type DepartmentWaiting = Waiting & { department: string | null };
export type AgentWaiting = Waiting & { department: string | null; userId: string; name: string };

type Row = { stages: number; held: number; elapsed_ms: string; waiting_ms: string };

const figures = (row: Row): Omit<Waiting, 'outlier'> => {
  const elapsedMs = Number(row.elapsed_ms);
  const waitingMs = Number(row.waiting_ms);
  return {
    stages: row.stages,
    held: row.held,
    elapsedMs,
    waitingMs,
    waitingShare: elapsedMs > 0 ? waitingMs / elapsedMs : null,
  };
};

/** Each member with its outlier flag among the others of its group. */
function flagged<T extends Omit<Waiting, 'outlier'>>(
  members: T[],
  groupOf: (m: T) => string,
): (T & Waiting)[] {
  const groups = new Map<string, T[]>();
  for (const member of members) {
    const group = groups.get(groupOf(member));
    if (group) group.push(member);
    else groups.set(groupOf(member), [member]);
  }
  const outlier = new Map<T, boolean>();
  for (const group of groups.values()) {
    const flags = waitingOutliers(group.map((m) => ({ stages: m.stages, share: m.waitingShare })));
    group.forEach((member, k) => outlier.set(member, flags[k]!));
  }
  return members.map((member) => ({ ...member, outlier: outlier.get(member)! }));
}

export async function waiting(
  db: Queryable,
  query: WaitingQuery,
): Promise<{ departments: DepartmentWaiting[]; agents: AgentWaiting[] }> {
  const params = sqlParameters();
  const where = [
    `s.closed_at >= ${params.add(query.from)}`,
    `s.closed_at < ${params.add(query.to)}`,
    's.total_ms is not null',
  ];
  if (query.departments) where.push(`s.department_key = any(${params.add(query.departments)}::text[])`);
  if (query.typeId)
    where.push(`s.ticket_id in (select id from tickets where type_id = ${params.add(query.typeId)})`);
  const sums = `count(*)::int as stages, count(*) filter (where coalesce(s.held_ms, 0) > 0)::int as held,
    sum(s.total_ms)::text as elapsed_ms, sum(coalesce(s.held_ms, 0))::text as waiting_ms`;

  const byDepartment = await db.query<Row & { department: string | null }>(
    `select s.department_key as department, ${sums}
     from stages s where ${where.join(' and ')}
     group by s.department_key order by 1 nulls last`,
    params.values,
  );
  const byAgent = await db.query<Row & { department: string | null; user_id: string; name: string }>(
    `select s.department_key as department, s.assignee_id as user_id, u.name, ${sums}
     from stages s join users u on u.id = s.assignee_id
     where ${where.join(' and ')}
     group by s.department_key, s.assignee_id, u.name
     order by 1 nulls last, sum(coalesce(s.held_ms, 0))::float8 / nullif(sum(s.total_ms), 0) desc nulls last,
       u.name, 2`,
    params.values,
  );
  return {
    departments: flagged(
      byDepartment.rows.map((r) => ({ department: r.department, ...figures(r) })),
      () => 'all',
    ),
    agents: flagged(
      byAgent.rows.map((r) => ({ department: r.department, userId: r.user_id, name: r.name, ...figures(r) })),
      (a) => a.department ?? '',
    ),
  };
}
