// Open stages at or past a warning level, most overdue first.
import type { Queryable } from '../sql/queryable.js';

export const STUCK_LEVELS = ['warning', 'overdue', 'severe'] as const;
export type StuckLevel = (typeof STUCK_LEVELS)[number];

export type StuckQuery = { now: Date; level: StuckLevel; departments?: string[]; limit: number };

export type StuckStage = {
  ticketId: string;
  ticketNumber: number;
  ticketTitle: string;
  taskId: string;
  elementId: string;
  name: string;
  department: string | null;
  assignee: { id: string; name: string } | null;
  enteredAt: string;
  dueAt: string | null;
  slaLevel: string;
  ageMs: number;
  /** Elapsed time over the time allowed (entered..due): 1 = due now, 1.3 = 30 % past due. */
  overdueRatio: number | null;
};

/** The requested level and every worse one. */
const levelsFrom = (level: StuckLevel) => STUCK_LEVELS.slice(STUCK_LEVELS.indexOf(level));

export async function stuckStages(db: Queryable, query: StuckQuery): Promise<StuckStage[]> {
  const levels = levelsFrom(query.level);
  const values: unknown[] = [query.now, levels, query.limit];
  const where = [
    's.closed_at is null',
    // A stage past due counts as overdue even before the runtime recorded the level.
    `(s.sla_level = any($2::text[]) or (s.due_at <= $1 and 'overdue' = any($2::text[])))`,
  ];
  if (query.departments) {
    values.push(query.departments);
    where.push(`s.department_key = any($${values.length}::text[])`);
  }
  const { rows } = await db.query<{
    ticket_id: string;
    number: string;
    title: string;
    task_id: string;
    element_id: string;
    name: string;
    department_key: string | null;
    assignee_id: string | null;
    assignee_name: string | null;
    entered_at: Date;
    due_at: Date | null;
    sla_level: string;
    age_ms: number;
    overdue_ratio: number | null;
  }>(
    `
select s.ticket_id, t.number, t.title, s.task_id, s.element_id, s.name, s.department_key, s.assignee_id,
  u.name as assignee_name, s.entered_at, s.due_at, s.sla_level,
  (extract(epoch from ($1 - s.entered_at)) * 1000)::float8 as age_ms,
  case when s.due_at > s.entered_at
    then (extract(epoch from ($1 - s.entered_at)) / extract(epoch from (s.due_at - s.entered_at)))::float8 end as overdue_ratio
from stages s join tickets t on t.id = s.ticket_id left join users u on u.id = s.assignee_id
where ${where.join(' and ')}
order by overdue_ratio desc nulls last, s.entered_at, s.ticket_id, s.task_id
limit $3`,
    values,
  );
  return rows.map((r) => ({
    ticketId: r.ticket_id,
    ticketNumber: Number(r.number),
    ticketTitle: r.title,
    taskId: r.task_id,
    elementId: r.element_id,
    name: r.name,
    department: r.department_key,
    assignee: r.assignee_id ? { id: r.assignee_id, name: r.assignee_name ?? r.assignee_id } : null,
    enteredAt: r.entered_at.toISOString(),
    dueAt: r.due_at?.toISOString() ?? null,
    slaLevel:
      r.sla_level === 'ok' || r.sla_level === 'warning'
        ? r.due_at && r.due_at <= query.now
          ? 'overdue'
          : r.sla_level
        : r.sla_level,
    ageMs: r.age_ms,
    overdueRatio: r.overdue_ratio,
  }));
}
