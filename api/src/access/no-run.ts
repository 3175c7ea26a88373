// Tickets no engine run will take an action for: those imported from an older system (their
// history as it stood, in the read model only: tickets.imported_from) and those the engine said it
// does not run (an in-memory restart lost them). Their tasks offer nothing that asks the engine, and
// the routes refuse such actions before asking it, as the runtime's "not running" would.
import { ApiError } from '../http/problem.js';

/** Why no engine run will take an action for the ticket, when the caller knows. */
export type NoRun = { importedFrom: string } | 'lost';

/** The read model's word: an imported ticket never had a run. */
export const importedRun = (importedFrom: string | null): NoRun | undefined =>
  importedFrom === null ? undefined : { importedFrom };

/**
 * 409 ticket-not-running, the code of the runtime's own "not running" answers (http/errors.ts);
 * `ticket` names it, e.g. "ticket T-1" or "the ticket of task T-1:t2".
 */
export function notRunning(noRun: NoRun, ticket: string): ApiError {
  return new ApiError(
    'ticket-not-running',
    noRun === 'lost'
      ? `the engine no longer runs ${ticket}; an admin can cancel it to close its open stages`
      : `${ticket} was imported from ${noRun.importedFrom}: no engine runs it, so it is read only; an admin can cancel it to close its open stages`,
  );
}

/** What an admin's cancel of a ticket no engine runs says on its timeline when they give no reason. */
export const closedWithoutRunReason = (noRun: NoRun) =>
  noRun === 'lost'
    ? 'cancelled by an admin: the engine had lost it'
    : `cancelled by an admin: imported from ${noRun.importedFrom}, no engine ran it`;
