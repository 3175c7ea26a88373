// Timing-rule clocks escalate on time on a real Temporal server: no workflow timer knows them, so
// each recorded step keeps their levels ahead pending, and the escalation watch beside the worker
// records and notifies each at its instant. A ticket whose clock stops first (its task done before
// the warning) has its levels dropped and hears nothing. A clock that starts again on reopen runs
// a new cycle in the reopened execution, whose levels come on time too.
import { notifications, slaEscalations, ticketClocks } from '@baton/db';
import { and, asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flow } from '@baton/engine';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import {
  type RealRig,
  addSupportAgents,
  deploySimpleFlow,
  realRig,
  startSimpleTicket,
  supportAgent,
} from '../support/real-rig.js';
import {
  insertQuickRule,
  QUICK_RESOLUTION,
  QUICK_RESOLUTION_CLOCK,
  QUICK_RULE_CLOCK,
} from '../support/quick-rule.js';

const skip = skipWithoutTemporal('workflows/test/real/rule-clocks.test.ts');
const CLOCK = QUICK_RULE_CLOCK;

describe.skipIf(skip)('timing-rule clocks on a real Temporal server', () => {
  let rig: RealRig;
  let flow: Flow;
  let agent: string;

  beforeAll(async () => {
    const temporal = realTemporal();
    if (!('address' in temporal)) throw new Error(temporal.skipReason);
    rig = await realRig(temporal.address);
    flow = await deploySimpleFlow(rig);
    agent = (await addSupportAgents(rig, 1))[0]!;
    await insertQuickRule(rig.t.db, 4_000);
  }, 120_000);
  afterAll(() => rig?.close());

  const levelsOf = (ticketId: string, clock = CLOCK) =>
    rig.t.db
      .select()
      .from(slaEscalations)
      .where(and(eq(slaEscalations.ticketId, ticketId), eq(slaEscalations.clock, clock)))
      .orderBy(asc(slaEscalations.dueAt));

  it('records and notifies each level at its instant, and drops the levels of a clock that stopped', async () => {
    const late = `rule-late-${process.pid}-${Date.now()}`;
    const early = `rule-early-${process.pid}-${Date.now()}`;
    await startSimpleTicket(rig.runtime, flow, late);
    const earlyTask = await startSimpleTicket(rig.runtime, flow, early);
    const pending = await levelsOf(late);
    expect(pending.map((row) => [row.clock, row.level, row.recordedAt])).toEqual([
      [CLOCK, 'warning', null],
      [CLOCK, 'overdue', null],
      [CLOCK, 'severe', null],
    ]);
    await rig.runtime.act(early, { type: 'task.claimed', taskId: earlyTask, actor: supportAgent(agent) });
    await rig.runtime.act(early, {
      type: 'task.completed',
      taskId: earlyTask,
      actor: supportAgent(agent),
      outcome: 'done',
    });

    await expect
      .poll(async () => (await levelsOf(late)).filter((row) => row.recordedAt !== null).length, {
        timeout: 20_000,
        interval: 200,
      })
      .toBe(3);
    const recorded = await levelsOf(late);
    for (const row of recorded) {
      expect(row.recordedBy).toBe('watch');
      // On time: within a second of its instant.
      expect(row.recordedAt!.getTime() - row.dueAt.getTime()).toBeGreaterThanOrEqual(0);
      expect(row.recordedAt!.getTime() - row.dueAt.getTime()).toBeLessThan(1_000);
    }
    const created = pending[0]!.dueAt.getTime() - 2_000;
    expect(recorded.map((row) => row.dueAt.getTime() - created).sort((a, b) => a - b)).toEqual([
      2_000, 4_000, 6_000,
    ]);
    const notices = await rig.t.db
      .select({ subject: notifications.subject })
      .from(notifications)
      .where(and(eq(notifications.ticketId, late), like(notifications.template, 'sla.%')));
    expect(new Set(notices.map((n) => n.subject))).toEqual(
      new Set([
        `[Baton] #${recordedNumber(notices)} "${late}": Quick response is nearing its deadline`,
        `[Baton] #${recordedNumber(notices)} "${late}": Quick response is overdue`,
        `[Baton] #${recordedNumber(notices)} "${late}": Quick response is severely overdue`,
      ]),
    );

    // The early ticket's clock stopped when its task closed: nothing pending, nothing recorded.
    expect(await levelsOf(early)).toEqual([]);
    // The seed's built-in rules time both tickets too, hours ahead: pending, not recorded.
    const builtIn = await rig.t.db
      .select({ clock: slaEscalations.clock, recordedAt: slaEscalations.recordedAt })
      .from(slaEscalations)
      .where(and(eq(slaEscalations.ticketId, late), like(slaEscalations.clock, 'rule:%')));
    expect(new Set(builtIn.filter((row) => row.clock !== CLOCK).map((row) => row.clock))).toEqual(
      new Set(['rule:first-response', 'rule:resolution']),
    );
    expect(builtIn.filter((row) => row.clock !== CLOCK).every((row) => row.recordedAt === null)).toBe(true);
  }, 60_000);

  it('runs a new cycle of a clock that starts on reopen, in the reopened execution, its levels on time', async () => {
    await insertQuickRule(rig.t.db, 4_000, QUICK_RESOLUTION);
    const ticketId = `rule-reopen-${process.pid}-${Date.now()}`;
    const taskId = await startSimpleTicket(rig.runtime, flow, ticketId);
    const actor = supportAgent(agent);
    await rig.runtime.act(ticketId, { type: 'task.claimed', taskId, actor });
    await rig.runtime.act(ticketId, { type: 'task.completed', taskId, actor, outcome: 'done' });
    // Done within the target: the first cycle stopped, met, and nothing is pending.
    expect(await levelsOf(ticketId, QUICK_RESOLUTION_CLOCK)).toEqual([]);

    const reopenedAt = Date.now();
    const reopened = await rig.runtime.reopen(ticketId, {
      type: 'ticket.reopened',
      actor,
      reason: 'the customer wrote again',
    });
    expect(reopened.ok).toBe(true);
    const pending = await levelsOf(ticketId, QUICK_RESOLUTION_CLOCK);
    expect(pending.map((row) => row.level)).toEqual(['warning', 'overdue', 'severe']);
    // Counted from the reopen, not from the creation.
    expect(pending[0]!.dueAt.getTime()).toBeGreaterThanOrEqual(reopenedAt + 2_000);

    await expect
      .poll(
        async () =>
          (await levelsOf(ticketId, QUICK_RESOLUTION_CLOCK)).filter((row) => row.recordedAt !== null).length,
        { timeout: 20_000, interval: 200 },
      )
      .toBe(3);
    for (const row of await levelsOf(ticketId, QUICK_RESOLUTION_CLOCK)) {
      expect(row.recordedBy).toBe('watch');
      expect(row.recordedAt!.getTime() - row.dueAt.getTime()).toBeGreaterThanOrEqual(0);
      expect(row.recordedAt!.getTime() - row.dueAt.getTime()).toBeLessThan(1_000);
    }
    const cycles = await rig.t.db
      .select()
      .from(ticketClocks)
      .where(and(eq(ticketClocks.ticketId, ticketId), eq(ticketClocks.ruleKey, QUICK_RESOLUTION.key)))
      .orderBy(asc(ticketClocks.cycle));
    expect(cycles.map((row) => [row.cycle, row.state, row.met])).toEqual([
      [1, 'stopped', true],
      [2, 'running', null],
    ]);
    expect(cycles[1]!.startedAt!.getTime()).toBeGreaterThanOrEqual(cycles[0]!.stoppedAt!.getTime());
  }, 60_000);
});

/** The ticket number the notices name (the read model numbers tickets as they come). */
const recordedNumber = (notices: { subject: string }[]) => /#(\d+)/.exec(notices[0]?.subject ?? '')?.[1];
