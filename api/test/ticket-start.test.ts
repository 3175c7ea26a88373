// Creating a ticket never leaves half of one behind. The tickets row is written by the run's first
// recorded step (one transaction with its stage and timeline), so a ticket is either whole or
// absent, whichever way the start fails.
import { readFileSync } from 'node:fs';
import type { EngineRuntime } from '../src/runtime.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, problemOf, type Harness } from './harness.js';

const XML = readFileSync(new URL('./flows/support-refunds.bpmn', import.meta.url), 'utf8');
let h: Harness;
let realStart: EngineRuntime['startTicket'];

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  realStart = h.deps.runtime.startTicket.bind(h.deps.runtime);
  await h.call('owner', 'POST', '/api/ticket-types', { id: 'refund-request', name: 'Refund request' });
  await h.call('owner', 'PUT', '/api/ticket-types/refund-request/flow', { xml: XML });
  expect((await h.call('owner', 'POST', '/api/ticket-types/refund-request/flow/deploy', {})).status).toBe(
    201,
  );
});
afterAll(() => h?.close());
beforeEach(() => {
  h.deps.runtime.startTicket = realStart;
});

const create = (title: string) =>
  h.call('agent', 'POST', '/api/tickets', { typeId: 'refund-request', title, customer: { name: 'Ada' } });

async function rowsOf(title: string) {
  const { rows } = await h.t.pool.query<{
    id: string;
    created_by: string | null;
    stages: number;
    events: number;
  }>(
    `select t.id, t.created_by,
       (select count(*)::int from stages s where s.ticket_id = t.id) as stages,
       (select count(*)::int from ticket_events e where e.ticket_id = t.id) as events
     from tickets t where t.title = $1`,
    [title],
  );
  return rows;
}

describe('ticket creation', () => {
  it('records who created the ticket, written with the first step of its run', async () => {
    const res = await create('Whole ticket');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; createdBy: string; stages: unknown[] };
    expect(body.createdBy).toBe(h.ids.agent);
    expect(await rowsOf('Whole ticket')).toEqual([
      { id: body.id, created_by: h.ids.agent, stages: 1, events: expect.any(Number) },
    ]);
  });

  it('leaves no row at all when the run cannot start (e.g. Temporal unreachable)', async () => {
    h.deps.runtime.startTicket = () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:7233'));
    const problem = await problemOf(await create('Never started'));
    expect(problem.status).toBe(500);
    expect(problem.code).toBe('internal');
    expect(problem.detail).not.toContain('ECONNREFUSED');
    expect(await rowsOf('Never started')).toEqual([]);
  });

  it('keeps the whole ticket when the run started but the answer was lost', async () => {
    // On Temporal the workflow may start and then the client call fail (a timeout, a dropped
    // connection). Deleting the row then would orphan a live run; the run's own row stays instead.
    h.deps.runtime.startTicket = async (input) => {
      await realStart(input);
      throw new Error('the connection was lost after the workflow started');
    };
    expect((await create('Started, answer lost')).status).toBe(500);
    const [row] = await rowsOf('Started, answer lost');
    expect(row).toMatchObject({ created_by: h.ids.agent, stages: 1 });
    h.deps.runtime.startTicket = realStart;
    const detail = (await (await h.call('agent', 'GET', `/api/tickets/${row!.id}`)).json()) as {
      live: boolean;
      openTasks: { name: string }[];
    };
    expect(detail.live).toBe(true);
    expect(detail.openTasks.map((t) => t.name)).toEqual(['Triage']);
  });
});
