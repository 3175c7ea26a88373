// The customer is asked to rate a request once it is done: an e-mail with the ticket's status
// link, where the rating form waits (api's satisfaction routes take the answer). Written in the
// transaction of the step that finished the ticket, into the e-mail outbox like every other mail,
// under one dedupe key per ticket so a rewritten step never asks twice.
import { type Transaction, notifications } from '@baton/db';
import { liveStatusToken, statusPageUrl } from '../mail/status-link.js';
import type { ActivityContext } from './context.js';
import type { TicketSummary } from './notifications.js';

export const RATING_REQUEST_TEMPLATE = 'rating-request';

/** Queues the request when the ticket has a customer address and mail is configured; answers how many. */
export async function queueRatingRequest(
  ctx: ActivityContext,
  tx: Transaction,
  ticket: TicketSummary,
  seq: number,
): Promise<number> {
  if (!ctx.mailer || !ticket.customerEmail) return 0;
  const url = statusPageUrl(ctx.appUrl ?? '', await liveStatusToken(tx, ticket.id));
  const written = await tx
    .insert(notifications)
    .values({
      dedupeKey: `${ticket.id}:${RATING_REQUEST_TEMPLATE}:email`,
      ticketId: ticket.id,
      seq,
      template: RATING_REQUEST_TEMPLATE,
      channel: 'email',
      email: ticket.customerEmail,
      subject: `How did we do? [#${ticket.number}] ${ticket.title}`,
      body: [
        `Your request #${ticket.number} "${ticket.title}" is done.`,
        '',
        'How did we do? Rate it from 1 to 5, and tell us why, on its page:',
        url,
      ].join('\n'),
      nextAttemptAt: new Date(),
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  return written.length;
}
