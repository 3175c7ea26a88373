// Who may write to a ticket as a whole: record a customer message, cancel it, close one the engine
// lost. (Task actions are decided per task, by the task's department: task-access.ts; seeing a
// ticket is ticket-visibility.ts.) The rules:
//
// 1. A ticket is in the charge of the departments that own it now: those of its open tasks, or,
//    while no task is open (the run waits on a timer or a message), the department of its latest
//    task. A ticket whose current task is in no department (a flow without lanes), or that never
//    had a task, is in the charge of everyone who may see it.
// 2. Having had a ticket once is not being in charge of it: a former department still sees it
//    (visibility), but writes nothing to it. Members and leads of an owning department are in
//    charge; admins, and managers who cover every department (roles.ts), of every ticket.
// 3. A customer message (it resumes every held task and may move the run on) is recorded by the
//    customer's channel, which is an integration's developer token, or by an agent or manager in
//    charge of the ticket.
// 4. A ticket is cancelled by a manager, or by the agent who created it while a department of
//    theirs is in charge of it; admins cancel every ticket.
// 5. A ticket the engine no longer runs is closed by an admin only.
// 6. A done ticket is reopened by whoever may record its customer messages (rule 3): reopening is
//    what the customer asks for when they say it is not solved.
import type { Principal } from '../http/env.js';
import { forbidden } from '../http/problem.js';
import { coversEveryDepartment, hasRole, isAdmin, MESSAGE_RECORDERS, TICKET_CANCELLERS } from './roles.js';

/** Who is in charge of a ticket now (rule 1): some departments, or anyone who may see it. */
export type TicketOwners = readonly string[] | 'anyone';

/** What the owners are told by: the ticket's tasks in the order they opened. */
export type TaskStageOf = { department: string | null; closedAt: unknown };

/** Rule 1, over the ticket's stages in the order they were entered. */
export function ticketOwners(stages: readonly TaskStageOf[]): TicketOwners {
  const open = stages.filter((stage) => stage.closedAt === null);
  const current = open.length > 0 ? open : stages.slice(-1);
  if (current.length === 0 || current.some((stage) => stage.department === null)) return 'anyone';
  return [...new Set(current.map((stage) => stage.department!))];
}

/** Rule 2. */
export const isInCharge = (p: Principal, owners: TicketOwners) =>
  isAdmin(p) ||
  coversEveryDepartment(p) ||
  owners === 'anyone' ||
  owners.some((department) => p.departments.includes(department) || p.leads.includes(department));

const ownersLabel = (owners: TicketOwners) =>
  owners === 'anyone' ? 'anyone' : owners.map((d) => `'${d}'`).join(', ');

/** Rule 3 (the route has checked that the caller may see the ticket and that it is open). */
export const mayRecordMessage = (p: Principal, ticket: { owners: TicketOwners }) =>
  hasRole(p, ['developer']) || (hasRole(p, MESSAGE_RECORDERS) && isInCharge(p, ticket.owners));

export function assertMayRecordMessage(p: Principal, ticket: { id: string; owners: TicketOwners }) {
  if (!mayRecordMessage(p, ticket))
    throw forbidden(
      `ticket ${ticket.id} is in the charge of department ${ownersLabel(ticket.owners)}: only they (or the customer's channel) record its customer messages`,
    );
}

export type CancelFacts = { createdBy: string | null; owners: TicketOwners };

/** Rule 4. */
export const mayCancelTicket = (p: Principal, ticket: CancelFacts) =>
  hasRole(p, TICKET_CANCELLERS) &&
  isInCharge(p, ticket.owners) &&
  (hasRole(p, ['manager']) || ticket.createdBy === p.id);

export function assertMayCancel(p: Principal, ticket: CancelFacts & { id: string }) {
  if (mayCancelTicket(p, ticket)) return;
  throw forbidden(
    isInCharge(p, ticket.owners)
      ? 'agents may cancel only the tickets they created'
      : `ticket ${ticket.id} is in the charge of department ${ownersLabel(ticket.owners)}: only they may cancel it`,
  );
}

/** Rule 6. */
export const mayReopenTicket = mayRecordMessage;

export function assertMayReopen(p: Principal, ticket: { id: string; owners: TicketOwners }) {
  if (!mayReopenTicket(p, ticket))
    throw forbidden(
      `ticket ${ticket.id} was last in the charge of department ${ownersLabel(ticket.owners)}: only they (or the customer's channel) reopen it`,
    );
}

/** Rule 5: instead of answering "not running" for ever. */
export const mayCloseLostTicket = isAdmin;

/** What the engine says to a cancel: takes it, does not run the ticket, or refuses (run ended, no answer). */
export type EngineOnCancel = 'accepts' | 'lost' | 'refuses';

/**
 * The cancel flag of a ticket the caller may see: POST /tickets/{id}/cancel refuses a finished
 * ticket (409), the caller's rule (403), and an engine that will not take it, unless the engine
 * lost the ticket and the caller may close it instead.
 */
export function mayCancelNow(
  p: Principal,
  ticket: CancelFacts & { finished: boolean },
  engine: EngineOnCancel,
): boolean {
  if (ticket.finished || !mayCancelTicket(p, ticket)) return false;
  return engine === 'accepts' || (engine === 'lost' && mayCloseLostTicket(p));
}
