// The customer's status link of a ticket: issued when Baton first writes to the customer (or an
// agent asks for it), carried in every mail to them, revocable at once. The token is a capability:
// whoever holds the link sees the ticket's public status and may add a message, nothing more.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { type Transaction, ticketStatusLinks, tickets } from '@baton/db';
import type { Database } from '../http/env.js';
import { ApiError } from '../http/problem.js';

/** The page a link opens, under the app's public address. */
export const statusPageUrl = (appUrl: string, token: string) =>
  `${appUrl.replace(/\/+$/, '')}/status/${token}`;

/** The ticket's live link, made now if it has none (two callers at once get the same one). */
export async function liveStatusToken(db: Database | Transaction, ticketId: string): Promise<string> {
  await db
    .insert(ticketStatusLinks)
    .values({ token: randomBytes(16).toString('hex'), ticketId })
    .onConflictDoNothing();
  const [live] = await db
    .select({ token: ticketStatusLinks.token })
    .from(ticketStatusLinks)
    .where(and(eq(ticketStatusLinks.ticketId, ticketId), isNull(ticketStatusLinks.revokedAt)));
  return live!.token;
}

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
