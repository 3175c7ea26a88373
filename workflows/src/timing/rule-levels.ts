// Escalations of timing-rule clocks. No workflow arms timers for them (the engine's run knows
// nothing of them), so the levels ahead of each running rule clock are kept pending in
// sla_escalations, under the clock `rule:<key>`, with the notices they will send, and the
// escalation watch (escalations/watch.ts) records and sends them at their instant as it does a
// lagging workflow's. Whatever changes a clock's facts (a recorded step, a mail in or out) measures
// the ticket's clocks again and replaces the levels still ahead; one already due stays for the
// watch: it was due at the deadline known then.
import { ticketRecipients } from '@baton/engine';
import { type Transaction, slaEscalations } from '@baton/db';
import { and, gt, like } from 'drizzle-orm';
import { deletePendingLevels, RULE_CLOCK_PREFIX } from '../escalations/levels.js';
import { slaLevelEventData } from '../webhooks/events.js';
import { measureTicketClocks } from './clock-inputs.js';

/** Measures the ticket's rule clocks as of `now` and keeps their levels ahead pending. */
export async function refreshRuleLevels(tx: Transaction, ticketId: string, now: number): Promise<void> {
  await deletePendingLevels(
    tx,
    ticketId,
    and(like(slaEscalations.clock, `${RULE_CLOCK_PREFIX}%`), gt(slaEscalations.dueAt, new Date(now)))!,
  );
  const measured = await measureTicketClocks(tx, ticketId, now);
  if (measured === undefined) return;
  const holders = measured.openStages.map((stage) => ({
    ...(stage.assignee ? { assignee: stage.assignee } : {}),
    ...(stage.department ? { department: stage.department } : {}),
  }));
  const rows = measured.clocks.flatMap((clock) =>
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
