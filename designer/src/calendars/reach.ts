// How far a calendar change reached, in words: the answer of POST /api/calendars and of a
// department's PATCH with another calendar (`runningTickets`), shown beside "Saved".
import type { SavedCalendar } from '../api/types.js';

export type RunningTicketsReach = SavedCalendar['runningTickets'];

/**
 * "2 of 3 running tickets recalculated, 1 not reached now" (and how to retry, where saving again
 * retries); nothing when no running ticket was concerned.
 */
export function reachSummary(reach: RunningTicketsReach | undefined, retry?: string): string | undefined {
  if (reach === undefined || reach.total === 0) return undefined;
  const tickets = reach.total === 1 ? 'ticket' : 'tickets';
  const missed = reach.failed.length
    ? `, ${reach.failed.length} not reached now${retry ? ` (${retry})` : ''}`
    : '';
  return `${reach.reached} of ${reach.total} running ${tickets} recalculated${missed}`;
}
