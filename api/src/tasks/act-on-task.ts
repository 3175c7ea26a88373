// An agent action on one task (claim, complete, transfer, return, hold, resume), through the
// engine runtime: the engine decides, and its rejection becomes the answer's problem.
import type { Actor, TaskView, TicketStatus } from '@baton/engine';
import type { TaskEvent } from '@baton/workflows';
import { notRunning } from '../access/no-run.js';
import { actorFor } from '../access/task-access.js';
import { rejection } from '../http/engine-rejection.js';
import type { AppDeps, Principal } from '../http/env.js';
import { taskStageFor } from './task-stage.js';

export type TaskEventFor = (taskId: string, actor: Actor) => TaskEvent;

/**
 * Applies the action; answers the ticket's status after it (as the read model keeps it, which the
 * run's step has written before the engine answers, so the words are the ticket list's) and the
 * open tasks.
 */
export async function actOnTask(
  deps: Pick<AppDeps, 'pool' | 'runtime'>,
  principal: Principal,
  id: string,
  eventFor: TaskEventFor,
  requestId: string | undefined,
): Promise<{ ticketId: string; taskId: string; status: TicketStatus; tasks: TaskView[] }> {
  const { ticketId, taskId, department, noRun } = await taskStageFor(deps.pool, id, principal);
  // The runtime would say "not running" too, without saying why.
  if (noRun) throw notRunning(noRun, `the ticket of task ${id}`);
  const result = await deps.runtime.act(
    ticketId,
    eventFor(taskId, actorFor(principal, department)),
    requestId ? { requestId } : {},
  );
  if (!result.ok) throw rejection(result.rejected, `task ${id}`);
  const { rows } = await deps.pool.query<{ status: TicketStatus }>(
    'select status from tickets where id = $1',
    [ticketId],
  );
  return { ticketId, taskId, status: rows[0]!.status, tasks: result.tasks };
}
