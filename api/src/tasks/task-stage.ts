// The stage row of a task addressed by its global id: what the task routes check before acting.
import { importedRun, type NoRun } from '../access/no-run.js';
import { assertMayActOn } from '../access/task-access.js';
import type { Principal } from '../http/env.js';
import { notFound } from '../http/problem.js';
import type { Queryable } from '../sql/queryable.js';
import { parseTaskId } from './task-id.js';

export type TaskStage = {
  ticketId: string;
  taskId: string;
  department: string | null;
  closed: boolean;
  hasSla: boolean;
  /** Set when the ticket was imported: no engine runs it. */
  noRun?: NoRun;
};

/** The task's stage, or 404 when there is none, 403 when its department is not the caller's. */
export async function taskStageFor(pool: Queryable, id: string, principal: Principal): Promise<TaskStage> {
  const { ticketId, taskId } = parseTaskId(id);
  const { rows } = await pool.query<{
    department_key: string | null;
    closed: boolean;
    has_sla: boolean;
    imported_from: string | null;
  }>(
    `select s.department_key, s.closed_at is not null as closed, s.sla_target_ms is not null as has_sla,
       t.imported_from
     from stages s join tickets t on t.id = s.ticket_id
     where s.ticket_id = $1 and s.task_id = $2`,
    [ticketId, taskId],
  );
  const stage = rows[0];
  if (!stage) throw notFound('task', id);
  assertMayActOn(principal, stage.department_key, id);
  const noRun = importedRun(stage.imported_from);
  return {
    ticketId,
    taskId,
    department: stage.department_key,
    closed: stage.closed,
    hasSla: stage.has_sla,
    ...(noRun ? { noRun } : {}),
  };
}
