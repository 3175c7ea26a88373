// Reopening a done ticket (the customer says it is not solved): where it may go back to, and the
// call to the engine, which runs it on from a user task of its process.
import type { Flow } from '@baton/engine';
import { notRunning, importedRun } from '../access/no-run.js';
import { actorFor } from '../access/task-access.js';
import { assertMayReopen, mayReopenTicket, ticketOwners } from '../access/ticket-writes.js';
import { rejection } from '../http/engine-rejection.js';
import type { AppDeps, Principal } from '../http/env.js';
import { conflict, invalid } from '../http/problem.js';
import type { TicketView } from './detail-query.js';

/** A user task a done ticket may reopen at. */
export type ReopenPlace = { elementId: string; name: string };

/**
 * The user tasks of the process (not of a subprocess: the engine refuses those), the element of
 * the stage that closed last first: what a reopen without `elementId` goes back to.
 */
export function reopenPlaces(flow: Flow, stages: TicketView['stages']): ReopenPlace[] {
  const places = Object.values(flow.nodes).flatMap((node) =>
    node.kind === 'userTask' && node.scope === undefined
      ? [{ elementId: node.id, name: node.name ?? node.id }]
      : [],
  );
  const lastClosed = stages
    .filter((stage) => stage.closedAt !== null)
    .sort((a, b) => Date.parse(a.closedAt!) - Date.parse(b.closedAt!))
    .at(-1)?.elementId;
  const first = places.findIndex((place) => place.elementId === lastClosed);
  return first <= 0 ? places : [places[first]!, ...places.slice(0, first), ...places.slice(first + 1)];
}

/** What the caller may reopen the ticket at, or null when they may not reopen it now. */
export function reopenOffer(
  principal: Principal,
  view: TicketView,
  flow: Flow | undefined,
): ReopenPlace[] | null {
  if (view.status !== 'done' || view.importedFrom !== null || flow === undefined) return null;
  if (!mayReopenTicket(principal, { owners: ticketOwners(view.stages) })) return null;
  const places = reopenPlaces(flow, view.stages);
  return places.length === 0 ? null : places;
}

export async function reopenTicket(
  deps: Pick<AppDeps, 'runtime'>,
  principal: Principal,
  view: TicketView,
  flow: Flow | undefined,
  request: { reason: string; elementId?: string },
  requestId: string | undefined,
): Promise<void> {
  const ticket = `ticket ${view.id}`;
  assertMayReopen(principal, { id: view.id, owners: ticketOwners(view.stages) });
  const noRun = importedRun(view.importedFrom);
  if (noRun) throw notRunning(noRun, ticket);
  if (view.status !== 'done')
    throw conflict(
      view.status === 'cancelled'
        ? `${ticket} was cancelled, not solved: only a done ticket can be reopened`
        : `${ticket} is ${view.status}: only a done ticket can be reopened`,
    );
  if (
    request.elementId !== undefined &&
    flow !== undefined &&
    !reopenPlaces(flow, view.stages).some((place) => place.elementId === request.elementId)
  )
    throw invalid(`${ticket} cannot reopen at '${request.elementId}'`, [
      { path: 'elementId', message: `'${request.elementId}' is not a user task of the ticket's process` },
    ]);
  const result = await deps.runtime.reopen(
    view.id,
    {
      type: 'ticket.reopened',
      actor: actorFor(principal),
      reason: request.reason,
      ...(request.elementId ? { elementId: request.elementId } : {}),
    },
    requestId ? { requestId } : {},
  );
  if (!result.ok) throw rejection(result.rejected, `reopen ${ticket}`);
}
