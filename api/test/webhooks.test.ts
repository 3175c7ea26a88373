// Webhooks out through the API on the in-memory runtime, posting to real HTTP receivers on
// 127.0.0.1: subscriptions checked and kept by admins and developers, every event of a ticket's
// life delivered signed, a failing receiver retried and logged until it answers, a dead one given
// up after the last attempt and delivered again once fixed, and filters (type, paused) honoured.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type InMemoryRuntime, WEBHOOK_RETRY, verifyWebhook } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

type Received = { headers: IncomingHttpHeaders; body: string; json: { event: string; [k: string]: unknown } };
type Receiver = { url: string; received: Received[]; answers: number[]; close(): Promise<void> };

/** A real HTTP receiver answering each POST with the next of `answers` (then 200). */
async function receiver(answers: number[] = []): Promise<Receiver> {
  const received: Received[] = [];
  const queue = [...answers];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body, json: JSON.parse(body) as Received['json'] });
      const status = queue.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver is down');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    answers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: connections are refused. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/hooks`;
}

let h: Harness;
let ok_: Receiver;
const receivers: Receiver[] = [];
const settled = async () => {
  const runtime = h.deps.runtime as InMemoryRuntime;
  await runtime.settled();
  await runtime.webhooksSettled();
};
const ok = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const response = await res;
  if (response.status >= 300) throw new Error(`${response.status} ${await response.text()}`);
  return (response.status === 204 || response.status === 202 ? undefined : await response.json()) as T;
};
type Subscription = { id: string; secret: string; secretHint: string };
type Delivery = {
  id: string;
  event: string;
  eventId: string;
  status: string;
  attempts: number;
  lastError: string | null;
  log: { attempt: number; statusCode: number | null; error: string | null; responseExcerpt: string | null }[];
};
const subscribe = (body: Record<string, unknown>) =>
  ok<Subscription>(h.call('developer', 'POST', '/api/webhooks', body));
const deliveries = async (id: string) =>
  (await ok<{ items: Delivery[] }>(h.call('developer', 'GET', `/api/webhooks/${id}/deliveries`))).items;

async function newTicket(title: string) {
  const created = await ok<{ id: string; openTasks: { id: string }[] }>(
    h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title,
      customer: { email: 'ana@customer.example' },
      fields: { orderNumber: 'K-1' },
    }),
  );
  await settled();
  return created;
}

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', webhookRetryDelayMs: () => 5 });
  await deploySupportRefunds(h);
  ok_ = await receiver();
  receivers.push(ok_);
});
afterAll(async () => {
  await h?.close();
  await Promise.all(receivers.map((r) => r.close()));
});

describe('webhook subscriptions', () => {
  it('refuses bad subscriptions, naming the field, and keeps nothing of them', async () => {
    const refused = [
      { url: 'ftp://crm.example/x', events: ['ticket.done'] },
      { url: ok_.url, events: [] },
      { url: ok_.url, events: ['ticket.exploded'] },
      { url: ok_.url, events: ['ticket.done'], typeId: 'no-such-type' },
    ];
    const fields = [];
    for (const body of refused) {
      const res = await h.call('developer', 'POST', '/api/webhooks', body);
      expect(res.status).toBe(422);
      const problem = (await res.json()) as { errors: { path: string }[] };
      fields.push(problem.errors[0]!.path);
    }
    expect(fields).toEqual(['body.url', 'body.events', 'body.events.0', 'body.typeId']);
    expect(
      (await h.call('agent', 'POST', '/api/webhooks', { url: ok_.url, events: ['ticket.done'] })).status,
    ).toBe(403);
    expect((await h.call('agent', 'GET', '/api/webhooks')).status).toBe(403);
    expect((await ok<{ items: unknown[] }>(h.call('admin', 'GET', '/api/webhooks'))).items).toEqual([]);
  });
});

describe('deliveries', () => {
  let all: Subscription;
  let ticketId: string;

  it("delivers every event of a ticket's life, signed with the secret answered once", async () => {
    all = await subscribe({
      url: ok_.url,
      description: 'CRM',
      events: ['ticket.created', 'ticket.stage_changed', 'ticket.sla_level', 'ticket.done', 'ticket.rated'],
    });
    expect(all.secret).toMatch(/^whsec_/);
    const listed = await ok<{ items: Record<string, unknown>[] }>(h.call('admin', 'GET', '/api/webhooks'));
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).not.toHaveProperty('secret');
    expect(listed.items[0]!.secretHint).toBe(all.secretHint);

    const created = await newTicket('Refund for order K-1');
    ticketId = created.id;
    const task = `/api/tasks/${created.openTasks[0]!.id}`;
    await ok(h.call('agent', 'POST', `${task}/claim`, {}));
    const { token } = await ok<{ token: string }>(
      h.call('agent', 'POST', `/api/tickets/${ticketId}/status-link`),
    );
    await ok(h.call('agent', 'POST', `${task}/complete`, { outcome: 'solved' }));
    await settled();
    await ok(h.call(null, 'POST', `/api/status/${token}/rating`, { score: 2, comment: 'Slow' }));
    // The rating is queued by the API; its dispatcher polls.
    await expect
      .poll(() => ok_.received.map((r) => r.json.event), { timeout: 5_000 })
      .toContain('ticket.rated');
    await settled();

    expect(ok_.received.map((r) => r.json.event)).toEqual([
      'ticket.created',
      'ticket.stage_changed',
      'ticket.done',
      'ticket.rated',
    ]);
    const now = Math.floor(Date.now() / 1000);
    for (const { headers, body, json } of ok_.received) {
      expect(verifyWebhook(all.secret, body, headers['baton-signature'] as string, now)).toBe(true);
      expect(verifyWebhook('whsec_wrong', body, headers['baton-signature'] as string, now)).toBe(false);
      expect(headers['baton-event']).toBe(json.event);
      expect(json).toMatchObject({ ticket: { id: ticketId, title: 'Refund for order K-1' } });
    }
    expect(ok_.received[1]!.json).toMatchObject({
      data: { stage: { department: 'support', name: expect.any(String) } },
    });
    expect(ok_.received[2]!.json).toMatchObject({ ticket: { status: 'done' } });
    expect(ok_.received[3]!.json).toMatchObject({ data: { score: 2, comment: 'Slow', review: true } });

    const log = await deliveries(all.id);
    expect(log.map((d) => [d.event, d.status, d.attempts])).toEqual([
      ['ticket.rated', 'delivered', 1],
      ['ticket.done', 'delivered', 1],
      ['ticket.stage_changed', 'delivered', 1],
      ['ticket.created', 'delivered', 1],
    ]);
    expect(log[0]!.log).toEqual([
      expect.objectContaining({ attempt: 1, statusCode: 200, error: null, responseExcerpt: 'ok' }),
    ]);
    expect(new Set(ok_.received.map((r) => r.headers['baton-delivery']))).toEqual(
      new Set(log.map((d) => d.id)),
    );
  });

  it('retries a failing receiver with backoff and logs each attempt until it answers', async () => {
    const flaky = await receiver([500, 503]);
    receivers.push(flaky);
    const sub = await subscribe({ url: flaky.url, events: ['ticket.created'] });
    await newTicket('Second');
    const [delivery] = await deliveries(sub.id);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 3, lastError: null });
    expect(delivery!.log.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 500, 'answered 500 Internal Server Error'],
      [2, 503, 'answered 503 Service Unavailable'],
      [3, 200, null],
    ]);
    expect(delivery!.log[0]!.responseExcerpt).toBe('receiver is down');
    // The same delivery each time, so a receiver can tell a retry from a new event.
    expect(new Set(flaky.received.map((r) => r.headers['baton-delivery']))).toEqual(new Set([delivery!.id]));
    expect(flaky.received.map((r) => r.headers['baton-attempt'])).toEqual(['1', '2', '3']);
  });

  it('gives up on a dead receiver after the last attempt, and delivers again once it is fixed', async () => {
    const sub = await subscribe({ url: await deadUrl(), events: ['ticket.created'] });
    await newTicket('Third');
    const [failed] = await deliveries(sub.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: WEBHOOK_RETRY.maximumAttempts });
    expect(failed!.log).toHaveLength(WEBHOOK_RETRY.maximumAttempts);
    expect(failed!.log.every((a) => a.statusCode === null && a.error === 'ECONNREFUSED')).toBe(true);

    const fixed = await receiver();
    receivers.push(fixed);
    await ok(h.call('developer', 'PATCH', `/api/webhooks/${sub.id}`, { url: fixed.url }));
    await ok(h.call('developer', 'POST', `/api/webhooks/${sub.id}/deliveries/${failed!.id}/redeliver`));
    await expect.poll(() => fixed.received.length, { timeout: 5_000 }).toBe(1);
    await settled();
    const [again] = await deliveries(sub.id);
    expect(again).toMatchObject({
      id: failed!.id,
      status: 'delivered',
      attempts: WEBHOOK_RETRY.maximumAttempts + 1,
    });
    expect(fixed.received[0]!.json.eventId).toBe(failed!.eventId);
    const res = await h.call(
      'developer',
      'POST',
      `/api/webhooks/${sub.id}/deliveries/${failed!.id}/redeliver`,
    );
    expect(res.status).toBe(202);
  });

  it('queues nothing for a paused subscription or one of another ticket type, and signs with a rotated secret', async () => {
    const paused = await subscribe({ url: ok_.url, events: ['ticket.created'], active: false });
    const otherType = await subscribe({ url: ok_.url, events: ['ticket.created'], typeId: 'refund-request' });
    await h.t.pool.query("insert into ticket_types (id, name) values ('call', 'Call')");
    const elsewhere = await subscribe({ url: ok_.url, events: ['ticket.created'], typeId: 'call' });
    const rotated = await ok<Subscription>(
      h.call('developer', 'PATCH', `/api/webhooks/${otherType.id}`, { rotateSecret: true }),
    );
    expect(rotated.secret).not.toBe(otherType.secret);
    const before = ok_.received.length;
    const ticket = await newTicket('Fourth');
    expect(await deliveries(paused.id)).toEqual([]);
    expect(await deliveries(elsewhere.id)).toEqual([]);
    const mine = ok_.received
      .slice(before)
      .filter((r) => (r.json.ticket as { id: string }).id === ticket.id && r.json.event === 'ticket.created');
    // `all` and `otherType` follow ticket.created: two deliveries, each signed with its own secret.
    expect(mine).toHaveLength(2);
    const now = Math.floor(Date.now() / 1000);
    const signedWithRotated = mine.filter((r) =>
      verifyWebhook(rotated.secret, r.body, r.headers['baton-signature'] as string, now),
    );
    expect(signedWithRotated).toHaveLength(1);
  });

  it('deletes a subscription with its log', async () => {
    expect((await h.call('developer', 'DELETE', `/api/webhooks/${all.id}`)).status).toBe(204);
    expect((await h.call('developer', 'GET', `/api/webhooks/${all.id}/deliveries`)).status).toBe(404);
    expect((await h.call('developer', 'DELETE', `/api/webhooks/${all.id}`)).status).toBe(404);
  });
});
