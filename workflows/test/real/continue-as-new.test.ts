// Continue-as-new on a real server, with the history budget lowered to 44 events so a short
// ticket crosses several run boundaries: the open task, its assignee, its deadline and the pending
// SLA timer carry over and fire on time (also in a run that no input reaches after its boundary),
// and every action and customer message sent across a boundary is recorded exactly once.
import { ticketEvents } from '@baton/db';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypesOf, realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { workflowIdOf } from '../../src/runtime/temporal.js';
import {
  type RealRig,
  startSimpleTicket,
  addSupportAgents,
  deploySimpleFlow,
  realRig,
  supportAgent,
} from '../support/real-rig.js';
import type { Flow } from '@baton/engine';

const skip = skipWithoutTemporal('workflows/test/real/continue-as-new.test.ts');

describe.skipIf(skip)('continue-as-new carries a ticket across runs', () => {
  let rig: RealRig;
  let flow: Flow;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    // A run continues as new at the first workflow task whose history is past the budget. A
    // round (hold, then the customer's answer) is 26 events, its hold's record an activity; with
    // 44 the hold's completing task starts within the budget and the answer's past it, so the
    // boundary falls right after a resume, as the test below needs (with 40 it fell after the
    // hold every time, leaving the answer to the fresh run).
    rig = await realRig(server.address, { historyBudget: { events: 44, bytes: 2 * 1024 * 1024 } });
    flow = await deploySimpleFlow(rig, 'PT12S');
    await addSupportAgents(rig, 2);
  }, 120_000);
  afterAll(() => rig?.close());

  it('keeps the task, its assignee, its clock and every input across run boundaries', async () => {
    const ticketId = `can-${process.pid}-${Date.now()}`;
    const taskId = await startSimpleTicket(rig.runtime, flow, ticketId);
    const handle = rig.runtime['client'].workflow.getHandle(workflowIdOf(ticketId));
    const runIds = new Set([(await handle.describe()).runId]);
    const me = supportAgent('agent-0');
    /** Updates and signals the ticket's current run has received. */
    const inputsOfCurrentRun = async () =>
      eventTypesOf(await handle.fetchHistory()).filter((type) => /UPDATE_ACCEPTED|SIGNALED/.test(type))
        .length;
    expect((await rig.runtime.act(ticketId, { type: 'task.claimed', taskId, actor: me })).ok).toBe(true);

    // At least 8 rounds, then on until a boundary falls right after a round's resume: the fresh
    // run then holds only its start and first workflow task, and no input will come to arm its
    // SLA timer; it must arm it by itself.
    let rounds = 0;
    let waitingFresh = false;
    while (rounds < 8 || !waitingFresh) {
      if (rounds >= 30) throw new Error(`no boundary fell after a resume in ${rounds} rounds`);
      const held = await rig.runtime.act(ticketId, {
        type: 'task.held',
        taskId,
        actor: me,
        reason: `round ${rounds}`,
      });
      expect(held.ok, JSON.stringify(held)).toBe(true);
      await rig.runtime.sendMessage(ticketId, 'customer-reply', { text: `answer ${rounds}` });
      rounds += 1;
      await expect
        .poll(async () => (await rig.runtime.readState(ticketId))?.tasks[0]?.held === true, {
          timeout: 10_000,
        })
        .toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { runId } = await handle.describe();
      waitingFresh = !runIds.has(runId) && (await inputsOfCurrentRun()) === 0;
      runIds.add(runId);
    }
    // The budget of 44 events forced several fresh runs.
    expect(runIds.size).toBeGreaterThanOrEqual(3);

    const live = (await rig.runtime.readState(ticketId))!;
    expect(live.tasks).toHaveLength(1);
    expect(live.tasks[0]).toMatchObject({ taskId, assignee: 'agent-0', slaLevel: 'ok' });
    expect(live.tasks[0]!.held).toBeFalsy();
    const events = await rig.t.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticketId))
      .orderBy(asc(ticketEvents.seq), asc(ticketEvents.ord));
    const count = (type: string) => events.filter((e) => e.type === type).length;
    if (process.env.DEBUG_CAN) console.log(events.map((e) => `${e.seq}.${e.ord}:${e.type}`).join(' '));
    expect(count('task.claimed')).toBe(1);
    expect(count('task.held')).toBe(rounds);
    expect(count('message.received')).toBe(rounds);
    // One engine step per seq, in order, none lost or doubled.
    const seqs = [...new Set(events.map((e) => e.seq))];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(events.filter((e) => e.ord === 0)).toHaveLength(seqs.length);
    expect(seqs.at(-1)).toBe(live.state.seq);

    // The SLA timer armed in an earlier run fires when the (pause-adjusted) deadline comes.
    const dueAt = live.tasks[0]!.dueAt!;
    await expect
      .poll(
        async () =>
          (await rig.t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId))).find(
            (e) => e.type === 'sla.level' && (e.data as { level: string }).level === 'overdue',
          )?.at,
        { timeout: Math.max(5_000, dueAt - Date.now() + 5_000), interval: 200 },
      )
      .toBeDefined();
    const overdue = (
      await rig.t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId))
    ).find((e) => e.type === 'sla.level' && (e.data as { level: string }).level === 'overdue')!;
    expect(Math.abs(overdue.at.getTime() - dueAt)).toBeLessThan(1_500);
    const stats = await rig.runtime.commandStats(ticketId);
    expect(stats.updates).toBeGreaterThanOrEqual(1 + rounds);
    expect(stats.signals).toBe(rounds);
  }, 90_000);
});
