// Satisfaction through the API on the in-memory runtime: a done ticket rated from its status
// page (once), a bad rating opening a review for the department's manager with an in-app notice,
// the review closed by them and refused to another department's, and the report per department
// and agent with bad ratings of late and on-time tickets apart.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const ok = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const response = await res;
  if (response.status >= 300) throw new Error(`${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};

/** A ticket triaged as solved by the support agent (done), and its status link's token. */
async function doneTicket(title: string, lateByMs = 0): Promise<{ id: string; token: string }> {
  const created = await ok<{ id: string; openTasks: { id: string }[] }>(
    h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title,
      customer: { email: 'ana@customer.example' },
      fields: { orderNumber: 'K-1' },
    }),
  );
  const task = `/api/tasks/${created.openTasks[0]!.id}`;
  await ok(h.call('agent', 'POST', `${task}/claim`, {}));
  if (lateByMs) await h.clock!.advance(60 * 60_000 + lateByMs); // past the one-hour triage target
  const { token } = await ok<{ token: string }>(
    h.call('agent', 'POST', `/api/tickets/${created.id}/status-link`),
  );
  await ok(h.call('agent', 'POST', `${task}/complete`, { outcome: 'solved' }));
  await settled();
  return { id: created.id, token };
}

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  await deploySupportRefunds(h);
  await h.t.pool.query("update departments set manager_user_id = $1 where key = 'support'", [h.ids.manager]);
  // The refunds manager answers for refunds only (the default covers every department).
  await h.t.pool.query("update users set manager_scope = 'memberships' where id = $1", [h.ids.otherManager]);
});
afterAll(() => h?.close());

describe('satisfaction', () => {
  let bad: { id: string; token: string };

  it('asks for a rating only once the ticket is done, and takes one', async () => {
    const good = await doneTicket('Thanks for the quick help');
    const before = await ok<{ state: string; canRate: boolean }>(
      h.call(null, 'GET', `/api/status/${good.token}`),
    );
    expect(before).toMatchObject({ state: 'done', canRate: true });
    const rated = await h.call(null, 'POST', `/api/status/${good.token}/rating`, {
      score: 5,
      comment: 'Great',
    });
    expect(rated.status).toBe(201);
    expect(await rated.json()).toMatchObject({ canRate: false, rating: { score: 5, comment: 'Great' } });
    const again = await h.call(null, 'POST', `/api/status/${good.token}/rating`, { score: 1 });
    expect(again.status).toBe(409);
    expect(
      await h.call(null, 'POST', `/api/status/${good.token}/rating`, { score: 6 }).then((r) => r.status),
    ).toBe(422);
    expect((await ok<{ items: unknown[] }>(h.call('manager', 'GET', '/api/reviews'))).items).toEqual([]);
  });

  it('opens a review for the department’s manager on a bad rating, and tells them', async () => {
    bad = await doneTicket('Took forever', 30 * 60_000);
    await ok(
      h.call(null, 'POST', `/api/status/${bad.token}/rating`, { score: 1, comment: 'Nobody answered' }),
    );
    const reviews = await ok<{
      items: { ticketId: string; score: number; department: string; late: boolean }[];
    }>(h.call('manager', 'GET', '/api/reviews'));
    expect(reviews.items).toEqual([
      expect.objectContaining({
        ticketId: bad.id,
        score: 1,
        department: 'support',
        late: true,
        agentId: h.ids.agent,
      }),
    ]);
    const notices = await ok<{ items: { subject: string }[] }>(
      h.call('manager', 'GET', '/api/notifications'),
    );
    expect(notices.items.map((n) => n.subject)).toContainEqual(
      expect.stringMatching(/^Bad rating \(1\/5\) on #\d+: Took forever$/),
    );
    // Not the refunds manager's: neither listed nor theirs to close.
    expect((await ok<{ items: unknown[] }>(h.call('otherManager', 'GET', '/api/reviews'))).items).toEqual([]);
  });

  it('lets the manager close the review, once, and nobody else', async () => {
    const outsider = await h.call('otherManager', 'POST', `/api/reviews/${bad.id}/close`, {
      note: 'not mine',
    });
    expect(outsider.status).toBe(403);
    // The ticket shows the rating and its open review, then the closed one with its note.
    type Rated = {
      rating: { score: number; late: boolean; review: { status: string; note: string | null } } | null;
    };
    const ratingOnTicket = async () =>
      (await ok<Rated>(h.call('agent', 'GET', `/api/tickets/${bad.id}/conversation`))).rating;
    expect(await ratingOnTicket()).toMatchObject({
      score: 1,
      comment: 'Nobody answered',
      late: true,
      review: { status: 'open', note: null },
    });
    await ok(h.call('manager', 'POST', `/api/reviews/${bad.id}/close`, { note: 'Called the customer back' }));
    expect(await ratingOnTicket()).toMatchObject({
      review: { status: 'closed', note: 'Called the customer back', reviewedBy: h.ids.manager },
    });
    expect((await ok<{ items: unknown[] }>(h.call('manager', 'GET', '/api/reviews'))).items).toEqual([]);
    expect((await h.call('manager', 'POST', `/api/reviews/${bad.id}/close`, { note: 'again' })).status).toBe(
      409,
    );
  });

  it('reports satisfaction per department and agent, bad ratings of late tickets apart', async () => {
    const from = new Date(START - 86_400_000).toISOString();
    const to = new Date(START + 7 * 86_400_000).toISOString();
    const report = await ok<{
      departments: {
        department: string;
        ratings: number;
        meanScore: number;
        badShare: number;
        badShareWhenLate: number;
        badShareOnTime: number;
      }[];
      agents: { userId: string; ratings: number }[];
    }>(h.call('manager', 'GET', `/api/reports/satisfaction?range=custom&from=${from}&to=${to}`));
    expect(report.departments).toEqual([
      expect.objectContaining({
        department: 'support',
        ratings: 2,
        meanScore: 3,
        badShare: 0.5,
        badShareWhenLate: 1,
        badShareOnTime: 0,
      }),
    ]);
    expect(report.agents).toEqual([expect.objectContaining({ userId: h.ids.agent, ratings: 2 })]);
  });

  it('takes no rating for a cancelled ticket', async () => {
    const created = await ok<{ id: string }>(
      h.call('agent', 'POST', '/api/tickets', {
        typeId: 'refund-request',
        title: 'Never mind',
        customer: { email: 'ana@customer.example' },
        fields: { orderNumber: 'K-2' },
      }),
    );
    const { token } = await ok<{ token: string }>(
      h.call('agent', 'POST', `/api/tickets/${created.id}/status-link`),
    );
    await ok(h.call('manager', 'POST', `/api/tickets/${created.id}/cancel`, {}));
    await settled();
    expect(await ok<{ canRate: boolean }>(h.call(null, 'GET', `/api/status/${token}`))).toMatchObject({
      canRate: false,
    });
    expect((await h.call(null, 'POST', `/api/status/${token}/rating`, { score: 1 })).status).toBe(409);
  });
});
