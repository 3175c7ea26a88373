// The held HTTP flows through the API on a real Temporal server (the run's dev server): create
// (idempotent by key, also when the same key races itself), claim, hold and a customer message,
// transfer and return, complete, extension grant and denial, cancel; then what only a real server
// says: a finished ticket answers 409, a ticket terminated in Temporal shows as cancelled, and an
// action nobody's worker takes answers 503 with Retry-After.
import { readFileSync } from 'node:fs';
import { createActivities, TemporalRuntime } from '@baton/workflows';
import { realTemporal, skipWithoutTemporal } from '@baton/workflows/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, problemOf, type Harness } from './harness.js';

const XML = readFileSync(new URL('./flows/support-refunds.bpmn', import.meta.url), 'utf8');
const skip = skipWithoutTemporal('api/test/temporal-http.test.ts');

type Task = {
  id: string;
  name: string;
  department: string;
  assignee: string | null;
  held?: boolean;
  dueAt: string;
};
type Detail = {
  id: string;
  status: string;
  live: boolean;
  openTasks: Task[];
  stages: { id: string; closedAt: string | null; outcome: string | null }[];
  timeline: { type: string; data?: Record<string, unknown> }[];
};

describe.skipIf(skip)('tickets and tasks over HTTP on a real Temporal server', () => {
  let h: Harness;
  let runtime: TemporalRuntime;
  let address = '';
  let taskQueue = '';

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    address = server.address;
    taskQueue = `baton-api-test-${process.pid}-${Date.now()}`;
    h = await createHarness({
      runtime: async (t) => {
        const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
        runtime = await TemporalRuntime.connect({
          address,
          namespace: 'default',
          taskQueue,
          activities: createActivities({ db: t.db, log }),
          log,
        });
        return runtime;
      },
    });
    await h.call('owner', 'POST', '/api/ticket-types', {
      id: 'refund-request',
      name: 'Refund request',
      fields: [{ key: 'orderNumber', label: 'Order number', type: 'text', required: true }],
    });
    await h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', { xml: XML });
    expect((await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {})).status).toBe(
      201,
    );
  }, 120_000);
  afterAll(() => h?.close());

  const json = async <T>(res: Response, status = 200): Promise<T> => {
    if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const create = (title: string, headers: Record<string, string> = {}) =>
    h.call(
      'agent',
      'POST',
      '/api/tickets',
      { typeId: 'refund-request', title, fields: { orderNumber: 'T-1' } },
      headers,
    );
  const detail = async (id: string) => json<Detail>(await h.call('admin', 'GET', `/api/tickets/${id}`));

  it('reports the durable runtime', async () => {
    const health = await json<{ engine: { mode: string; durable: boolean } }>(
      await h.call(null, 'GET', '/api/health'),
    );
    expect(health.engine).toMatchObject({ mode: 'temporal', durable: true });
  });

  it('creates one ticket for one Idempotency-Key, even when the same request races itself', async () => {
    const headers = { 'idempotency-key': `race-${process.pid}` };
    const answers = await Promise.all([create('Raced create', headers), create('Raced create', headers)]);
    const statuses = answers.map((r) => r.status).sort();
    // One runs; the other is told it is still in progress, or (once the first is done) replayed.
    expect(statuses[0]).toBe(201);
    expect([201, 409]).toContain(statuses[1]);
    const again = await create('Raced create', headers);
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    const { rows } = await h.t.pool.query(
      "select count(*)::int as n from tickets where title = 'Raced create'",
    );
    expect(rows[0].n).toBe(1);
  });

  it('walks a ticket through claim, hold, a customer message, transfer, return, extension and completion', async () => {
    const ticket = await json<Detail>(await create('Walk me through'), 201);
    expect(ticket.live).toBe(true);
    const triage = ticket.openTasks[0]!;
    expect(triage).toMatchObject({ name: 'Triage', department: 'support', assignee: null });

    const claimed = await json<{ task: Task }>(
      await h.call('agent', 'POST', `/api/tasks/${triage.id}/claim`, {}),
    );
    expect(claimed.task.assignee).toBe(h.ids.agent);
    await json(
      await h.call('agent', 'POST', `/api/tasks/${triage.id}/hold`, { reason: 'asked for a photo' }),
    );
    expect((await detail(ticket.id)).openTasks[0]).toMatchObject({ held: true });
    expect(
      (await h.call('agent', 'POST', `/api/tickets/${ticket.id}/messages`, { text: 'Photo attached' }))
        .status,
    ).toBe(202);
    await expect.poll(async () => (await detail(ticket.id)).openTasks[0]?.held).toBe(false);

    const transferred = await json<{ openTasks: Task[] }>(
      await h.call('agent', 'POST', `/api/tasks/${triage.id}/transfer`, {
        department: 'refunds',
        reason: 'a refund',
      }),
    );
    const refund = transferred.openTasks[0]!;
    expect(refund).toMatchObject({ name: 'Refund', department: 'refunds' });
    const returned = await json<{ openTasks: Task[] }>(
      await h.call('otherAgent', 'POST', `/api/tasks/${refund.id}/return`, { reason: 'not ours yet' }),
    );
    const back = returned.openTasks[0]!;
    expect(back).toMatchObject({ name: 'Triage', department: 'support' });

    const request = await json<{ id: string }>(
      await h.call('agent', 'POST', `/api/tasks/${back.id}/extension-requests`, {
        extendByMinutes: 30,
        reason: 'warehouse',
      }),
      201,
    );
    const dueBefore = Date.parse((await detail(ticket.id)).openTasks[0]!.dueAt);
    const granted = await json<{ status: string }>(
      await h.call('lead', 'POST', `/api/extension-requests/${request.id}/grant`, { note: 'ok' }),
    );
    expect(granted.status).toBe('granted');
    expect(Date.parse((await detail(ticket.id)).openTasks[0]!.dueAt)).toBe(dueBefore + 30 * 60_000);
    const second = await json<{ id: string }>(
      await h.call('agent', 'POST', `/api/tasks/${back.id}/extension-requests`, {
        extendByMinutes: 10,
        reason: 'more',
      }),
      201,
    );
    expect(
      (
        await json<{ status: string }>(
          await h.call('manager', 'POST', `/api/extension-requests/${second.id}/deny`, {}),
        )
      ).status,
    ).toBe('denied');

    await json(await h.call('agent', 'POST', `/api/tasks/${back.id}/claim`, {}));
    const done = await json<{ ticketStatus: string; openTasks: Task[] }>(
      await h.call('agent', 'POST', `/api/tasks/${back.id}/complete`, { outcome: 'solved' }),
    );
    expect(done).toMatchObject({ ticketStatus: 'done', openTasks: [] });
    const finished = await detail(ticket.id);
    expect(finished.status).toBe('done');
    expect(finished.stages.every((s) => s.closedAt !== null)).toBe(true);
    expect(finished.timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'task.held',
        'message.received',
        'task.transferred',
        'task.returned',
        'task.extensionGranted',
        'ticket.completed',
      ]),
    );
  }, 60_000);

  it('answers 409 ticket-finished for an action on a finished ticket', async () => {
    const ticket = await json<Detail>(await create('Finish me'), 201);
    const taskId = ticket.openTasks[0]!.id;
    await json(await h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}));
    await json(await h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'solved' }));
    const late = await problemOf(
      await h.call('agent', 'POST', `/api/tickets/${ticket.id}/messages`, { text: 'hello?' }),
    );
    expect([late.status, late.code]).toEqual([409, 'conflict']); // the read model already knows
    const cancelled = await problemOf(await h.call('agent', 'POST', `/api/tickets/${ticket.id}/cancel`, {}));
    expect(cancelled.status).toBe(409);
  });

  it('reopens a done ticket in a new execution that carries its state, and refuses a reopen racing it', async () => {
    const ticket = await json<Detail>(await create('Reopen me'), 201);
    const triage = ticket.openTasks[0]!.id;
    await json(await h.call('agent', 'POST', `/api/tasks/${triage}/claim`, {}));
    await json(await h.call('agent', 'POST', `/api/tasks/${triage}/complete`, { outcome: 'solved' }));
    const workflow = runtime['client'].workflow.getHandle(`ticket-${ticket.id}`);
    const first = await workflow.describe();

    const body = { reason: 'The customer says the order is still missing' };
    const raced = await Promise.all([
      h.call('agent', 'POST', `/api/tickets/${ticket.id}/reopen`, body),
      h.call('agent', 'POST', `/api/tickets/${ticket.id}/reopen`, body),
    ]);
    expect(raced.map((res) => res.status).sort()).toEqual([200, 409]);
    const reopened = (await raced.find((res) => res.status === 200)!.json()) as Detail;
    expect(reopened.live).toBe(true);
    expect(reopened.openTasks.map((task) => task.name)).toEqual(['Triage']);
    const second = await workflow.describe();
    expect(second.runId).not.toBe(first.runId);
    expect(second.status.name).toBe('RUNNING');
    expect(
      (await runtime['client'].workflow.getHandle(`ticket-${ticket.id}`, first.runId).describe()).status.name,
    ).toBe('COMPLETED');

    // The new execution goes on from the state the first finished with: new task ids, the read
    // model's seq continuing, done again through the refund.
    const again = reopened.openTasks[0]!.id;
    expect(again).not.toBe(triage);
    await json(await h.call('agent', 'POST', `/api/tasks/${again}/claim`, {}));
    await json(await h.call('agent', 'POST', `/api/tasks/${again}/complete`, { outcome: 'refund' }));
    const refund = (await detail(ticket.id)).openTasks[0]!;
    await json(await h.call('admin', 'POST', `/api/tasks/${refund.id}/claim`, {}));
    await json(await h.call('admin', 'POST', `/api/tasks/${refund.id}/complete`, { outcome: 'refunded' }));
    const done = await detail(ticket.id);
    expect(done.status).toBe('done');
    expect(done.stages.map((stage) => stage.outcome)).toEqual(['solved', 'refund', 'refunded']);
    const types = done.timeline.map((entry) => entry.type);
    expect(types.filter((type) => type === 'ticket.completed')).toHaveLength(2);
    expect(types.indexOf('ticket.reopened')).toBeGreaterThan(types.indexOf('ticket.completed'));
    // The completion is the last step's, with the status it took after it.
    expect(types.slice(types.lastIndexOf('ticket.completed') + 1)).toEqual(['ticket.status']);
    expect(done.timeline.at(-1)).toMatchObject({ data: { from: 'in_progress', to: 'done' } });
    // A second reopen of the same ticket, from its second execution, at the refund it closed at.
    const thrice = await json<Detail>(
      await h.call('admin', 'POST', `/api/tickets/${ticket.id}/reopen`, { reason: 'still not right' }),
    );
    expect(thrice.openTasks.map((task) => task.name)).toEqual(['Refund']);
  });

  it('shows a ticket terminated from Temporal as cancelled, and answers 409 for actions on it', async () => {
    const ticket = await json<Detail>(await create('Terminate me in Temporal'), 201);
    const taskId = ticket.openTasks[0]!.id;
    await runtime['client'].workflow
      .getHandle(`ticket-${ticket.id}`)
      .terminate('ops cleaned up a test ticket');
    const problem = await problemOf(await h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}));
    expect([problem.status, problem.code]).toEqual([409, 'ticket-finished']);
    const after = await detail(ticket.id);
    expect(after.status).toBe('cancelled');
    expect(after.openTasks).toEqual([]);
    expect(after.timeline.at(-1)?.type).toBe('ticket.closedOutside');
  });

  it('answers 503 with Retry-After when no worker takes an action, and applies it once a worker is back', async () => {
    const ticket = await json<Detail>(await create('Nobody polls'), 201);
    const taskId = ticket.openTasks[0]!.id;
    const clientOnly = await TemporalRuntime.connect({
      address,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db: h.t.db, log: pino({ level: 'silent' }) }),
      log: pino({ level: 'silent' }),
      runWorker: false,
      deadlines: { acceptMs: 1_500 },
    });
    await runtime.close();
    h.deps.runtime = clientOnly;
    const app = (await import('../src/app.js')).createApp(h.deps);
    const call = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      app.request(path, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${h.tokens.agent}`,
          'content-type': 'application/json',
          ...headers,
        },
        body: JSON.stringify(body),
      });
    const key = { 'idempotency-key': `no-worker-${process.pid}` };
    const res = await call(`/api/tasks/${taskId}/claim`, {}, key);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await problemOf(res)).code).toBe('engine-unavailable');
    // A worker again: the retry with the same key gets the one result.
    runtime = await TemporalRuntime.connect({
      address,
      namespace: 'default',
      taskQueue,
      activities: createActivities({ db: h.t.db, log: pino({ level: 'silent' }) }),
      log: pino({ level: 'silent' }),
    });
    const retried = await json<{ task: Task }>(await call(`/api/tasks/${taskId}/claim`, {}, key));
    expect(retried.task.assignee).toBe(h.ids.agent);
    const claims = (await detail(ticket.id)).timeline.filter((e) => e.type === 'task.claimed');
    expect(claims).toHaveLength(1);
    await clientOnly.close();
    h.deps.runtime = runtime;
  }, 60_000);
});
