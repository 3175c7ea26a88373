// Timing rules through the API: versioned saves checked field by field, and the clocks they give
// a ticket run by the real engine on the in-memory runtime: a resolution clock that a hold pauses
// and a customer message resumes, a first-response clock an agent's reply stops, and a ticket
// that keeps the rule version it was created under.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';
import type { RuleClockFigures as Figures } from '../src/reports/rule-clocks.js';

const MIN = 60_000;
const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;

const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
  const response = await res;
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
};

// Wall-clock rules (no calendar): every minute counts, so the figures are exact.
const resolution = {
  name: 'Resolution',
  start: [{ on: 'ticket.created' }],
  pause: [{ on: 'task.held' }],
  resume: [{ on: 'task.resumed' }, { on: 'customer.message' }],
  stop: [{ on: 'ticket.done' }, { on: 'ticket.cancelled' }],
  targetsMs: { medium: 120 * MIN },
  followOwner: false,
  warnAt: 0.75,
  severeAt: 1.5,
};
const firstResponse = {
  ...resolution,
  name: 'First response',
  pause: [],
  resume: [],
  stop: [{ on: 'agent.reply' }],
  targetsMs: { medium: 30 * MIN },
};

type Version = { key: string; version: number; active: boolean; rule: { targetsMs: Record<string, number> } };
type Clock = {
  key: string;
  version: number;
  state: string;
  level: string;
  met?: boolean;
  targetMs: number;
  explanation?: {
    consumedMs: number;
    pauses: { from: number; to?: number; reason: string }[];
    ledger: { kind: string }[];
  };
};
type Detail = { clocks: Clock[]; openTasks: { id: string }[] };

const detail = (ticketId: string) => json<Detail>(h.call('agent', 'GET', `/api/tickets/${ticketId}`));
const clockOf = async (ticketId: string, key: string) =>
  (await detail(ticketId)).clocks.find((c) => c.key === key);
const openTicket = async () => {
  const created = await json<{ id: string; openTasks: { id: string }[] }>(
    h.call('agent', 'POST', '/api/tickets', {
      typeId: 'refund-request',
      title: 'Refund for order M-7',
      customer: { name: 'Wang Fang', email: 'wang.fang@example.com' },
      fields: { orderNumber: 'M-7' },
    }),
    201,
  );
  await settled();
  return { ticketId: created.id, taskId: created.openTasks[0]!.id };
};

beforeAll(async () => {
  h = await createHarness({
    runtime: 'in-memory',
    start: START,
    config: { supportAddress: 'support@baton.test' },
  });
  await deploySupportRefunds(h);
});
afterAll(() => h?.close());

describe('timing rules', () => {
  it('saves each change as a new version, and lists every rule at its latest', async () => {
    const first = await json<Version>(
      h.call('owner', 'PUT', '/api/timing-rules/resolution', { rule: resolution }),
      201,
    );
    expect(first).toMatchObject({ key: 'resolution', version: 1, active: true });
    await json(h.call('owner', 'PUT', '/api/timing-rules/first-response', { rule: firstResponse }), 201);
    const list = await json<{ items: Version[] }>(h.call('agent', 'GET', '/api/timing-rules'));
    expect(list.items.map((v) => [v.key, v.version])).toEqual([
      ['first-response', 1],
      ['resolution', 1],
    ]);
  });

  it('refuses a rule naming each wrong field, and adds no version', async () => {
    const res = await h.call('owner', 'PUT', '/api/timing-rules/resolution', {
      rule: {
        ...resolution,
        targetsMs: { high: 5 },
        stop: [{ on: 'task.closed', department: 'nowhere' }],
        calendar: 'mars',
        filter: 'amount >',
      },
    });
    expect(res.status).toBe(422);
    const problem = (await res.json()) as { detail: string; errors: { path: string }[] };
    expect(problem.detail).toContain('resolution');
    expect(problem.errors.map((e) => e.path)).toEqual([
      'body.rule.filter',
      'body.rule.stop.0.department',
      'body.rule.targetsMs.high',
      'body.rule.calendar',
    ]);
    const typed = await h.call('owner', 'PUT', '/api/timing-rules/resolution', {
      rule: { ...resolution, targetsMs: { high: '4h' } },
    });
    expect(typed.status).toBe(422);
    expect(((await typed.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'body.rule.targetsMs.high',
    ]);
    expect((await h.call('agent', 'PUT', '/api/timing-rules/resolution', { rule: resolution })).status).toBe(
      403,
    );
    const versions = await json<{ items: Version[] }>(h.call('agent', 'GET', '/api/timing-rules/resolution'));
    expect(versions.items.map((v) => v.version)).toEqual([1]);
    expect((await h.call('agent', 'GET', '/api/timing-rules/no-such-rule')).status).toBe(404);
  });

  it("times a ticket: a hold pauses the resolution clock, the customer's message resumes it, an agent's reply stops the first-response clock", async () => {
    const { ticketId, taskId } = await openTicket();
    await json(h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}));
    await h.clock!.advance(10 * MIN);
    await json(h.call('agent', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'asked for the receipt' }));
    await h.clock!.advance(25 * MIN);
    await settled();

    const held = await clockOf(ticketId, 'resolution');
    expect(held).toMatchObject({ version: 1, state: 'paused', level: 'ok', targetMs: 120 * MIN });
    expect(held?.explanation?.consumedMs).toBe(10 * MIN);
    expect(held?.explanation?.pauses).toEqual([{ from: START + 10 * MIN, reason: 'asked for the receipt' }]);
    // Nobody has answered the customer in 35 minutes: past the 30-minute first response.
    expect(await clockOf(ticketId, 'first-response')).toMatchObject({ state: 'running', level: 'overdue' });

    await json(
      h.call('agent', 'POST', `/api/tickets/${ticketId}/messages`, { text: 'here is the receipt' }),
      202,
    );
    await h.clock!.advance(5 * MIN);
    await json(
      h.call('agent', 'POST', `/api/tickets/${ticketId}/replies`, { text: 'Thank you, refunding now.' }),
      201,
    );
    await h.clock!.advance(5 * MIN);
    await settled();

    const resumed = await clockOf(ticketId, 'resolution');
    expect(resumed).toMatchObject({ state: 'running' });
    expect(resumed?.explanation?.consumedMs).toBe(20 * MIN);
    expect(resumed?.explanation?.ledger.map((s) => s.kind)).toEqual(['counting', 'paused', 'counting']);
    expect(await clockOf(ticketId, 'first-response')).toMatchObject({
      state: 'stopped',
      met: false,
      level: 'overdue',
    });
  });

  it('keeps a ticket on the rule version it was created under', async () => {
    const before = await openTicket();
    await h.clock!.advance(MIN);
    const v2 = await json<Version>(
      h.call('owner', 'PUT', '/api/timing-rules/resolution', {
        rule: { ...resolution, targetsMs: { medium: 60 * MIN } },
      }),
      201,
    );
    expect(v2.version).toBe(2);
    await h.clock!.advance(MIN);
    const after = await openTicket();
    expect(await clockOf(before.ticketId, 'resolution')).toMatchObject({ version: 1, targetMs: 120 * MIN });
    expect(await clockOf(after.ticketId, 'resolution')).toMatchObject({ version: 2, targetMs: 60 * MIN });

    // Retired: tickets created later have no such clock; earlier ones keep theirs.
    await h.clock!.advance(MIN);
    await json(
      h.call('owner', 'PUT', '/api/timing-rules/resolution', { rule: resolution, active: false }),
      201,
    );
    await h.clock!.advance(MIN);
    const retired = await openTicket();
    expect((await detail(retired.ticketId)).clocks.map((c) => c.key)).toEqual(['first-response']);
    expect(await clockOf(after.ticketId, 'resolution')).toMatchObject({ version: 2 });
  });
  it('applies the latest version to running tickets created under earlier ones, keeping the time counted', async () => {
    // The last test retired the rule: nothing to apply.
    const retired = await h.call('owner', 'POST', '/api/timing-rules/resolution/apply', {});
    expect(retired.status).toBe(409);
    await h.clock!.advance(MIN);
    await json(
      h.call('owner', 'PUT', '/api/timing-rules/resolution', {
        rule: { ...resolution, targetsMs: { medium: 60 * MIN } },
      }),
      201,
    );
    await h.clock!.advance(MIN);
    const ticket = await openTicket();
    await h.clock!.advance(30 * MIN);
    await json(
      h.call('owner', 'PUT', '/api/timing-rules/resolution', {
        rule: { ...resolution, targetsMs: { medium: 90 * MIN } },
      }),
      201,
    );
    type Timeline = {
      timeline: { seq: number; type: string; at: string; actorId: string | null; data: unknown }[];
    };
    // Read (and so kept in the API's detail cache) before the apply.
    const before = await json<Timeline>(h.call('agent', 'GET', `/api/tickets/${ticket.ticketId}`));
    const appliedAt = h.clock!.now();
    expect((await h.call('agent', 'POST', '/api/timing-rules/resolution/apply', {})).status).toBe(403);
    const answer = await json<{ version: number; tickets: number }>(
      h.call('owner', 'POST', '/api/timing-rules/resolution/apply', {}),
    );
    expect(answer.version).toBe(5);
    // Every running ticket of this file created under an active earlier version (v1, v2, v4); not
    // the one created while the rule was retired (v3).
    expect(answer.tickets).toBe(4);
    // The timeline says who applied which version, after the steps recorded before it.
    const after = await json<Timeline>(h.call('agent', 'GET', `/api/tickets/${ticket.ticketId}`));
    expect(after.timeline.slice(0, -1)).toEqual(before.timeline);
    expect(after.timeline.at(-1)).toEqual({
      seq: before.timeline.at(-1)!.seq,
      type: 'timing.ruleApplied',
      at: new Date(appliedAt).toISOString(),
      actorId: h.ids.owner,
      taskId: null,
      data: { key: 'resolution', version: 5, name: 'Resolution' },
    });
    await h.clock!.advance(10 * MIN);
    const clock = (await clockOf(ticket.ticketId, 'resolution')) as Clock & {
      explanation: { recalculations: { targetMs?: { from: number; to: number }; reason: string }[] };
    };
    expect(clock).toMatchObject({ version: 5, targetMs: 90 * MIN, state: 'running' });
    expect(clock.explanation.consumedMs).toBe(40 * MIN);
    expect(clock.explanation.recalculations).toMatchObject([
      {
        targetMs: { from: 60 * MIN, to: 90 * MIN },
        reason: 'version 5 of timing rule "Resolution" was applied',
      },
    ]);
    // A repeat reaches nobody.
    expect(await json(h.call('owner', 'POST', '/api/timing-rules/resolution/apply', {}))).toEqual({
      version: 5,
      tickets: 0,
    });
  });

  it("reports the rules' clocks: attainment of the stopped ones, paused time beside counted, open and overdue now", async () => {
    const quick = await openTicket();
    await h.clock!.advance(5 * MIN);
    await json(h.call('agent', 'POST', `/api/tickets/${quick.ticketId}/replies`, { text: 'On it.' }), 201);
    const held = await openTicket();
    await json(h.call('agent', 'POST', `/api/tasks/${held.taskId}/claim`, {}));
    await h.clock!.advance(10 * MIN);
    await json(
      h.call('agent', 'POST', `/api/tasks/${held.taskId}/hold`, { reason: 'waiting for the receipt' }),
    );
    await h.clock!.advance(30 * MIN);
    await json(
      h.call('agent', 'POST', `/api/tickets/${held.ticketId}/cancel`, { reason: 'customer withdrew' }),
    );
    await settled();

    // As stored: the cancelled ticket's resolution clock counted 10 min and paused 30, apart.
    const { rows: stored } = await h.t.pool.query<{
      state: string;
      met: boolean;
      counted_ms: string;
      paused_ms: string;
    }>(
      `select state, met, counted_ms, paused_ms from ticket_clocks where ticket_id = $1 and rule_key = 'resolution'`,
      [held.ticketId],
    );
    expect(stored).toEqual([
      { state: 'stopped', met: true, counted_ms: String(10 * MIN), paused_ms: String(30 * MIN) },
    ]);

    const from = new Date(START - 86_400_000).toISOString();
    const to = new Date(h.clock!.now() + 86_400_000).toISOString();
    const report = await json<{
      rules: ({ key: string; name: string; overall: Figures } & {
        departments: ({ department: string | null } & Figures)[];
      })[];
    }>(h.call('manager', 'GET', `/api/reports/rule-clocks?range=custom&from=${from}&to=${to}`));

    // The oracle: every ticket's clocks as its detail measures them now.
    const { rows: ids } = await h.t.pool.query<{ id: string }>('select id from tickets order by id');
    const clocks = (
      await Promise.all(ids.map(async ({ id }) => (await detail(id)).clocks))
    ).flat() as (Clock & {
      stoppedAt?: number;
    })[];
    const expected = (key: string): Figures => {
      const mine = clocks.filter((c) => c.key === key);
      const stopped = mine.filter((c) => c.state === 'stopped');
      const counted = stopped.map((c) => c.explanation!.consumedMs).sort((a, b) => a - b);
      const paused = stopped.map((c) =>
        c.explanation!.pauses.reduce((sum, p) => sum + ((p.to ?? c.stoppedAt!) - p.from), 0),
      );
      const pausedSum = paused.reduce((a, b) => a + b, 0);
      const countedSum = counted.reduce((a, b) => a + b, 0);
      const open = mine.filter((c) => c.state === 'running' || c.state === 'paused');
      return {
        stopped: stopped.length,
        met: stopped.filter((c) => c.met).length,
        attainment: stopped.length > 0 ? stopped.filter((c) => c.met).length / stopped.length : null,
        p50CountedMs: percentile(counted, 0.5),
        p90CountedMs: percentile(counted, 0.9),
        meanPausedMs: stopped.length > 0 ? pausedSum / stopped.length : null,
        pausedShare: pausedSum + countedSum > 0 ? pausedSum / (pausedSum + countedSum) : null,
        openNow: open.length,
        overdueNow: open.filter((c) => c.level === 'overdue' || c.level === 'severe').length,
      };
    };
    expect(report.rules.map((r) => [r.key, r.name])).toEqual([
      ['first-response', 'First response'],
      ['resolution', 'Resolution'],
    ]);
    for (const rule of report.rules) {
      expect(rule.overall, rule.key).toEqual(expected(rule.key));
      // Every ticket of this file entered at support: one department, the same figures.
      expect(rule.departments, rule.key).toEqual([{ department: 'support', ...expected(rule.key) }]);
    }
    // The figures are not empty by accident: both kinds of clock stopped, met and missed.
    expect(report.rules.find((r) => r.key === 'first-response')!.overall).toMatchObject({
      stopped: 2,
      met: 1,
    });
    expect(report.rules.find((r) => r.key === 'resolution')!.overall.stopped).toBeGreaterThanOrEqual(1);
    expect(report.rules.find((r) => r.key === 'resolution')!.overall.meanPausedMs).toBeGreaterThan(0);

    // Another department shows nothing of these tickets, and a lead of support may not ask for it.
    const refunds = await json<{ rules: unknown[] }>(
      h.call(
        'admin',
        'GET',
        `/api/reports/rule-clocks?range=custom&from=${from}&to=${to}&department=refunds`,
      ),
    );
    expect(refunds.rules).toEqual([]);
    expect(
      (
        await h.call(
          'lead',
          'GET',
          `/api/reports/rule-clocks?range=custom&from=${from}&to=${to}&department=refunds`,
        )
      ).status,
    ).toBe(403);
  });
  it('times the stretch a status trigger names: on hold (pending) until the ticket is worked on again', async () => {
    const waiting = {
      ...resolution,
      name: 'Waiting on the customer',
      start: [{ on: 'status.changed', status: 'pending' }],
      pause: [],
      resume: [],
      stop: [{ on: 'status.changed', status: 'in_progress' }, { on: 'ticket.done' }],
    };
    await json(h.call('owner', 'PUT', '/api/timing-rules/waiting-on-customer', { rule: waiting }), 201);
    await h.clock!.advance(MIN);
    const { ticketId, taskId } = await openTicket();
    await json(h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}));
    await h.clock!.advance(5 * MIN);
    expect(await clockOf(ticketId, 'waiting-on-customer')).toMatchObject({ state: 'waiting' });
    const heldAt = h.clock!.now();
    await json(h.call('agent', 'POST', `/api/tasks/${taskId}/hold`, { reason: 'asked for the receipt' }));
    await h.clock!.advance(40 * MIN);
    await json(h.call('agent', 'POST', `/api/tasks/${taskId}/resume`, {}));
    await settled();
    const clock = await clockOf(ticketId, 'waiting-on-customer');
    expect(clock).toMatchObject({ state: 'stopped', startedAt: heldAt, stoppedAt: heldAt + 40 * MIN });
    expect(clock?.explanation?.consumedMs).toBe(40 * MIN);
    const { timeline } = await json<{ timeline: { type: string; data: { to?: string } }[] }>(
      h.call('agent', 'GET', `/api/tickets/${ticketId}`),
    );
    const statuses = timeline.filter((entry) => entry.type === 'ticket.status').map((entry) => entry.data.to);
    expect(statuses).toEqual(['in_progress', 'pending', 'in_progress']);
  });
});

/** Postgres' percentile_cont: linear between the two nearest ranks. */
function percentile(sorted: number[], fraction: number): number | null {
  if (sorted.length === 0) return null;
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}
