// A customer's rating of their finished ticket, from the status page: one per ticket, about the
// department and agent of its last stage. A rating at or below the bad-rating threshold opens a
// review for that department's managers (the notifications' rule for "the department's
// manager") and tells them in the app; the rating, the review, the notices and the webhook
// deliveries of `ticket.rated` are written together.
import { desc, eq } from 'drizzle-orm';
import { notifications, stages, ticketRatings, tickets } from '@baton/db';
import { queueWebhookEvents, resolveRecipient } from '@baton/workflows';
import type { AppDeps } from '../http/env.js';
import { conflict } from '../http/problem.js';

/** A score at or below this opens a review (the "bad rating"). */
export const BAD_RATING_AT = 2;

export type Rating = { score: number; comment: string };

export async function rateTicket(
  deps: Pick<AppDeps, 'db' | 'log' | 'config'>,
  ticketId: string,
  rating: Rating,
): Promise<{ review: boolean }> {
  const review = await deps.db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ number: tickets.number, title: tickets.title, status: tickets.status })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .for('update');
    // Done, not cancelled: a cancelled request was never answered, so there is nothing to rate.
    if (!ticket || ticket.status !== 'done') throw conflict('a request can be rated once it is done');
    const [last] = await tx
      .select({ department: stages.departmentKey, agent: stages.assigneeId, level: stages.slaLevel })
      .from(stages)
      .where(eq(stages.ticketId, ticketId))
      .orderBy(desc(stages.enteredAt))
      .limit(1);
    const bad = rating.score <= BAD_RATING_AT;
    const [kept] = await tx
      .insert(ticketRatings)
      .values({
        ticketId,
        score: rating.score,
        comment: rating.comment,
        ratedAt: new Date(deps.config.now()),
        departmentKey: last?.department ?? null,
        agentId: last?.agent ?? null,
        late: last?.level === 'overdue' || last?.level === 'severe',
        reviewStatus: bad ? 'open' : 'none',
      })
      .onConflictDoNothing()
      .returning({ ticketId: ticketRatings.ticketId });
    if (!kept) throw conflict('this request is already rated; thank you');
    await queueWebhookEvents(tx, ticketId, null, [
      {
        eventId: `${ticketId}:rating`,
        event: 'ticket.rated',
        at: deps.config.now(),
        data: {
          score: rating.score,
          comment: rating.comment,
          department: last?.department ?? null,
          review: bad,
        },
      },
    ]);
    if (!bad) return false;
    const summary = { id: ticketId, number: ticket.number, title: ticket.title };
    const managers = last?.department
      ? await resolveRecipient(tx, `manager:${last.department}`, summary)
      : await resolveRecipient(tx, 'role:manager', summary);
    const rows = managers
      .filter((person) => person.userId)
      .map((person) => ({
        dedupeKey: `rating:${ticketId}:${person.userId}`,
        ticketId,
        userId: person.userId!,
        channel: 'in_app' as const,
        template: 'rating-bad',
        subject: `Bad rating (${rating.score}/5) on #${ticket.number}: ${ticket.title}`,
        body: rating.comment || 'The customer left no comment.',
      }));
    if (rows.length > 0) await tx.insert(notifications).values(rows).onConflictDoNothing();
    return true;
  });
  deps.log.info({ ticketId, score: rating.score, review }, 'ticket rated');
  return { review };
}
