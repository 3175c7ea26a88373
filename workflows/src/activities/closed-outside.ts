// recordClosedOutside: the read model of a ticket whose run ended where its workflow code could
// not record it: terminated (or timed out, or failed) from Temporal's own UI or CLI, or lost by an
// in-memory runtime's restart and then cancelled by an admin. The ticket becomes cancelled, its
// open stages close at that instant (wall-clock durations: no engine clock measured them), and
// the timeline says who or what ended it. A ticket already done or cancelled is left alone.
import { stages, ticketEvents, tickets } from '@baton/db';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { dropPendingLevels } from '../escalations/levels.js';
import type { ActivityContext } from './context.js';

export type ClosedOutside = {
  ticketId: string;
  at: number;
  reason: string;
  /** 'temporal': ended in Temporal (status below); 'admin': an admin cancelled a lost ticket. */
  source: 'temporal' | 'admin';
  temporalStatus?: string;
  actorId?: string;
};

export async function recordClosedOutside(ctx: ActivityContext, input: ClosedOutside): Promise<boolean> {
  const at = new Date(input.at);
  return ctx.db.transaction(async (tx) => {
    const [ticket] = await tx
      .select({ status: tickets.status, lastSeq: tickets.lastSeq })
      .from(tickets)
      .where(eq(tickets.id, input.ticketId))
      .for('update');
    if (!ticket || ticket.status === 'done' || ticket.status === 'cancelled') return false;
    const seq = ticket.lastSeq + 1;
    // No workflow will reach them, and the escalation watch must not either.
    await dropPendingLevels(tx, input.ticketId);
    await tx
      .update(tickets)
      .set({
        status: 'cancelled',
        closedAt: sql`greatest(${at}, ${tickets.createdAt})`,
        lastSeq: seq,
        updatedAt: at,
      })
      .where(eq(tickets.id, input.ticketId));
    const closedAt = sql`greatest(${at}, ${stages.enteredAt})`;
    const totalMs = sql`(extract(epoch from (${closedAt} - ${stages.enteredAt})) * 1000)::bigint`;
    const queueMs = sql`(extract(epoch from (coalesce(least(${stages.claimedAt}, ${closedAt}), ${closedAt}) - ${stages.enteredAt})) * 1000)::bigint`;
    // A hold in progress ends here too; unknown (null) held time stays unknown.
    const heldMs = sql`least(${totalMs}, ${stages.heldMs} + coalesce((extract(epoch from greatest(${closedAt} - ${stages.heldSince}, interval '0')) * 1000)::bigint, 0))`;
    await tx
      .update(stages)
      .set({
        closedAt,
        outcome: 'cancelled',
        totalMs,
        queueMs,
        workMs: sql`${totalMs} - ${queueMs}`,
        businessTotalMs: totalMs,
        businessQueueMs: queueMs,
        businessWorkMs: sql`${totalMs} - ${queueMs}`,
        heldMs,
        businessHeldMs: heldMs,
        heldSince: null,
      })
      .where(and(eq(stages.ticketId, input.ticketId), isNull(stages.closedAt)));
    await tx.insert(ticketEvents).values({
      ticketId: input.ticketId,
      seq,
      ord: 0,
      type: 'ticket.closedOutside',
      at,
      actorId: input.actorId ?? null,
      data: {
        reason: input.reason,
        source: input.source,
        ...(input.temporalStatus ? { temporalStatus: input.temporalStatus } : {}),
      },
    });
    ctx.log.warn(
      { ticketId: input.ticketId, source: input.source, status: input.temporalStatus },
      'ticket closed outside its run',
    );
    return true;
  });
}
