// Reopening a done ticket over HTTP (in-memory runtime): the detail offers where it may go back
// to, a reopen runs the ticket on from there as the flow is drawn, and what cannot be reopened
// (cancelled, running, elsewhere, by someone not in charge) is refused without changing anything.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness, type Person } from './harness.js';

const START = Date.parse('2026-03-16T09:00:00Z');
let h: Harness;

type Detail = {
  id: string;
  status: string;
  closedAt: string | null;
  openTasks: { id: string; elementId: string; department: string | null }[];
  stages: { elementId: string; closedAt: string | null; outcome: string | null }[];
  timeline: { type: string; actorId: string | null; data: Record<string, unknown> }[];
  reopen: { elementId: string; name: string }[] | null;
  clocks: {
    key: string;
    cycle: number;
    state: string;
    startedAt?: number;
    stoppedAt?: number;
    earlier: { cycle: number; state: string; startedAt?: number; stoppedAt?: number; met?: boolean }[];
  }[];
};

const json = async <T>(res: Response | Promise<Response>, status = 200): Promise<T> => {
  const response = await res;
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
};
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const detail = (ticketId: string, person: Person = 'agent') =>
  json<Detail>(h.call(person, 'GET', `/api/tickets/${ticketId}`));
const reopen = (ticketId: string, body: unknown, person: Person = 'agent') =>
  h.call(person, 'POST', `/api/tickets/${ticketId}/reopen`, body);

/** A ticket that support triaged as solved: done, last in support's charge. */
async function solvedTicket(): Promise<string> {
  const { ticketId, taskId } = await openTicket(h, 'agent');
  await json(h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}));
  await h.clock!.advance(10 * 60_000);
  await json(h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'solved' }));
  await settled();
  expect((await detail(ticketId)).status).toBe('done');
  return ticketId;
}

/** A ticket support sent on to refunds, who finished it: support still sees it, refunds is in charge. */
async function refundedTicket(): Promise<string> {
  const { ticketId, taskId } = await openTicket(h, 'agent');
  await json(h.call('agent', 'POST', `/api/tasks/${taskId}/claim`, {}));
  await json(h.call('agent', 'POST', `/api/tasks/${taskId}/complete`, { outcome: 'refund' }));
  await settled();
  const refund = (await detail(ticketId, 'admin')).openTasks[0]!;
  await json(h.call('otherAgent', 'POST', `/api/tasks/${refund.id}/claim`, {}));
  await json(h.call('otherAgent', 'POST', `/api/tasks/${refund.id}/complete`, { outcome: 'refunded' }));
  await settled();
  const finished = await detail(ticketId);
  expect([finished.status, finished.reopen]).toEqual(['done', null]);
  return ticketId;
}

const MIN = 60_000;
// Wall-clock rules (no calendar), so every minute counts: one that times each reopen again, one
// that times only the first run.
const resolution = {
  name: 'Resolution',
  start: [{ on: 'ticket.created' }, { on: 'ticket.reopened' }],
  pause: [],
  resume: [],
  stop: [{ on: 'ticket.done' }, { on: 'ticket.cancelled' }],
  targetsMs: { medium: 30 * MIN },
  followOwner: false,
  warnAt: 0.75,
  severeAt: 1.5,
};
const firstRun = { ...resolution, name: 'First run', start: [{ on: 'ticket.created' }] };

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  await deploySupportRefunds(h);
  for (const [key, rule] of [
    ['resolution', resolution],
    ['first-run', firstRun],
  ] as const)
    await json(h.call('owner', 'PUT', `/api/timing-rules/${key}`, { rule }), 201);
  // Rules time tickets created after them.
  await h.clock!.advance(MIN);
});
afterAll(() => h?.close());

describe('reopening a done ticket', () => {
  it('is offered to those in charge, at the stage that closed last first', async () => {
    const ticketId = await solvedTicket();
    expect((await detail(ticketId)).reopen).toEqual([
      { elementId: 'Task_Triage', name: 'Triage' },
      { elementId: 'Task_Refund', name: 'Refund' },
    ]);
    expect((await detail(ticketId, 'admin')).reopen).not.toBeNull();
    // A manager of every department is in charge of every ticket; a refunds agent never saw it.
    expect((await detail(ticketId, 'otherManager')).reopen).not.toBeNull();
    expect((await h.call('otherAgent', 'GET', `/api/tickets/${ticketId}`)).status).toBe(403);
  });

  it('runs the ticket on from the stage that closed last, recorded on its timeline with who and why', async () => {
    const ticketId = await solvedTicket();
    await h.clock!.advance(60 * 60_000);
    const reopened = await json<Detail>(reopen(ticketId, { reason: 'The customer says it still fails' }));
    await settled();
    expect(reopened.status).not.toBe('done');
    expect(reopened.closedAt).toBeNull();
    expect(reopened.reopen).toBeNull();
    expect(reopened.openTasks.map((task) => [task.elementId, task.department])).toEqual([
      ['Task_Triage', 'support'],
    ]);
    const after = await detail(ticketId);
    expect(after.stages.map((stage) => [stage.elementId, stage.outcome])).toEqual([
      ['Task_Triage', 'solved'],
      ['Task_Triage', null],
    ]);
    expect(after.timeline.filter((entry) => entry.type === 'ticket.reopened')).toEqual([
      expect.objectContaining({
        actorId: h.ids.agent,
        data: expect.objectContaining({ reason: 'The customer says it still fails' }),
      }),
    ]);
    // Done again as drawn: through the refund this time.
    const triage = after.openTasks[0]!.id;
    await json(h.call('agent', 'POST', `/api/tasks/${triage}/claim`, {}));
    await json(h.call('agent', 'POST', `/api/tasks/${triage}/complete`, { outcome: 'refund' }));
    await settled();
    const refund = (await detail(ticketId, 'admin')).openTasks[0]!;
    expect(refund.elementId).toBe('Task_Refund');
    await json(h.call('admin', 'POST', `/api/tasks/${refund.id}/claim`, {}));
    await json(h.call('admin', 'POST', `/api/tasks/${refund.id}/complete`, { outcome: 'refunded' }));
    await settled();
    const done = await detail(ticketId, 'admin');
    expect(done.status).toBe('done');
    expect(done.closedAt).not.toBeNull();
    expect(done.timeline.filter((entry) => entry.type === 'ticket.completed')).toHaveLength(2);
  });

  it('reopens at a stage the caller names', async () => {
    const ticketId = await solvedTicket();
    const reopened = await json<Detail>(
      reopen(ticketId, { reason: 'Refund after all', elementId: 'Task_Refund' }, 'admin'),
    );
    expect(reopened.openTasks.map((task) => [task.elementId, task.department])).toEqual([
      ['Task_Refund', 'refunds'],
    ]);
  });

  it('refuses, changing nothing, what cannot be reopened', async () => {
    const done = await solvedTicket();
    const refunded = await refundedTicket();
    const running = (await openTicket(h, 'agent')).ticketId;
    const cancelled = (await openTicket(h, 'agent')).ticketId;
    await json(h.call('agent', 'POST', `/api/tickets/${cancelled}/cancel`, { reason: 'duplicate' }));
    await settled();
    const refusals: [string, unknown, Person, number, RegExp][] = [
      [running, { reason: 'x' }, 'agent', 409, /is (submitted|in_progress): only a done ticket/],
      [cancelled, { reason: 'x' }, 'agent', 409, /was cancelled, not solved/],
      [done, {}, 'agent', 422, /reason/],
      [done, { reason: '   ' }, 'agent', 422, /reason/],
      [done, { reason: 'x', elementId: 'Gateway_Route' }, 'agent', 422, /cannot reopen at 'Gateway_Route'/],
      [done, { reason: 'x', elementId: 'Task_Nowhere' }, 'agent', 422, /cannot reopen at 'Task_Nowhere'/],
      [refunded, { reason: 'x' }, 'agent', 403, /last in the charge of department 'refunds': only they/],
    ];
    for (const [ticketId, body, person, status, detailText] of refusals) {
      const before = await detail(ticketId, 'admin');
      const refused = await reopen(ticketId, body, person);
      expect(refused.status, JSON.stringify(body)).toBe(status);
      const problem = await problemOf(refused);
      expect(JSON.stringify(problem)).toMatch(detailText);
      await settled();
      expect(await detail(ticketId, 'admin')).toEqual(before);
    }
  });

  it('starts a new cycle of the clocks whose rule starts on a reopen; the report counts every cycle', async () => {
    const createdAt = h.clock!.now();
    const ticketId = await solvedTicket(); // done 10 min after its creation
    await h.clock!.advance(60 * MIN);
    const reopenedAt = h.clock!.now();
    const reopened = await json<Detail>(reopen(ticketId, { reason: 'not solved' }));
    await settled();
    await h.clock!.advance(45 * MIN);
    const task = reopened.openTasks[0]!.id;
    await json(h.call('agent', 'POST', `/api/tasks/${task}/claim`, {}));
    await json(h.call('agent', 'POST', `/api/tasks/${task}/complete`, { outcome: 'solved' }));
    await settled();
    const { clocks } = await detail(ticketId);
    const clock = (key: string) => clocks.find((c) => c.key === key)!;
    expect(clock('resolution')).toMatchObject({
      cycle: 2,
      state: 'stopped',
      startedAt: reopenedAt,
      stoppedAt: reopenedAt + 45 * MIN,
      met: false,
      earlier: [
        { cycle: 1, state: 'stopped', startedAt: createdAt, stoppedAt: createdAt + 10 * MIN, met: true },
      ],
    });
    expect(clock('first-run')).toMatchObject({
      cycle: 1,
      startedAt: createdAt,
      stoppedAt: createdAt + 10 * MIN,
    });
    expect(clock('first-run').earlier).toEqual([]);
    const { rows } = await h.t.pool.query<{ rule_key: string; cycle: number; met: boolean }>(
      'select rule_key, cycle, met from ticket_clocks where ticket_id = $1 order by rule_key, cycle',
      [ticketId],
    );
    expect(rows).toEqual([
      { rule_key: 'first-run', cycle: 1, met: true },
      { rule_key: 'resolution', cycle: 1, met: true },
      { rule_key: 'resolution', cycle: 2, met: false },
    ]);
    type Report = { rules: { key: string; overall: { stopped: number; met: number } }[] };
    const [from, to] = [new Date(createdAt), new Date(h.clock!.now() + MIN)];
    const report = await json<Report>(
      h.call(
        'admin',
        'GET',
        `/api/reports/rule-clocks?range=custom&from=${from.toISOString()}&to=${to.toISOString()}`,
      ),
    );
    const counted = await h.t.pool.query<{ rule_key: string; stopped: number; met: number }>(
      `select rule_key, count(*)::int as stopped, count(*) filter (where met)::int as met from ticket_clocks
        where state = 'stopped' and stopped_at >= $1 and stopped_at < $2 group by rule_key`,
      [from, to],
    );
    for (const row of counted.rows)
      expect(report.rules.find((item) => item.key === row.rule_key)?.overall).toMatchObject({
        stopped: row.stopped,
        met: row.met,
      });
    expect(counted.rows.find((row) => row.rule_key === 'resolution')!.stopped).toBeGreaterThan(
      counted.rows.find((row) => row.rule_key === 'first-run')!.stopped,
    );
  });
});
