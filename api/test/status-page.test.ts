// The customer's status page through the API, on the in-memory runtime: what the link shows
// (state, department, expected completion from the open clocks, the conversation without agent
// names), a message from the page resuming the held task, rate limits, revoking, and closed
// tickets.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;
let ticketId: string;
let task: string;
let token: string;

type Status = {
  number: number;
  state: string;
  departments: string[];
  expectedBy: string | null;
  messages: { from: string; text: string }[];
  canWrite: boolean;
};
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const ok = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const response = await res;
  if (response.status >= 300) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};
const status = (t = token) => h.call(null, 'GET', `/api/status/${t}`);

beforeAll(async () => {
  h = await createHarness({
    runtime: 'in-memory',
    start: START,
    config: { supportAddress: 'help@example.test', appUrl: 'https://help.example.test' },
  });
  await deploySupportRefunds(h);
  const created = await ok<{ id: string; openTasks: { id: string }[] }>(
    h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title: 'Refund for a broken kettle',
      customer: { name: 'Ana', email: 'ana@customer.example' },
      fields: { orderNumber: 'K-1' },
    }),
  );
  ticketId = created.id;
  task = `/api/tasks/${created.openTasks[0]!.id}`;
  await ok(h.call('agent', 'POST', `${task}/claim`, {}));
  await ok(h.call('agent', 'POST', `/api/tickets/${ticketId}/replies`, { text: 'We are looking at it.' }));
  const link = await ok<{ url: string; token: string }>(
    h.call('agent', 'POST', `/api/tickets/${ticketId}/status-link`),
  );
  expect(link.url).toBe(`https://help.example.test/status/${link.token}`);
  token = link.token;
  await settled();
});
afterAll(() => h?.close());

describe('the customer status page', () => {
  it('shows the state, the department and the expected completion, and nothing internal', async () => {
    const res = await status();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Status;
    const detail = await ok<{
      number: number;
      sla: { dueAt: string | null };
      stages: { dueAt: string | null }[];
    }>(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
    expect(body).toMatchObject({
      number: detail.number,
      state: 'in-progress',
      departments: ['Support'],
      expectedBy: detail.sla.dueAt ?? detail.stages[0]!.dueAt,
      messages: [{ from: 'support', text: 'We are looking at it.' }],
      canWrite: true,
    });
    expect(body.expectedBy).not.toBeNull();
    // No agent, no user id, no internal ids.
    const text = JSON.stringify(body);
    for (const internal of [h.ids.agent, 'agent@example.test', ticketId, 'Triage'])
      expect(text).not.toContain(internal);
    expect(body).toMatchObject({ agents: [] });
    // Where the admin allows names (BATON_STATUS_PAGE_AGENT_NAMES=on), the page names who holds it.
    h.deps.config.statusPageAgentNames = true;
    try {
      expect(await ok<Status>(status())).toMatchObject({ agents: ['agent'] });
    } finally {
      h.deps.config.statusPageAgentNames = false;
    }
  });

  it('says when it waits for the customer, and a message from the page resumes the held task', async () => {
    await ok(h.call('agent', 'POST', `${task}/hold`, { reason: 'asked for the receipt' }));
    await settled();
    expect(await ok<Status>(status())).toMatchObject({ state: 'waiting-for-you', expectedBy: null });

    const posted = await h.call(null, 'POST', `/api/status/${token}/messages`, {
      text: 'Receipt number R-77.',
    });
    expect(posted.status).toBe(201);
    await settled();
    const after = await ok<Status>(status());
    expect(after.state).toBe('in-progress');
    expect(after.messages.at(-1)).toEqual(
      expect.objectContaining({ from: 'you', text: 'Receipt number R-77.' }),
    );
    const detail = await ok<{ openTasks: { held: boolean }[] }>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}`),
    );
    expect(detail.openTasks[0]!.held).toBe(false);
    const conversation = await ok<{ items: { direction: string; text: string }[] }>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}/conversation`),
    );
    expect(conversation.items.map((m) => [m.direction, m.text])).toEqual([
      ['out', 'We are looking at it.'],
      ['in', 'Receipt number R-77.'],
    ]);
  });

  it('refuses an empty message and a flood of them, adding nothing', async () => {
    const empty = await h.call(null, 'POST', `/api/status/${token}/messages`, { text: '   ' });
    expect(empty.status).toBe(422);
    const codes: number[] = [];
    for (let i = 0; i < 12; i += 1)
      codes.push(
        (await h.call(null, 'POST', `/api/status/${token}/messages`, { text: `again ${i}` })).status,
      );
    // One message is already counted this minute: nine more pass, then the limit holds.
    expect(codes.filter((code) => code === 201)).toHaveLength(9);
    expect(codes.slice(9)).toEqual([429, 429, 429]);
    const messages = (await ok<Status>(status())).messages;
    expect(messages.filter((m) => m.text.startsWith('again '))).toHaveLength(9);
  });

  it('stops working the moment it is revoked, and an unknown token looks the same', async () => {
    const revoked = await ok<{ revoked: boolean }>(
      h.call('agent', 'DELETE', `/api/tickets/${ticketId}/status-link`),
    );
    expect(revoked.revoked).toBe(true);
    const gone = await status();
    expect(gone.status).toBe(404);
    const unknown = await status('0'.repeat(32));
    expect(unknown.status).toBe(404);
    expect(((await gone.json()) as { detail: string }).detail).toBe(
      ((await unknown.json()) as { detail: string }).detail,
    );
    const next = await ok<{ token: string }>(h.call('agent', 'POST', `/api/tickets/${ticketId}/status-link`));
    expect(next.token).not.toBe(token);
    token = next.token;
    expect((await status()).status).toBe(200);
  });

  it('lets nobody outside the department issue or revoke a link', async () => {
    const outsider = await h.call('otherAgent', 'POST', `/api/tickets/${ticketId}/status-link`);
    expect(outsider.status).toBe(403);
  });

  it('shows a closed ticket as done and takes no more messages', async () => {
    await ok(h.call('manager', 'POST', `/api/tickets/${ticketId}/cancel`, { reason: 'duplicate' }));
    await settled();
    expect(await ok<Status>(status())).toMatchObject({
      state: 'cancelled',
      expectedBy: null,
      canWrite: false,
    });
    await h.clock!.advance(61_000); // past the flood's minute
    const late = await h.call(null, 'POST', `/api/status/${token}/messages`, { text: 'hello?' });
    expect(late.status).toBe(409);
  });
});
