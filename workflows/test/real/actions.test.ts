// Agent actions on a real Temporal server: an Update sent twice applies once, fifty agents racing
// for one task give one winner, a burst of mixed actions on one ticket never fails unexpectedly,
// finished and unknown tickets answer typed failures, and no worker polling answers `unavailable`
// in a bounded time. Also: the live-state query takes the caller's clock.
import { stages, ticketEvents, tickets } from '@baton/db';
import { rejectCode } from '@baton/engine';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActResult, RuntimeFailure } from '../../src/runtime/port.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import {
  type RealRig,
  SIMPLE,
  addSupportAgents,
  deploySimpleFlow,
  realRig,
  refundsAgent,
  startSimpleTicket,
  supportAgent,
} from '../support/real-rig.js';
import type { Flow } from '@baton/engine';

const skip = skipWithoutTemporal('workflows/test/real/actions.test.ts');

describe.skipIf(skip)('agent actions on a real Temporal server', () => {
  let rig: RealRig;
  let flow: Flow;
  let agents: string[];
  let n = 0;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    rig = await realRig(server.address);
    flow = await deploySimpleFlow(rig);
    agents = await addSupportAgents(rig, 50);
  }, 120_000);
  afterAll(() => rig?.close());

  async function newTicket(): Promise<{ ticketId: string; taskId: string }> {
    n += 1;
    const ticketId = `act-${process.pid}-${Date.now()}-${n}`;
    return { ticketId, taskId: await startSimpleTicket(rig.runtime, flow, ticketId) };
  }

  const claims = async (ticketId: string) =>
    (
      await rig.t.db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'task.claimed')))
    ).length;

  it('starts a ticket once however often and however concurrently it is asked', async () => {
    const ticketId = `start-${process.pid}-${Date.now()}`;
    const input = {
      flow,
      ticket: {
        ticketId,
        typeId: SIMPLE.typeId,
        flowVersionId: SIMPLE.flowVersionId,
        variables: { title: 'twice' },
      },
    };
    await Promise.all([
      rig.runtime.startTicket(input),
      rig.runtime.startTicket(input),
      rig.runtime.startTicket(input),
    ]);
    await rig.runtime.startTicket(input);
    expect(await rig.t.db.select().from(tickets).where(eq(tickets.id, ticketId))).toHaveLength(1);
    const started = await rig.t.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'ticket.started')));
    expect(started).toHaveLength(1);
  });

  it('applies the same Update (same request id) once and answers the first result again', async () => {
    const { ticketId, taskId } = await newTicket();
    const claim = { type: 'task.claimed' as const, taskId, actor: supportAgent(agents[0]!) };
    const first = await rig.runtime.act(ticketId, claim, { requestId: `same-${ticketId}` });
    const again = await rig.runtime.act(ticketId, claim, { requestId: `same-${ticketId}` });
    expect(first.ok).toBe(true);
    expect(again).toEqual(first);
    expect(await claims(ticketId)).toBe(1);
    // Without the request id the same claim is a new action, and the engine refuses it.
    const fresh = await rig.runtime.act(ticketId, claim);
    expect(fresh.ok).toBe(false);
  });

  it('gives exactly one of fifty racing claims the task, and refuses the others as conflicts', async () => {
    const { ticketId, taskId } = await newTicket();
    const results = await Promise.all(
      agents.map((userId) =>
        rig.runtime.act(ticketId, { type: 'task.claimed', taskId, actor: supportAgent(userId) }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const losers = results.filter((r): r is Extract<ActResult, { ok: false }> => !r.ok);
    expect(losers.map((r) => rejectCode(r.rejected))).toEqual(Array(49).fill('conflict'));
    expect(await claims(ticketId)).toBe(1);
    const [stage] = await rig.t.db.select().from(stages).where(eq(stages.ticketId, ticketId));
    const live = await rig.runtime.readState(ticketId);
    expect(stage?.assigneeId).toBe(live?.tasks[0]?.assignee);
  });

  it('answers a burst of mixed parallel actions on one ticket with results or rejections only', async () => {
    const { ticketId, taskId } = await newTicket();
    const me = supportAgent(agents[1]!);
    const actions = [
      { type: 'task.claimed' as const, taskId, actor: me },
      { type: 'task.held' as const, taskId, actor: me, reason: 'waiting for the customer' },
      { type: 'task.resumed' as const, taskId, actor: me },
      { type: 'task.claimed' as const, taskId, actor: supportAgent(agents[2]!) },
      { type: 'task.completed' as const, taskId, actor: refundsAgent('usr_refunds_agent'), outcome: 'done' },
      { type: 'task.held' as const, taskId, actor: me, reason: 'again' },
      { type: 'task.resumed' as const, taskId, actor: me },
    ];
    const burst = Array.from({ length: 30 }, (_, i) => actions[i % actions.length]!);
    const settled = await Promise.allSettled(burst.map((event) => rig.runtime.act(ticketId, event)));
    const thrown = settled.filter((s) => s.status === 'rejected');
    if (process.env.DEBUG_BURST)
      console.log(
        settled
          .map(
            (s, i) =>
              `${burst[i]!.type} ${s.status === 'fulfilled' ? JSON.stringify(s.value).slice(0, 120) : String(s.reason).slice(0, 150)}`,
          )
          .join('\n'),
        JSON.stringify((await rig.runtime.readState(ticketId))?.state.status),
      );
    expect(thrown).toEqual([]);
    // The read model agrees with the engine afterwards.
    const live = await rig.runtime.readState(ticketId);
    const [stage] = await rig.t.db.select().from(stages).where(eq(stages.ticketId, ticketId));
    expect(stage?.assigneeId ?? undefined).toBe(live?.tasks[0]?.assignee);
    const [row] = await rig.t.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(row?.lastSeq).toBe(live?.state.seq);
  });

  it('answers finished for actions and messages on a finished ticket, and not-running for an unknown one', async () => {
    const { ticketId, taskId } = await newTicket();
    const me = supportAgent(agents[3]!);
    expect((await rig.runtime.act(ticketId, { type: 'task.claimed', taskId, actor: me })).ok).toBe(true);
    const done = await rig.runtime.act(ticketId, {
      type: 'task.completed',
      taskId,
      actor: me,
      outcome: 'done',
    });
    expect(done).toMatchObject({ ok: true, status: 'done', tasks: [] });
    await expect.poll(() => rig.runtime.readState(ticketId), { timeout: 10_000 }).toBeUndefined();
    await expect(
      rig.runtime.act(ticketId, { type: 'task.claimed', taskId, actor: me }),
    ).rejects.toMatchObject({
      kind: 'finished',
    });
    await expect(rig.runtime.sendMessage(ticketId, 'customer-reply', { text: 'hi' })).rejects.toMatchObject({
      kind: 'finished',
    });
    await expect(rig.runtime.cancel(ticketId, me)).rejects.toBeInstanceOf(RuntimeFailure);
    await expect(
      rig.runtime.act(`nope-${ticketId}`, { type: 'task.claimed', taskId, actor: me }),
    ).rejects.toMatchObject({
      kind: 'not-running',
    });
  });

  it('records a cancellation requested from Temporal (UI or CLI) as a cancelled ticket', async () => {
    const { ticketId } = await newTicket();
    const handle = rig.runtime['client'].workflow.getHandle(`ticket-${ticketId}`);
    await handle.cancel();
    await expect
      .poll(async () => (await handle.describe()).status.name, { timeout: 10_000 })
      .toBe('CANCELLED');
    const [row] = await rig.t.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(row?.status).toBe('cancelled');
    const [stage] = await rig.t.db.select().from(stages).where(eq(stages.ticketId, ticketId));
    expect(stage).toMatchObject({ outcome: 'cancelled' });
    expect(stage?.closedAt).not.toBeNull();
    const cancelled = await rig.t.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'ticket.cancelled')));
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]).toMatchObject({ actorId: 'temporal', data: { reason: 'cancelled in Temporal' } });
  });

  it('gives the live state remaining time as of the caller, not as of the last workflow task', async () => {
    const { ticketId, taskId } = await newTicket();
    const first = await rig.runtime.readState(ticketId);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const later = await rig.runtime.readState(ticketId);
    const remaining = (live: typeof first) => live!.sla.tasks[taskId]!.remainingMs;
    // Nothing happened to the ticket in between: only the caller's clock moved.
    expect(remaining(first) - remaining(later)).toBeGreaterThanOrEqual(1_400);
  });

  it('answers unavailable within the accept deadline when no worker polls the task queue', async () => {
    const { ticketId, taskId } = await newTicket();
    // A client on another task queue's... no: the same queue, but the only worker is paused by
    // stopping it; a runtime without a worker sends the update.
    const client = await rig.connect({ runWorker: false, deadlines: { acceptMs: 1_500 } });
    await rig.runtime.close();
    const started = Date.now();
    await expect(
      client.act(ticketId, { type: 'task.claimed', taskId, actor: supportAgent(agents[4]!) }),
    ).rejects.toMatchObject({ kind: 'unavailable' });
    expect(Date.now() - started).toBeLessThan(5_000);
    // A worker comes back: the update that waited is applied, exactly once, with no caller left.
    rig.runtime = await rig.connect();
    await expect.poll(() => claims(ticketId), { timeout: 20_000 }).toBe(1);
  }, 60_000);
});
