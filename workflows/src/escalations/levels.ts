// The sla_escalations rows a recorded step keeps: the levels pending after it (each with the
// notices its firing will send) and the level it reached. A level is recorded once, by the
// workflow's step or by the escalation watch (./watch.ts), whichever comes first; the notices go
// with that record, so the other sends nothing again.
import { type Transaction, slaEscalations } from '@baton/db';
import { and, eq, gte, isNull, notLike, sql, type SQL } from 'drizzle-orm';
import { slaLevelEventData } from '../webhooks/events.js';
import type { RecordStepInput, SlaLevelKey, StageRecord } from '../workflows/records.js';

/** The text that names a level in notification dedupe keys and webhook event ids. */
export const escalationKey = (level: SlaLevelKey): string =>
  `sla:${level.clock}:${level.level}:${level.dueAt}`;

const stageOf = (input: RecordStepInput, taskId: string | undefined): StageRecord | undefined =>
  taskId === undefined ? undefined : input.stages.find((stage) => stage.taskId === taskId);

/**
 * Records the level the step reached. Answers false when it was recorded before, by the watch:
 * its notices and webhook went out then, and this step sends them no more.
 */
export async function recordReachedLevel(tx: Transaction, input: RecordStepInput): Promise<boolean> {
  const reached = input.reachedLevel;
  if (reached === undefined) return true;
  const taskId = reached.clock === 'ticket' ? undefined : reached.clock;
  const recorded = await tx
    .insert(slaEscalations)
    .values({
      ticketId: input.ticketId,
      clock: reached.clock,
      level: reached.level,
      dueAt: new Date(reached.dueAt),
      taskId: taskId ?? null,
      notifications: input.notifications.filter((n) => n.template === `sla.${reached.level}`),
      webhookData: slaLevelEventData(reached.level, stageOf(input, taskId), taskId),
      seq: input.seq,
      recordedAt: new Date(input.at),
      recordedBy: 'workflow',
    })
    .onConflictDoUpdate({
      target: [slaEscalations.ticketId, slaEscalations.clock, slaEscalations.level, slaEscalations.dueAt],
      set: {
        seq: sql.raw('excluded.seq'),
        recordedAt: sql.raw('excluded.recorded_at'),
        recordedBy: sql.raw('excluded.recorded_by'),
      },
      setWhere: isNull(slaEscalations.recordedAt),
    })
    .returning({ clock: slaEscalations.clock });
  return recorded.length > 0;
}

/** The clock of a timing rule's levels is `rule:<key>` (timing/rule-clocks.ts keeps them). */
export const RULE_CLOCK_PREFIX = 'rule:';

/** Deletes the ticket's levels not recorded yet, of the clocks `which` picks. */
export async function deletePendingLevels(tx: Transaction, ticketId: string, which: SQL): Promise<void> {
  await tx
    .delete(slaEscalations)
    .where(and(eq(slaEscalations.ticketId, ticketId), isNull(slaEscalations.recordedAt), which));
}

/**
 * Drops the ticket's pending levels of its run's clocks (a run that will not reach them: replaced,
 * or ended). Those of timing-rule clocks are refreshRuleClocks' to keep.
 */
export const dropPendingLevels = (tx: Transaction, ticketId: string): Promise<void> =>
  deletePendingLevels(tx, ticketId, notLike(slaEscalations.clock, `${RULE_CLOCK_PREFIX}%`));

/** Replaces the ticket's pending levels with those the step leaves armed. */
export async function replacePendingLevels(tx: Transaction, input: RecordStepInput): Promise<void> {
  if (input.escalations === undefined) return;
  await dropPendingLevels(tx, input.ticketId);
  if (input.escalations.length === 0) return;
  await tx
    .insert(slaEscalations)
    .values(
      input.escalations.map((pending) => ({
        ticketId: input.ticketId,
        clock: pending.clock,
        level: pending.level,
        dueAt: new Date(pending.dueAt),
        taskId: pending.taskId ?? null,
        notifications: pending.notifications,
        webhookData: slaLevelEventData(pending.level, stageOf(input, pending.taskId), pending.taskId),
        seq: input.seq,
      })),
    )
    // Recorded already (by the watch, before the workflow's timer fired): it stays recorded.
    .onConflictDoNothing();
}

/**
 * A step written again: what the workflow recorded from that step on came from a discarded
 * attempt (the retry records it again, with its notices). What the watch recorded stays: its
 * notices went out at their instant.
 */
export async function forgetLevelsRecordedSince(
  tx: Transaction,
  ticketId: string,
  seq: number,
): Promise<void> {
  await tx
    .delete(slaEscalations)
    .where(
      and(
        eq(slaEscalations.ticketId, ticketId),
        eq(slaEscalations.recordedBy, 'workflow'),
        gte(slaEscalations.seq, seq),
      ),
    );
}
