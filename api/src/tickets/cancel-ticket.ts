// Cancelling a ticket: the engine closes its open tasks; a ticket no engine runs (the engine lost
// it, or it was imported) is closed in the read model instead, by an admin.
import { isRuntimeFailure } from '@baton/workflows';
import { closedWithoutRunReason, notRunning, type NoRun } from '../access/no-run.js';
import { actorFor } from '../access/task-access.js';
import { mayCloseLostTicket } from '../access/ticket-writes.js';
import { rejection } from '../http/engine-rejection.js';
import type { AppDeps, Principal } from '../http/env.js';
import { conflict } from '../http/problem.js';

/**
 * Cancels a ticket the caller may cancel (the route checked who and that it is open); `noRun`:
 * the read model knows no engine runs it (imported), so the engine is not asked.
 */
export async function cancelTicket(
  deps: Pick<AppDeps, 'runtime' | 'log'>,
  principal: Principal,
  ticketId: string,
  reason: string | undefined,
  requestId: string | undefined,
  noRun?: NoRun,
): Promise<void> {
  const actor = actorFor(principal);
  let missingRun: NoRun | undefined = noRun;
  if (missingRun === undefined) {
    try {
      const result = await deps.runtime.cancel(ticketId, actor, reason, requestId ? { requestId } : {});
      if (!result.ok) throw rejection(result.rejected, `cancel ticket ${ticketId}`);
      return;
    } catch (error) {
      if (!isRuntimeFailure(error, 'not-running') || !mayCloseLostTicket(principal)) throw error;
      missingRun = 'lost';
    }
  }
  if (!mayCloseLostTicket(principal)) throw notRunning(missingRun, `ticket ${ticketId}`);
  const closed = await deps.runtime.closeLost(ticketId, actor, reason ?? closedWithoutRunReason(missingRun));
  if (closed === 'running') throw conflict(`ticket ${ticketId} is running again: cancel it once more`);
  deps.log.warn({ ticketId, userId: principal.id }, 'admin closed a ticket no engine ran');
}
