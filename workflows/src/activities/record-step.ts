// recordStep: writes the read model for one engine step (ticket status and SLA, stages, timeline,
// the notification outbox) in one transaction. The step's (ticketId, seq) is its key, and the
// LAST write of a seq stands: a workflow task that failed after this committed is retried with a
// new clock and perhaps a new assignee pick, and the workflow keeps the retry's step. So writing
// seq N again replaces N and everything after it; a write from an attempt that Temporal has since
// replaced (a lower fence) changes nothing. Writing the same step twice leaves the same rows.
import {
  CATEGORIES,
  type Category,
  type Customer,
  notifications,
  PRIORITIES,
  type Priority,
  stages,
  ticketEvents,
  tickets,
} from '@baton/db';
import { and, eq, gte, isNull, notInArray, sql } from 'drizzle-orm';
import type { TicketInput } from '../runtime/port.js';
import type { RecordStepInput, StageRecord } from '../workflows/records.js';
import type { ActivityContext } from './context.js';
import { DataError } from './data-error.js';
import { insertNotifications, type TicketSummary } from './notifications.js';
import { queueRatingRequest } from './rating-request.js';
import { webhookEventsOfStep } from '../webhooks/events.js';
import { dropUntakenWebhookEvents, queueWebhookEvents } from '../webhooks/queue.js';
import {
  forgetLevelsRecordedSince,
  recordReachedLevel,
  replacePendingLevels,
} from '../escalations/levels.js';
import { refreshRuleClocks } from '../timing/rule-clocks.js';

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
    source: ticket.source ?? null,
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
    slaExtendedMs: stage.slaExtendedMs ?? null,
    slaConsumedMs: stage.slaConsumedMs ?? null,
    dueAt: date(stage.dueAt),
    slaLevel: stage.slaLevel,
    queueMs: d?.queueMs ?? null,
    workMs: d?.workMs ?? null,
    totalMs: d?.totalMs ?? null,
    businessQueueMs: d?.businessQueueMs ?? null,
    businessWorkMs: d?.businessWorkMs ?? null,
    businessTotalMs: d?.businessTotalMs ?? null,
    heldMs: stage.heldMs ?? null,
    businessHeldMs: stage.businessHeldMs ?? null,
    heldSince: date(stage.heldSince),
    handedOverBy: stage.handedOverBy ?? null,
  };
}

/** The columns an upsert of a stage may change (its key stays). */
const STAGE_UPDATES = {
  elementId: sql.raw('excluded.element_id'),
  name: sql.raw('excluded.name'),
  departmentKey: sql.raw('excluded.department_key'),
  assigneeId: sql.raw('excluded.assignee_id'),
  enteredAt: sql.raw('excluded.entered_at'),
  claimedAt: sql.raw('excluded.claimed_at'),
  closedAt: sql.raw('excluded.closed_at'),
  outcome: sql.raw('excluded.outcome'),
  slaTargetMs: sql.raw('excluded.sla_target_ms'),
  slaCalendar: sql.raw('excluded.sla_calendar'),
  slaExtendedMs: sql.raw('excluded.sla_extended_ms'),
  slaConsumedMs: sql.raw('excluded.sla_consumed_ms'),
  dueAt: sql.raw('excluded.due_at'),
  slaLevel: sql.raw('excluded.sla_level'),
  queueMs: sql.raw('excluded.queue_ms'),
  workMs: sql.raw('excluded.work_ms'),
  totalMs: sql.raw('excluded.total_ms'),
  businessQueueMs: sql.raw('excluded.business_queue_ms'),
  businessWorkMs: sql.raw('excluded.business_work_ms'),
  businessTotalMs: sql.raw('excluded.business_total_ms'),
  heldMs: sql.raw('excluded.held_ms'),
  businessHeldMs: sql.raw('excluded.business_held_ms'),
  heldSince: sql.raw('excluded.held_since'),
  handedOverBy: sql.raw('excluded.handed_over_by'),
};

/** A write whose attempt Temporal has replaced: a shorter history, or the same one computed earlier. */
function fromReplacedAttempt(
  input: Pick<RecordStepInput, 'fence' | 'fenceAt'>,
  stored: { recordFence: number | null; recordFenceAt: number | null },
): boolean {
  if (input.fence === undefined || stored.recordFence === null) return false;
  if (input.fence !== stored.recordFence) return input.fence < stored.recordFence;
  return input.fenceAt !== undefined && stored.recordFenceAt !== null && input.fenceAt < stored.recordFenceAt;
}

export type RecordedStep = {
  /** E-mails this write put in the outbox (sent by the outbox relay). */
  pendingEmails: number;
  /** Webhook deliveries this write queued (taken by the webhook dispatcher). */
  pendingWebhooks: number;
  /** True when the write came from a replaced attempt and changed nothing. */
  stale: boolean;
};

export async function recordStep(ctx: ActivityContext, input: RecordStepInput): Promise<RecordedStep> {
  const { ticketId, seq } = input;
  return ctx.db.transaction(async (tx) => {
    if (input.ticket)
      await tx.insert(tickets).values(ticketRow(input.ticket, input.at)).onConflictDoNothing();
    // Row lock: steps of one ticket never interleave, even across workers. No key update: rows
    // that merely reference the ticket (the escalation watch's notices, while it holds a level
    // this step waits for) are not held up by it, so the two never deadlock.
    const [ticket] = await tx
      .select({
        number: tickets.number,
        title: tickets.title,
        customer: tickets.customer,
        lastSeq: tickets.lastSeq,
        recordFence: tickets.recordFence,
        recordFenceAt: tickets.recordFenceAt,
        hasSteps: sql<boolean>`exists (select 1 from ${ticketEvents} where ${ticketEvents.ticketId} = ${ticketId})`,
      })
      .from(tickets)
      .where(eq(tickets.id, ticketId))
      .for('no key update');
    if (!ticket) throw new DataError(`recordStep: ticket ${ticketId} has no tickets row (seq ${seq})`);
    if (fromReplacedAttempt(input, ticket)) {
      ctx.log.warn(
        {
          ticketId,
          seq,
          fence: input.fence,
          fenceAt: input.fenceAt,
          storedFence: ticket.recordFence,
          storedFenceAt: ticket.recordFenceAt,
        },
        'ignored a read-model write from a replaced workflow task attempt',
      );
      return { pendingEmails: 0, pendingWebhooks: 0, stale: true };
    }

    const rewrite = ticket.hasSteps && seq <= ticket.lastSeq;
    if (rewrite) {
      // What a discarded attempt wrote for this step and after it. Delivered e-mails stay (they
      // cannot be unsent; their dedupe keys keep the retry from sending them twice), and so do
      // notifications someone has already read.
      await tx
        .delete(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticketId), gte(ticketEvents.seq, seq)));
      await tx
        .delete(notifications)
        .where(
          and(
            eq(notifications.ticketId, ticketId),
            gte(notifications.seq, seq),
            isNull(notifications.sentAt),
            isNull(notifications.readAt),
          ),
        );
      await dropUntakenWebhookEvents(tx, ticketId, seq);
      await forgetLevelsRecordedSince(tx, ticketId, seq);
      if (input.taskIds)
        await tx
          .delete(stages)
          .where(
            input.taskIds.length > 0
              ? and(eq(stages.ticketId, ticketId), notInArray(stages.taskId, input.taskIds))
              : eq(stages.ticketId, ticketId),
          );
    }

    const finished = input.status === 'done' || input.status === 'cancelled';
    await tx
      .update(tickets)
      .set({
        status: input.status,
        slaLevel: input.slaLevel,
        slaDueAt: date(input.slaDueAt),
        // A finished ticket keeps the instant it finished; a running one has none.
        closedAt: finished
          ? input.closedAt !== undefined
            ? new Date(input.closedAt)
            : sql`${tickets.closedAt}`
          : null,
        lastSeq: seq,
        ...(input.fence !== undefined
          ? { recordFence: input.fence, recordFenceAt: input.fenceAt ?? null }
          : {}),
        updatedAt: new Date(input.at),
      })
      .where(eq(tickets.id, ticketId));

    if (input.stages.length > 0) {
      await tx
        .insert(stages)
        .values(input.stages.map((stage) => stageRow(ticketId, stage)))
        .onConflictDoUpdate({
          target: [stages.ticketId, stages.taskId],
          set: STAGE_UPDATES,
          // Unchanged rows are not touched, so their triggers (rollups, detail versions) stay quiet.
          setWhere: sql`(${stages}.*) is distinct from (excluded.*)`,
        });
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

    // After the stages: a level's webhook names its stage as this step leaves it.
    const levelFirstRecordedHere = await recordReachedLevel(tx, input);
    await replacePendingLevels(tx, input);
    // After the timeline and the stages: the rule clocks are measured from them.
    await refreshRuleClocks(tx, ticketId, input.at);
    const sentByWatch = (template: string) =>
      !levelFirstRecordedHere && template === `sla.${input.reachedLevel?.level}`;

    const summary: TicketSummary = {
      id: ticketId,
      number: ticket.number,
      title: ticket.title,
      ...(ticket.customer.email ? { customerEmail: ticket.customer.email } : {}),
    };
    const queued = await insertNotifications(
      ctx,
      tx,
      summary,
      seq,
      input.notifications.filter((notice) => !sentByWatch(notice.template)),
    );
    const done = input.timeline.some((e) => e.type === 'ticket.completed' && e.data.outcome === 'done');
    const ratingRequests = done ? await queueRatingRequest(ctx, tx, summary, seq) : 0;
    const pendingWebhooks = await queueWebhookEvents(
      tx,
      ticketId,
      seq,
      webhookEventsOfStep(input).filter((e) => !(e.event === 'ticket.sla_level' && !levelFirstRecordedHere)),
    );
    return { pendingEmails: queued.emails + ratingRequests, pendingWebhooks, stale: false };
  });
}
