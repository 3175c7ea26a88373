// One ticket as a caller sees it: the read model's kept view, merged with the engine's live view
// (open tasks, explained deadlines) when the engine answers, and the caller's actions per task.
import type { StartedTicket, TicketClock } from '@baton/workflows';
import { maySeeTicket } from '../access/ticket-visibility.js';
import type { CompiledFlows } from '../flows/compiled-flows.js';
import type { Principal } from '../http/env.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import type { EngineAnswer, OpenTasks } from '../tasks/open-tasks.js';
import type { DetailLoader } from './detail-loader.js';
import type { TicketView } from './detail-query.js';
import { openIncidentsOf } from './incidents.js';
import { reopenOffer } from './reopen-ticket.js';
import { isFinished } from './ticket-status.js';

export type TicketDetails = ReturnType<typeof createTicketDetails>;

export function createTicketDetails({
  details,
  openTasks,
  clocks,
  flows,
  now,
}: {
  details: DetailLoader;
  flows: CompiledFlows;
  openTasks: OpenTasks;
  /** The ticket's timing-rule clocks as of `now`. */
  clocks: (view: TicketView, now: number) => Promise<TicketClock[]>;
  now: () => number;
}) {
  /** The ticket as the caller may see it; 404 when there is none, 403 when it is not theirs to see. */
  async function visibleTicket(ticketId: string, principal: Principal) {
    const found = await details.load(ticketId);
    if (!found) throw notFound('ticket', ticketId);
    if (!maySeeTicket(principal, found.view))
      throw forbidden(`ticket ${ticketId} has not been in any of your departments`);
    return found;
  }

  /** `started`: the engine's view the caller already has (a start's answer), saving a query. */
  async function detail(ticketId: string, principal: Principal, started?: StartedTicket) {
    const { view, typeName } = await visibleTicket(ticketId, principal);
    // An imported ticket has no run to ask for: it is read as one the engine lost.
    const answer: EngineAnswer = isFinished(view.status)
      ? { kind: 'none', cancel: 'refuses' }
      : view.importedFrom !== null
        ? { kind: 'none', cancel: 'lost' }
        : started
          ? { kind: 'live', live: started }
          : await openTasks.readEngine(ticketId);
    const live = answer.kind === 'live' ? answer.live : undefined;
    return {
      id: view.id,
      number: view.number,
      type: { id: view.typeId, name: typeName },
      flowVersionId: view.flowVersionId,
      title: view.title,
      priority: view.priority,
      category: view.category,
      service: view.service,
      status: view.status,
      customer: view.customer,
      fields: view.fields,
      ownerId: view.ownerId,
      createdBy: view.createdBy,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
      closedAt: view.closedAt,
      importedFrom: view.importedFrom,
      sla: { level: view.slaLevel, dueAt: view.slaDueAt, explanation: live?.sla.ticket ?? null },
      clocks: await clocks(view, now()),
      live: live !== undefined,
      openTasks: await openTasks.ofDetail(view, principal, answer),
      stages: view.stages,
      timeline: view.timeline,
      extensionRequests: view.extensionRequests,
      incidents: openIncidentsOf(view),
      reopen:
        view.status === 'done' ? reopenOffer(principal, view, await flows.get(view.flowVersionId)) : null,
    };
  }

  /** A ticket the caller sees that is still open, or 409. */
  async function actionableTicket(ticketId: string, principal: Principal) {
    const { view } = await visibleTicket(ticketId, principal);
    if (isFinished(view.status)) throw conflict(`ticket ${ticketId} is already ${view.status}`);
    return view;
  }

  return { visibleTicket, actionableTicket, detail };
}
