// Revoking a ticket's status link and finding the ticket a link opens. Links are issued by
// workflows' mail/status-link.ts (the worker's flow mails carry them too).
import { and, eq, isNull } from 'drizzle-orm';
import { ticketStatusLinks, tickets } from '@baton/db';
import type { Database } from '../http/env.js';
import { ApiError } from '../http/problem.js';

/** Ends the live link; the next one is issued with the next mail (or on request). */
export async function revokeStatusLink(db: Database, ticketId: string): Promise<boolean> {
  const ended = await db
    .update(ticketStatusLinks)
    .set({ revokedAt: new Date() })
    .where(and(eq(ticketStatusLinks.ticketId, ticketId), isNull(ticketStatusLinks.revokedAt)))
    .returning({ token: ticketStatusLinks.token });
  return ended.length > 0;
}

/**
 * The ticket a live token opens; 404 alike for a token that never existed and one revoked (or
 * whose ticket is gone), so a guess learns nothing.
 */
export async function ticketOfStatusToken(db: Database, token: string) {
  const unknown = () => new ApiError('not-found', 'this status link does not exist or was revoked');
  if (!/^[0-9a-f]{32}$/.test(token)) throw unknown();
  const [row] = await db
    .select({ ticketId: ticketStatusLinks.ticketId, customer: tickets.customer, status: tickets.status })
    .from(ticketStatusLinks)
    .innerJoin(tickets, eq(tickets.id, ticketStatusLinks.ticketId))
    .where(and(eq(ticketStatusLinks.token, token), isNull(ticketStatusLinks.revokedAt)));
  if (!row) throw unknown();
  return row;
}
