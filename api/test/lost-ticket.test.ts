// A ticket the in-memory runtime lost in a restart: actions answer 409 ticket-not-running (not
// "not running" for ever with nothing to do), and an admin can cancel it, which closes its open
// stages in the read model. Real database, the real in-memory runtime, restarted.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createHarness, problemOf, type Harness } from './harness.js';
import { inMemoryRuntime } from './runtime.js';

const XML = readFileSync(new URL('./flows/support-refunds.bpmn', import.meta.url), 'utf8');
let h: Harness;

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await h.call('owner', 'POST', '/api/ticket-types', { id: 'refund-request', name: 'Refund request' });
  await h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', { xml: XML });
  expect((await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {})).status).toBe(
    201,
  );
});
afterAll(() => h?.close());

describe('a ticket lost by an in-memory restart', () => {
  it('refuses actions as not running, and lets an admin (only) cancel it', async () => {
    const created = await h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title: 'Lost one',
    });
    const ticket = (await created.json()) as { id: string; openTasks: { id: string }[] };
    // The process restarts: a fresh in-memory runtime knows nothing of the ticket.
    const restarted = inMemoryRuntime(h.t.db, h.clock!.now());
    const app = createApp({ ...h.deps, runtime: restarted.runtime });
    const call = (person: 'agent' | 'admin', path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { authorization: `Bearer ${h.tokens[person]}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    // The detail knows the engine does not run it: nothing that needs the engine is offered, an
    // extension request neither (no grant could ever reach the engine).
    const shown = await app.request(`/api/tickets/${ticket.id}`, {
      headers: { authorization: `Bearer ${h.tokens.agent}` },
    });
    const detail = (await shown.json()) as {
      live: boolean;
      openTasks: { actions: Record<string, unknown> }[];
    };
    expect(detail.openTasks.map((t) => t.actions)).toEqual([
      {
        claim: false,
        complete: null,
        transfer: null,
        return: false,
        hold: false,
        resume: false,
        requestExtension: false,
        cancel: false,
      },
    ]);
    expect(detail.live).toBe(false);

    const claim = await problemOf(await call('agent', `/api/tasks/${ticket.openTasks[0]!.id}/claim`, {}));
    expect([claim.status, claim.code]).toEqual([409, 'ticket-not-running']);
    expect(claim.detail).toMatch(/an admin can cancel it/);
    // The agent created it, but only an admin may close what the engine lost.
    const byAgent = await problemOf(
      await call('agent', `/api/tickets/${ticket.id}/cancel`, { reason: 'gone' }),
    );
    expect(byAgent.code).toBe('ticket-not-running');

    const byAdmin = await call('admin', `/api/tickets/${ticket.id}/cancel`, { reason: 'lost in a restart' });
    expect(byAdmin.status).toBe(200);
    const closed = (await byAdmin.json()) as {
      status: string;
      openTasks: unknown[];
      stages: { closedAt: string | null; outcome: string | null }[];
      timeline: { type: string; actorId: string | null; data: Record<string, unknown> }[];
    };
    expect(closed.status).toBe('cancelled');
    expect(closed.openTasks).toEqual([]);
    expect(closed.stages.every((s) => s.closedAt !== null && s.outcome === 'cancelled')).toBe(true);
    expect(closed.timeline.at(-1)).toMatchObject({
      type: 'ticket.closedOutside',
      actorId: h.ids.admin,
      data: { reason: 'lost in a restart', source: 'admin' },
    });
    // Closed now: a second cancel is a plain conflict.
    expect((await call('admin', `/api/tickets/${ticket.id}/cancel`, {})).status).toBe(409);
    await restarted.runtime.close();
  });
});
