// A ticket's timing-rule clocks, kept as they stand. Whatever changes a clock's facts (a recorded
// step, a mail in or out, a rule version applied) measures the ticket's clocks again, here:
// - their states go to ticket_clocks, which the reports read;
// - the levels still ahead of each running clock stay pending in sla_escalations, under the clock
//   `rule:<key>`, with the notices they will send. No workflow arms timers for them (the engine's
//   run knows nothing of them); the escalation watch (escalations/watch.ts) records and sends them
//   at their instant as it does a lagging workflow's. A level already due stays for the watch: it
//   was due at the deadline known then.
import { ticketRecipients, type RuleClockMeasure } from '@baton/engine';
import { type Transaction, slaEscalations, ticketClocks, tickets } from '@baton/db';
import { and, eq, gt, isNull, like, notInArray, sql } from 'drizzle-orm';
import { deletePendingLevels, RULE_CLOCK_PREFIX } from '../escalations/levels.js';
import { slaLevelEventData } from '../webhooks/events.js';
import { measureTicketClocks } from './clock-inputs.js';
import type { TicketClock } from './ticket-clocks.js';

/** Time a clock spent paused up to `now` (an open pause counts to now). */
const pausedMsOf = (clock: RuleClockMeasure, now: number): number =>
  (clock.explanation?.pauses ?? []).reduce(
    (sum, pause) => sum + Math.max(0, (pause.to ?? clock.stoppedAt ?? now) - pause.from),
    0,
  );

/** The ticket_clocks row of one cycle of a measured clock. */
const clockRowOf = (ticketId: string, rule: TicketClock, clock: RuleClockMeasure, now: number) => ({
  ticketId,
  ruleKey: rule.key,
  cycle: clock.cycle,
  version: rule.version,
  state: clock.state,
  level: clock.level,
  met: clock.met ?? null,
  targetMs: clock.targetMs,
  countedMs: Math.round(clock.explanation?.consumedMs ?? 0),
  pausedMs: Math.round(pausedMsOf(clock, now)),
  startedAt: clock.startedAt === undefined ? null : new Date(clock.startedAt),
  stoppedAt: clock.stoppedAt === undefined ? null : new Date(clock.stoppedAt),
  dueAt:
    clock.state === 'stopped' || clock.explanation?.dueAt === undefined
      ? null
      : new Date(clock.explanation.dueAt),
  measuredAt: new Date(now),
});

/** Measures the ticket's rule clocks as of `now`, stores their states and keeps their levels ahead pending. */
export async function refreshRuleClocks(tx: Transaction, ticketId: string, now: number): Promise<void> {
  await deletePendingLevels(
    tx,
    ticketId,
    and(like(slaEscalations.clock, `${RULE_CLOCK_PREFIX}%`), gt(slaEscalations.dueAt, new Date(now)))!,
  );
  const measured = await measureTicketClocks(tx, ticketId, now);
  if (measured === undefined) return;
  // Once per ticket: later measures find it set and write nothing to the row.
  await tx
    .update(tickets)
    .set({ clocksMeasuredAt: new Date(now) })
    .where(and(eq(tickets.id, ticketId), isNull(tickets.clocksMeasuredAt)));
  // A clock whose filter cannot decide is not measured: no row, rather than a wrong one.
  const clocks = measured.clocks.filter((clock) => clock.filterError === undefined);
  await storeClockStates(tx, ticketId, clocks, now);
  const holders = measured.openStages.map((stage) => ({
    ...(stage.assignee ? { assignee: stage.assignee } : {}),
    ...(stage.department ? { department: stage.department } : {}),
  }));
  const rows = clocks.flatMap((clock) =>
    clock.pendingLevels.map((pending) => ({
      ticketId,
      clock: `${RULE_CLOCK_PREFIX}${clock.key}`,
      level: pending.level,
      dueAt: new Date(pending.at),
      taskId: null,
      notifications: [
        { to: ticketRecipients(holders, pending.level), template: `sla.${pending.level}`, clock: clock.name },
      ],
      webhookData: { ...slaLevelEventData(pending.level, undefined, undefined), clock: clock.key },
      seq: measured.lastSeq,
    })),
  );
  if (rows.length === 0) return;
  await tx.insert(slaEscalations).values(rows).onConflictDoNothing();
}

/** The columns a re-measure changes (the key stays). */
const CLOCK_UPDATES = {
  version: sql.raw('excluded.version'),
  state: sql.raw('excluded.state'),
  level: sql.raw('excluded.level'),
  met: sql.raw('excluded.met'),
  targetMs: sql.raw('excluded.target_ms'),
  countedMs: sql.raw('excluded.counted_ms'),
  pausedMs: sql.raw('excluded.paused_ms'),
  startedAt: sql.raw('excluded.started_at'),
  stoppedAt: sql.raw('excluded.stopped_at'),
  dueAt: sql.raw('excluded.due_at'),
  measuredAt: sql.raw('excluded.measured_at'),
};

/**
 * Replaces the ticket's clock rows, one per cycle: those of rules that no longer time it, and of
 * cycles that no longer are (a rewritten step), go.
 */
async function storeClockStates(tx: Transaction, ticketId: string, clocks: TicketClock[], now: number) {
  const rows = clocks.flatMap((clock) =>
    [...clock.earlier, clock].map((cycle) => clockRowOf(ticketId, clock, cycle, now)),
  );
  const kept = rows.map((row) => `${row.ruleKey}#${row.cycle}`);
  await tx
    .delete(ticketClocks)
    .where(
      kept.length === 0
        ? eq(ticketClocks.ticketId, ticketId)
        : and(
            eq(ticketClocks.ticketId, ticketId),
            notInArray(sql`${ticketClocks.ruleKey} || '#' || ${ticketClocks.cycle}`, kept),
          ),
    );
  if (rows.length === 0) return;
  await tx
    .insert(ticketClocks)
    .values(rows)
    .onConflictDoUpdate({
      target: [ticketClocks.ticketId, ticketClocks.ruleKey, ticketClocks.cycle],
      set: CLOCK_UPDATES,
    });
}
