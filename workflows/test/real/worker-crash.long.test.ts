// Crashes on a real server, with the worker in a child process killed by SIGKILL:
// - before an SLA deadline, restarted after it: each level is recorded once and mailed once;
// - the same across a restart of the dev server itself on the same database file;
// - in the middle of an agent's action, after its step was written: the caller gets one answer,
//   and the read model ends up equal to the workflow's state (the action's workflow task was
//   committed before its record activity ran; the activity, retried on the next worker, writes
//   the committed step again).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { notifications, stages, ticketEvents, tickets } from '@baton/db';
import type { Flow } from '@baton/engine';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findTemporalCli } from '../../src/runtime/temporal-binaries.js';
import { DEV_SERVER_UPDATE_FLAGS } from '../../src/runtime/temporal-flags.js';
import type { TemporalRuntime } from '../../src/runtime/temporal.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { type ChildWorker, startChildWorker } from '../support/child-worker.js';
import {
  type RealRig,
  deploySimpleFlow,
  realRig,
  startSimpleTicket,
  supportAgent,
} from '../support/real-rig.js';
import { USERS } from '../support/seeded-help-desk.js';

const skip = skipWithoutTemporal('workflows/test/real/worker-crash.long.test.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(skip)('worker and server crashes on a real Temporal server', () => {
  let rig: RealRig;
  let client: TemporalRuntime;
  let flow: Flow;
  const workers: ChildWorker[] = [];
  const scratch = mkdtempSync(path.join(tmpdir(), 'baton-crash-'));

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    // The test process only sends; the workers run in child processes.
    rig = await realRig(server.address, { runWorker: false });
    client = rig.runtime;
    flow = await deploySimpleFlow(rig, 'PT8S');
  }, 120_000);
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await rig?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const worker = async (address = rig.address, extra: Record<string, string> = {}) => {
    const started = await startChildWorker({
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TASK_QUEUE: rig.taskQueue,
      DATABASE_URL: rig.t.url,
      SMTP_URL: rig.smtp.url,
      ...extra,
    });
    workers.push(started);
    return started;
  };

  const levels = async (ticketId: string) =>
    (
      await rig.t.db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'sla.level')))
    ).map((e) => (e.data as { level: string }).level);

  const mailsFor = (ticketTitle: string) =>
    rig.smtp.received
      .filter((m) => m.subject.includes(ticketTitle))
      .map((m) => `${m.to.join()} ${m.subject}`);

  async function startClaimed(runtime: TemporalRuntime, ticketId: string): Promise<string> {
    const taskId = await startSimpleTicket(runtime, flow, ticketId);
    const claimed = await runtime.act(ticketId, {
      type: 'task.claimed',
      taskId,
      actor: supportAgent(USERS.supportAgent1),
    });
    expect(claimed.ok).toBe(true);
    return taskId;
  }

  /** Every level once (warning, overdue, severe), every mail once; overdue reaches the assignee and the lead. */
  async function expectLevelsMailedOnce(ticketId: string) {
    const all = ['warning', 'overdue', 'severe'];
    await expect.poll(() => levels(ticketId), { timeout: 30_000 }).toEqual(all);
    const unsent = async () =>
      (
        await rig.t.db
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.ticketId, ticketId),
              eq(notifications.channel, 'email'),
              isNull(notifications.sentAt),
            ),
          )
      ).length;
    await expect.poll(unsent, { timeout: 30_000 }).toBe(0);
    const settled = mailsFor(ticketId).length;
    expect(settled).toBeGreaterThan(3);
    await sleep(2_000); // nothing more arrives: no level or mail twice
    expect(await levels(ticketId)).toEqual(all);
    const mails = mailsFor(ticketId);
    expect(mails).toHaveLength(settled);
    expect(new Set(mails).size).toBe(mails.length);
    const overdue = mails.filter((m) => m.includes('" is overdue')).map((m) => m.split(' ')[0]);
    expect(overdue.sort()).toEqual(['support.agent1@baton.local', 'support.lead@baton.local']);
  }

  it('records and mails each SLA level once when the worker was killed before the deadline', async () => {
    const first = await worker();
    const ticketId = `crash-sla-${process.pid}`;
    const before = Date.now();
    await startClaimed(client, ticketId);
    await first.kill();
    await sleep(Math.max(0, before + 10_000 - Date.now())); // both deadlines pass with no worker
    expect(await levels(ticketId)).toEqual([]);
    await worker();
    await expectLevelsMailedOnce(ticketId);
  }, 90_000);

  it('does the same across a restart of the dev server on the same database file', async () => {
    const cli = findTemporalCli(process.env)!;
    const dbFilename = path.join(scratch, 'temporal.db');
    const port = 20_000 + (process.pid % 20_000);
    const serve = () =>
      TestWorkflowEnvironment.createLocal({
        server: {
          executable: { type: 'existing-path', path: cli },
          dbFilename,
          ip: '127.0.0.1',
          port,
          ui: false,
          extraArgs: [...DEV_SERVER_UPDATE_FLAGS],
          log: { format: 'pretty', level: 'warn' },
        },
      });
    let server = await serve();
    const own = await rig.connect({ address: server.address, runWorker: false });
    const first = await worker(server.address);
    const ticketId = `crash-server-${process.pid}`;
    const before = Date.now();
    await startClaimed(own, ticketId);
    await first.kill();
    await own.close();
    await server.teardown();
    await sleep(Math.max(0, before + 10_000 - Date.now()));
    server = await serve();
    try {
      await worker(server.address);
      await expectLevelsMailedOnce(ticketId);
    } finally {
      for (const w of workers) await w.kill();
      await server.teardown();
    }
  }, 120_000);

  it('answers an action once and keeps the read model equal to the workflow when the worker dies after committing it', async () => {
    const pause = path.join(scratch, 'pause');
    const first = await worker(rig.address, { BATON_TEST_PAUSE_AFTER_RECORD: pause });
    const ticketId = `crash-act-${process.pid}`;
    const taskId = await startSimpleTicket(client, flow, ticketId);

    writeFileSync(pause, '');
    const claim = { type: 'task.claimed' as const, taskId, actor: supportAgent(USERS.supportAgent1) };
    const requestId = `crash-act-${process.pid}`;
    // What an HTTP client does with its Idempotency-Key: while the engine answers `unavailable`
    // ("may still be applied"), ask again with the same key until the one result comes.
    const answer = (async () => {
      const seen: string[] = [];
      for (;;) {
        try {
          return { result: await client.act(ticketId, claim, { requestId }), seen };
        } catch (error) {
          if ((error as { kind?: string }).kind !== 'unavailable' || seen.length > 10) throw error;
          seen.push('unavailable');
        }
      }
    })();
    // The claim is committed and written by the first worker, which then hangs in its record
    // activity and is killed before that activity completes.
    const claimedRow = async () =>
      (await rig.t.db.select().from(stages).where(eq(stages.ticketId, ticketId)))[0]?.claimedAt ?? null;
    await expect.poll(claimedRow, { timeout: 20_000 }).not.toBeNull();
    const firstAttempt = (await claimedRow())!.getTime();
    await first.kill();
    rmSync(pause);
    await sleep(1_000); // a retry would run on a clock that has moved on
    await worker();

    const { result, seen } = await answer;
    expect(result.ok).toBe(true);
    expect(seen.every((kind) => kind === 'unavailable')).toBe(true);
    const live = (await client.readState(ticketId))!;
    const task = live.state.tasks[taskId]!;
    const [stage] = await rig.t.db.select().from(stages).where(eq(stages.ticketId, ticketId));
    const [ticket] = await rig.t.db.select().from(tickets).where(eq(tickets.id, ticketId));
    const claims = await rig.t.db
      .select()
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'task.claimed')));
    // The workflow kept the step its committed task computed, on that task's clock...
    expect(task.claimedAt).toBe(firstAttempt);
    // ...and so does the read model: one claim, at the workflow's instant, at the workflow's seq.
    expect(stage?.claimedAt?.getTime()).toBe(task.claimedAt);
    expect(stage?.assigneeId).toBe(USERS.supportAgent1);
    expect(claims).toHaveLength(1);
    expect(claims[0]!.at.getTime()).toBe(task.claimedAt);
    expect(ticket?.lastSeq).toBe(live.state.seq);
  }, 120_000);
});
