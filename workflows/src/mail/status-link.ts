// The customer's status link of a ticket: issued when Baton first writes to the customer (or an
// agent asks for it), carried in every mail to them. The token is a capability: whoever holds the
// link sees the ticket's public status and may add a message, nothing more. Issued here because
// both the API (replies) and the worker (flow mails) write to customers; the API revokes them.
import { randomBytes } from 'node:crypto';
import { type Database, type Transaction, ticketStatusLinks } from '@baton/db';
import { and, eq, isNull } from 'drizzle-orm';

/** The page a link opens, under the app's public address. */
export const statusPageUrl = (appUrl: string, token: string) =>
  `${appUrl.replace(/\/+$/, '')}/status/${token}`;

/** The ticket's live link's token, if it has one (nothing is issued). */
export async function existingStatusToken(
  db: Database | Transaction,
  ticketId: string,
): Promise<string | undefined> {
  const [live] = await db
    .select({ token: ticketStatusLinks.token })
    .from(ticketStatusLinks)
    .where(and(eq(ticketStatusLinks.ticketId, ticketId), isNull(ticketStatusLinks.revokedAt)));
  return live?.token;
}

/** The ticket's live link, made now if it has none (two callers at once get the same one). */
export async function liveStatusToken(db: Database | Transaction, ticketId: string): Promise<string> {
  await db
    .insert(ticketStatusLinks)
    .values({ token: randomBytes(16).toString('hex'), ticketId })
    .onConflictDoNothing();
  return (await existingStatusToken(db, ticketId))!;
}
