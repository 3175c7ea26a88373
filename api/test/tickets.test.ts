// Tickets and tasks over HTTP against a real database and the in-memory runtime.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, problemOf, type Harness } from './harness.js';
import type { VirtualClock } from './runtime.js';

const XML = readFileSync(new URL('./flows/support-refunds.bpmn', import.meta.url), 'utf8');
const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;
let clock: VirtualClock;

type Detail = {
  id: string;
  status: string;
  number: number;
  openTasks: {
    id: string;
    name: string;
    department: string;
    outcomes: string[];
    assignee: string | null;
    sla: unknown;
    dueAt: string;
  }[];
  stages: { id: string; closedAt: string | null; totalMs: number | null; outcome: string | null }[];
  timeline: { type: string }[];
  extensionRequests: { id: string; status: string }[];
};

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  clock = h.clock!;
  const created = await h.call('owner', 'POST', '/api/ticket-types', {
    id: 'refund-request',
    name: 'Refund request',
    fields: [
      { key: 'orderNumber', label: 'Order number', type: 'text', required: true },
      { key: 'channel', label: 'Channel', type: 'select', options: ['phone', 'mail'] },
    ],
    defaults: { category: 'refund' },
  });
  expect(created.status).toBe(201);
  expect((await h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', { xml: XML })).status).toBe(
    200,
  );
  const deployed = await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {});
  expect(deployed.status).toBe(201);
});
afterAll(() => h?.close());

const json = async <T>(res: Response, status = 200): Promise<T> => {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
};

const newTicket = async (title = 'Broken kettle', fields: Record<string, unknown> = { orderNumber: 'A-1' }) =>
  json<Detail>(
    await h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title,
      priority: 'high',
      fields,
      customer: { name: 'Ada', email: 'ada@example.test' },
    }),
    201,
  );

describe('tickets', () => {
  it('creates a ticket, starts it on the latest version, and shows its open task with an explained SLA', async () => {
    const ticket = await newTicket();
    expect(ticket.status).not.toBe('done');
    expect(ticket.openTasks).toHaveLength(1);
    const [triage] = ticket.openTasks;
    expect(triage).toMatchObject({ name: 'Triage', department: 'support', outcomes: ['refund', 'solved'] });
    expect(triage?.id).toMatch(new RegExp(`^${ticket.id}\\.`));
    expect(triage?.dueAt).toBe(new Date(START + 3600_000).toISOString());
    expect(triage?.sla).toMatchObject({ targetMs: 3600_000 });
    expect(ticket.stages).toHaveLength(1);

    const again = await json<Detail>(await h.call('agent', 'GET', `/api/tickets/${ticket.id}`));
    expect(again.openTasks.map((t) => t.id)).toEqual([triage?.id]);
    const stages = await json<{ items: unknown[] }>(
      await h.call('agent', 'GET', `/api/tickets/${ticket.id}/stages`),
    );
    expect(stages.items).toHaveLength(1);
  });

  it('validates custom fields against the ticket type and keeps nothing on failure', async () => {
    const before = await h.t.pool.query('select count(*)::int as n from tickets');
    const res = await h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title: 'x',
      fields: { channel: 'fax', colour: 'red' },
    });
    const problem = await problemOf(res);
    expect(problem.code).toBe('validation-failed');
    expect(problem.errors?.map((e) => e.path).sort()).toEqual([
      'body.fields.channel',
      'body.fields.colour',
      'body.fields.orderNumber',
    ]);
    const unknownType = await problemOf(
      await h.call('agent', 'POST', '/api/tickets', { typeId: 'nope', title: 'x' }),
    );
    expect(unknownType.errors?.[0]?.path).toBe('body.typeId');
    const after = await h.t.pool.query('select count(*)::int as n from tickets');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('lists tickets with filters and cursor pagination', async () => {
    const a = await newTicket('Pagination one');
    await clock.advance(1000);
    const b = await newTicket('Pagination two');
    const page1 = await json<{ items: { id: string }[]; nextCursor: string | null }>(
      await h.call('admin', 'GET', '/api/tickets?limit=1&q=Pagination'),
    );
    expect(page1.items.map((t) => t.id)).toEqual([b.id]);
    const page2 = await json<{ items: { id: string }[]; nextCursor: string | null }>(
      await h.call('admin', 'GET', `/api/tickets?limit=1&q=Pagination&cursor=${page1.nextCursor}`),
    );
    expect(page2.items.map((t) => t.id)).toEqual([a.id]);
    expect(page2.nextCursor).toBeNull();
    const byNumber = await json<{ items: { id: string }[] }>(
      await h.call('admin', 'GET', `/api/tickets?q=%23${a.number}`),
    );
    expect(byNumber.items.map((t) => t.id)).toEqual([a.id]);
    const support = await json<{ items: { id: string }[] }>(
      await h.call('manager', 'GET', '/api/tickets?department=support&priority=high&status=submitted'),
    );
    expect(support.items.map((t) => t.id)).toEqual(expect.arrayContaining([a.id, b.id]));
    const none = await json<{ items: unknown[] }>(
      await h.call('admin', 'GET', '/api/tickets?department=refunds&q=Pagination'),
    );
    expect(none.items).toEqual([]);
    // The refunds agent has never had these tickets.
    const other = await json<{ items: { id: string }[] }>(
      await h.call('otherAgent', 'GET', '/api/tickets?q=Pagination'),
    );
    expect(other.items).toEqual([]);
    expect((await h.call('otherAgent', 'GET', `/api/tickets/${a.id}`)).status).toBe(403);
    const injection = await h.call(
      'admin',
      'GET',
      `/api/tickets?q=${encodeURIComponent("'; drop table tickets; --")}`,
    );
    expect(await json<{ items: unknown[] }>(injection)).toEqual({ items: [], nextCursor: null });
  });
});

describe('idempotent ticket creation', () => {
  it('replays the first answer for a repeated create and starts only one ticket', async () => {
    const body = { typeId: 'refund-request', title: 'Created once', fields: { orderNumber: 'I-1' } };
    const headers = { 'idempotency-key': 'create-once' };
    const first = await json<Detail>(await h.call('agent', 'POST', '/api/tickets', body, headers), 201);
    const again = await h.call('agent', 'POST', '/api/tickets', body, headers);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(((await again.json()) as Detail).id).toBe(first.id);
    const { rows } = await h.t.pool.query(
      "select count(*)::int as n from tickets where title = 'Created once'",
    );
    expect(rows[0].n).toBe(1);
  });
});

describe('tasks', () => {
  it('lists the department queue soonest due first, the more urgent first at equal deadlines', async () => {
    const create = async (title: string, priority: string) =>
      json<Detail>(
        await h.call('agent', 'POST', '/api/tickets', {
          typeId: 'refund-request',
          title,
          priority,
          fields: { orderNumber: 'Q-1' },
        }),
        201,
      );
    const earlier = await create('Queue: due first', 'low');
    await clock.advance(10 * 60_000);
    const lowLater = await create('Queue: due later, low', 'low');
    const urgentLater = await create('Queue: due later, urgent', 'urgent');
    const queue = await json<{ items: { id: string }[] }>(
      await h.call('agent', 'GET', '/api/tasks?scope=department'),
    );
    const mine = [earlier, urgentLater, lowLater].map((t) => t.openTasks[0]!.id);
    expect(queue.items.map((t) => t.id).filter((id) => mine.includes(id))).toEqual(mine);
  });

  it('lets an agent claim and complete; the ticket moves to refunds; a second completion is 409', async () => {
    const ticket = await newTicket('Refund me');
    const taskId = ticket.openTasks[0]!.id;
    const mine0 = await json<{ items: { id: string }[] }>(
      await h.call('agent', 'GET', '/api/tasks?scope=department'),
    );
    expect(mine0.items.map((t) => t.id)).toContain(taskId);
    // The admin belongs to no department; their queue is every department's.
    const adminQueue = await json<{ items: { id: string }[] }>(
      await h.call('admin', 'GET', '/api/tasks?scope=department'),
    );
    expect(adminQueue.items.map((t) => t.id)).toContain(taskId);
    const otherQueue = await json<{ items: { id: string }[] }>(
      await h.call('otherAgent', 'GET', '/api/tasks?scope=department'),
    );
    expect(otherQueue.items.map((t) => t.id)).not.toContain(taskId);

    // Wrong department: 403, and nothing changes.
    expect((await problemOf(await h.call('otherAgent', 'POST', `/api/tasks/${taskId}/claim`, {}))).code).toBe(
      'forbidden',
    );
    const claimed = await json<{ task: { assignee: string } }>(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}),
    );
    expect(claimed.task.assignee).toBe(h.ids.agent);
    const mine = await json<{ items: { id: string }[] }>(
      await h.call('agent', 'GET', '/api/tasks?scope=mine'),
    );
    expect(mine.items.map((t) => t.id)).toContain(taskId);

    const bad = await problemOf(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'teleport' }),
    );
    expect([bad.status, bad.code]).toEqual([422, 'validation-failed']);

    await clock.advance(20 * 60_000);
    const done = await json<{ task: unknown; openTasks: { name: string; department: string }[] }>(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'refund' }),
    );
    expect(done.task).toBeNull();
    expect(done.openTasks.map((t) => [t.name, t.department])).toEqual([['Refund', 'refunds']]);
    const twice = await problemOf(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'refund' }),
    );
    expect([twice.status, twice.code]).toEqual([409, 'conflict']);

    const detail = await json<Detail>(await h.call('admin', 'GET', `/api/tickets/${ticket.id}`));
    const closed = detail.stages.find((s) => s.id === taskId);
    expect(closed).toMatchObject({ outcome: 'refund', totalMs: 20 * 60_000 });
    // Now the refunds agent may see it.
    expect((await h.call('otherAgent', 'GET', `/api/tickets/${ticket.id}`)).status).toBe(200);
  });

  it('answers 404 for unknown tasks and malformed task ids', async () => {
    const ticket = await newTicket();
    expect(
      (await problemOf(await h.call('agent', 'POST', `/api/tasks/${ticket.id}.nope/claim`, {}))).code,
    ).toBe('not-found');
    expect((await problemOf(await h.call('agent', 'POST', '/api/tasks/nodot/claim', {}))).code).toBe(
      'not-found',
    );
  });

  it('holds and resumes, transfers to another department', async () => {
    const ticket = await newTicket('Hold me');
    const taskId = ticket.openTasks[0]!.id;
    await json(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'waiting for the customer' }),
    );
    const held = await json<Detail>(await h.call('agent', 'GET', `/api/tickets/${ticket.id}`));
    expect(held.openTasks[0]).toMatchObject({ held: true });
    await json(await h.call('agent', 'POST', `/api/tasks/${taskId}/resume`, {}));
    const transferred = await json<{ openTasks: { department: string }[] }>(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/transfer`, {
        department: 'refunds',
        reason: 'refund question',
      }),
    );
    expect(transferred.openTasks.map((t) => t.department)).toEqual(['refunds']);
  });

  it('resumes a held task when the customer writes', async () => {
    const ticket = await newTicket('Customer replies');
    const taskId = ticket.openTasks[0]!.id;
    await json(await h.call('agent', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'asked for a photo' }));
    const res = await h.call('agent', 'POST', `/api/tickets/${ticket.id}/messages`, {
      text: 'Here is the photo',
    });
    expect(res.status).toBe(202);
    const after = await json<Detail>(await h.call('agent', 'GET', `/api/tickets/${ticket.id}`));
    expect(after.openTasks[0]).toMatchObject({ held: false });
  });

  it('grants an extension requested by an agent (lead only) and records a denial', async () => {
    const ticket = await newTicket('Need more time');
    const taskId = ticket.openTasks[0]!.id;
    const request = await json<{ id: string; status: string }>(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/extension-requests`, {
        extendByMinutes: 30,
        reason: 'waiting for the warehouse',
      }),
      201,
    );
    expect(request.status).toBe('pending');
    expect(
      (
        await h.call('agent', 'POST', `/api/tasks/${taskId}/extension-requests`, {
          extendByMinutes: 5,
          reason: 'again',
        })
      ).status,
    ).toBe(409);
    // A plain agent and another department's manager may not decide.
    expect((await h.call('agent', 'POST', `/api/extension-requests/${request.id}/grant`, {})).status).toBe(
      403,
    );
    expect(
      (await h.call('otherManager', 'POST', `/api/extension-requests/${request.id}/grant`, {})).status,
    ).toBe(403);
    const pending = await json<{ items: { id: string }[] }>(
      await h.call('lead', 'GET', '/api/extension-requests'),
    );
    expect(pending.items.map((x) => x.id)).toContain(request.id);

    const granted = await json<{ status: string; decidedBy: string }>(
      await h.call('lead', 'POST', `/api/extension-requests/${request.id}/grant`, { note: 'ok' }),
    );
    expect(granted).toMatchObject({ status: 'granted', decidedBy: h.ids.lead });
    const detail = await json<Detail>(await h.call('agent', 'GET', `/api/tickets/${ticket.id}`));
    expect(detail.openTasks[0]?.dueAt).toBe(
      new Date(Date.parse(ticket.openTasks[0]!.dueAt) + 30 * 60_000).toISOString(),
    );
    expect((await h.call('lead', 'POST', `/api/extension-requests/${request.id}/deny`, {})).status).toBe(409);

    const second = await json<{ id: string }>(
      await h.call('agent', 'POST', `/api/tasks/${taskId}/extension-requests`, {
        extendByMinutes: 60,
        reason: 'more',
      }),
      201,
    );
    const denied = await json<{ status: string }>(
      await h.call('manager', 'POST', `/api/extension-requests/${second.id}/deny`, { note: 'no' }),
    );
    expect(denied.status).toBe('denied');
  });

  it('cancels a ticket', async () => {
    const ticket = await newTicket('Cancel me');
    expect((await h.call('otherAgent', 'POST', `/api/tickets/${ticket.id}/cancel`, {})).status).toBe(403);
    const cancelled = await json<Detail>(
      await h.call('agent', 'POST', `/api/tickets/${ticket.id}/cancel`, { reason: 'duplicate' }),
    );
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.openTasks).toEqual([]);
    expect((await h.call('agent', 'POST', `/api/tickets/${ticket.id}/cancel`, {})).status).toBe(409);
  });
});
