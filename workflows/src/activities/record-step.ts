// recordStep: writes the read model for one engine step (ticket status and SLA, stages, timeline,
// notifications) in one transaction. Idempotent by (ticketId, seq): the step's first timeline row
// (ticket_events ticket/seq/ord 0) marks it written, so a retried activity changes nothing; the
// unique keys of every table would refuse duplicates anyway.
import {
  CATEGORIES,
  type Category,
  type Customer,
  PRIORITIES,
  type Priority,
  stages,
  ticketEvents,
  tickets,
} from '@baton/db';
import { and, eq, sql } from 'drizzle-orm';
import type { TicketInput } from '../runtime/port.js';
import type { RecordStepInput, StageRecord } from '../workflows/records.js';
import type { ActivityContext } from './context.js';
import { insertNotifications, sendPendingEmails, type TicketSummary } from './notifications.js';

const date = (ms: number | undefined): Date | null => (ms === undefined ? null : new Date(ms));
const oneOf = <T extends string>(values: readonly T[], value: unknown, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

/**
 * The tickets row as the run's input describes it. The run writes it with its first step, in the
 * same transaction: a ticket exists exactly when its run does, whatever crashes in between.
 */
function ticketRow(ticket: TicketInput, at: number): typeof tickets.$inferInsert {
  const v = ticket.variables;
  const customer = (v.customer && typeof v.customer === 'object' ? v.customer : {}) as Customer;
  return {
    id: ticket.ticketId,
    typeId: ticket.typeId,
    flowVersionId: ticket.flowVersionId,
    title: typeof v.title === 'string' && v.title ? v.title : `Ticket ${ticket.ticketId}`,
    priority: oneOf<Priority>(PRIORITIES, v.priority, 'medium'),
    category: oneOf<Category>(CATEGORIES, v.category, 'other'),
    service: typeof v.service === 'string' ? v.service : null,
    customer,
    fields: (v.fields && typeof v.fields === 'object' ? v.fields : {}) as Record<string, unknown>,
    createdBy: ticket.createdBy ?? null,
    createdAt: new Date(at),
    updatedAt: new Date(at),
  };
}

function stageRow(ticketId: string, stage: StageRecord): typeof stages.$inferInsert {
  const d = stage.durations;
  return {
    ticketId,
    taskId: stage.taskId,
    elementId: stage.elementId,
    name: stage.name,
    departmentKey: stage.department ?? null,
    assigneeId: stage.assignee ?? null,
    enteredAt: new Date(stage.openedAt),
    claimedAt: date(stage.claimedAt),
    closedAt: date(stage.closedAt),
    outcome: stage.outcome ?? null,
    slaTargetMs: stage.slaTargetMs ?? null,
    slaCalendar: stage.slaCalendar ?? null,
    dueAt: date(stage.dueAt),
    slaLevel: stage.slaLevel,
    queueMs: d?.queueMs ?? null,
    workMs: d?.workMs ?? null,
    totalMs: d?.totalMs ?? null,
    businessQueueMs: d?.businessQueueMs ?? null,
    businessWorkMs: d?.businessWorkMs ?? null,
    businessTotalMs: d?.businessTotalMs ?? null,
  };
}

export async function recordStep(ctx: ActivityContext, input: RecordStepInput): Promise<void> {
  const { ticketId, seq } = input;
  await ctx.db.transaction(async (tx) => {
    if (input.ticket)
      await tx.insert(tickets).values(ticketRow(input.ticket, input.at)).onConflictDoNothing();
    // Row lock: steps of one ticket never interleave, even across workers.
    const [ticket] = await tx
      .select({
        number: tickets.number,
        title: tickets.title,
        customer: tickets.customer,
        lastSeq: tickets.lastSeq,
      })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .for('update');
    if (!ticket) throw new Error(`recordStep: ticket ${ticketId} has no tickets row (seq ${seq})`);
    const [written] = await tx
      .select({ seq: ticketEvents.seq })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.seq, seq), eq(ticketEvents.ord, 0)));
    if (written) return;

    await tx
      .update(tickets)
      .set({
        status: input.status,
        slaLevel: input.slaLevel,
        ...(input.slaDueAt !== undefined ? { slaDueAt: new Date(input.slaDueAt) } : {}),
        ...(input.closedAt !== undefined ? { closedAt: new Date(input.closedAt) } : {}),
        lastSeq: sql`greatest(${tickets.lastSeq}, ${seq})`,
        updatedAt: new Date(input.at),
      })
      .where(eq(tickets.id, ticketId));

    for (const stage of input.stages) {
      const row = stageRow(ticketId, stage);
      const { ticketId: _t, taskId: _k, ...mutable } = row;
      await tx
        .insert(stages)
        .values(row)
        .onConflictDoUpdate({ target: [stages.ticketId, stages.taskId], set: mutable });
    }

    if (input.timeline.length > 0) {
      await tx
        .insert(ticketEvents)
        .values(
          input.timeline.map((entry, ord) => ({
            ticketId,
            seq,
            ord,
            type: entry.type,
            at: new Date(entry.at),
            actorId: entry.actorId ?? null,
            taskId: entry.taskId ?? null,
            data: entry.data,
          })),
        )
        .onConflictDoNothing();
    }

    const summary: TicketSummary = {
      id: ticketId,
      number: ticket.number,
      title: ticket.title,
      ...(ticket.customer.email ? { customerEmail: ticket.customer.email } : {}),
    };
    await insertNotifications(ctx, tx, summary, seq, input.notifications);
  });
  await sendPendingEmails(ctx, ticketId, seq);
}
