// Reopening on a real Temporal server at the moment a ticket finishes: an agent's completion is
// written to the read model by an activity once its workflow task commits, and until that returns
// the run has not taken the done state. A reopen asked then used to be refused ("is running: only
// a done ticket can be reopened"); it now waits until the run has applied the completion, and
// reopens from what the run finished with.
import { ticketEvents } from '@baton/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatonActivities } from '../../src/activities/index.js';
import type { TemporalRuntime } from '../../src/runtime/temporal.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import {
  type RealRig,
  addSupportAgents,
  deploySimpleFlow,
  realRig,
  startSimpleTicket,
  supportAgent,
} from '../support/real-rig.js';
import type { Flow } from '@baton/engine';

const skip = skipWithoutTemporal('workflows/test/real/reopen.test.ts');

/** How long the record of a ticket's final step is held back. */
const RECORD_DELAY_MS = 1_500;

describe.skipIf(skip)('reopening a ticket on a real Temporal server', () => {
  let rig: RealRig;
  let runtime: TemporalRuntime;
  let flow: Flow;
  let agentId = '';
  /** Resolves when a final step's record has begun (and is being held back). */
  let finalRecordStarted: () => void = () => undefined;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    rig = await realRig(server.address);
    flow = await deploySimpleFlow(rig);
    [agentId] = (await addSupportAgents(rig, 1)) as [string];
    const recordSteps: BatonActivities['readModel']['recordSteps'] = async (steps) => {
      if (steps.some((step) => step.status === 'done')) {
        finalRecordStarted();
        await new Promise((resolve) => setTimeout(resolve, RECORD_DELAY_MS));
      }
      return rig.activities.readModel.recordSteps(steps);
    };
    // A worker of its own, on a queue of its own, whose read-model writes of a final step are slow.
    runtime = await rig.connect({
      taskQueue: `${rig.taskQueue}-slow-final-record`,
      activities: { ...rig.activities, readModel: { ...rig.activities.readModel, recordSteps } },
    });
  }, 120_000);
  afterAll(() => rig?.close());

  it('waits for a ticket still recording its completion to close, then reopens it', async () => {
    const ticketId = `reopen-finishing-${process.pid}-${Date.now()}`;
    const taskId = await startSimpleTicket(runtime, flow, ticketId);
    const agent = supportAgent(agentId);
    expect((await runtime.act(ticketId, { type: 'task.claimed', taskId, actor: agent })).ok).toBe(true);

    const recording = new Promise<void>((resolve) => (finalRecordStarted = resolve));
    const completing = runtime.act(ticketId, {
      type: 'task.completed',
      taskId,
      actor: agent,
      outcome: 'done',
    });
    await recording;
    const reopenedAt = Date.now();
    const reopened = await runtime.reopen(ticketId, {
      type: 'ticket.reopened',
      actor: agent,
      reason: 'the customer wrote again',
    });

    expect(reopened.ok).toBe(true);
    // It waited for the held-back record, and the completion it raced was answered as applied.
    expect(Date.now() - reopenedAt).toBeGreaterThan(RECORD_DELAY_MS / 3);
    expect(await completing).toMatchObject({ ok: true, status: 'done' });
    if (!reopened.ok) return;
    expect(reopened.status).not.toBe('done');
    // A new task of the flow's one user task, not the closed one.
    expect(reopened.tasks).toHaveLength(1);
    expect(reopened.tasks[0]!.taskId).not.toBe(taskId);
    // The read model holds the completion and then the reopen, in that order.
    const types = (
      await rig.t.db
        .select()
        .from(ticketEvents)
        .where(eq(ticketEvents.ticketId, ticketId))
        .orderBy(ticketEvents.seq)
    ).map((event) => event.type);
    expect(types.indexOf('ticket.reopened')).toBeGreaterThan(types.indexOf('ticket.completed'));
  }, 60_000);
});
