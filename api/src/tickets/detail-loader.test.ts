// The detail loader against a real database: reads share queries, and never an answer from
// before they arrived.
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../sql/queryable.js';
import { createDetailCache } from './detail-cache.js';
import { createDetailLoader } from './detail-loader.js';
import type { TicketView } from './detail-query.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.pool.query(`
    insert into departments (key, name) values ('support', 'Support');
    insert into ticket_types (id, name) values ('tt', 'Refund request');
    insert into flow_versions (id, ticket_type_id, version, xml, compiled) values ('fv', 'tt', 1, '<x/>', '{}');
    insert into tickets (id, type_id, flow_version_id, title)
      values ('A', 'tt', 'fv', 'Ticket A'), ('B', 'tt', 'fv', 'Ticket B'), ('C', 'tt', 'fv', 'Ticket C');
    insert into stages (ticket_id, task_id, element_id, name, department_key, entered_at)
      values ('A', 't1', 'Task_1', 'Check', 'support', '2026-03-02T09:00:00Z');`);
});
afterAll(() => t?.drop());

/**
 * The real pool, with a test's hand on when answers come back: queries run at once, in the
 * database, but their answers wait until the test releases them. Counts what was sent.
 */
function gatedPool() {
  const held: (() => void)[] = [];
  let holding = false;
  let failNext = false;
  const sent: unknown[][] = [];
  const pool: Queryable = {
    query: (async (config: { values?: unknown[] }) => {
      sent.push(config.values ?? []);
      if (failNext) {
        failNext = false;
        throw new Error('connection terminated unexpectedly');
      }
      const result = await t.pool.query(config as never);
      if (holding) await new Promise<void>((resolve) => held.push(resolve));
      return result;
    }) as Queryable['query'],
  };
  return {
    pool,
    sent,
    hold: () => void (holding = true),
    release: () => {
      holding = false;
      for (const resolve of held.splice(0)) resolve();
    },
    failNextQuery: () => void (failNext = true),
    /** Resolves once `n` queries have been sent. */
    async sentCount(n: number) {
      while (sent.length < n) await new Promise((resolve) => setTimeout(resolve, 2));
    },
  };
}

const newLoader = (pool: Queryable, maxInFlight = 2) =>
  createDetailLoader({ pool, cache: createDetailCache<TicketView>({ maxBytes: 1 << 20 }), maxInFlight });

describe('createDetailLoader', () => {
  it('answers reads of the same turn with one query, each with its own ticket', async () => {
    const gate = gatedPool();
    const loader = newLoader(gate.pool);
    const ids = ['A', 'B', 'C', 'A', 'missing', 'B', 'A'];
    const loaded = await Promise.all(ids.map((id) => loader.load(id)));
    expect(loaded.map((l) => l?.view.title ?? null)).toEqual([
      'Ticket A',
      'Ticket B',
      'Ticket C',
      'Ticket A',
      null,
      'Ticket B',
      'Ticket A',
    ]);
    expect(loaded[0]).toMatchObject({ typeName: 'Refund request', view: { departments: ['support'] } });
    expect(gate.sent).toHaveLength(1);
    expect(loader.stats()).toEqual({ reads: 7, queries: 1 });
  });

  it('uses the kept view while the version holds, and reads again once it moved', async () => {
    const gate = gatedPool();
    const loader = newLoader(gate.pool);
    const first = await loader.load('B');
    const again = await loader.load('B');
    expect(again?.view).toBe(first?.view); // the same frozen object: nothing was read or shaped
    expect(Object.isFrozen(first?.view.stages)).toBe(true);
    await t.pool.query("update tickets set title = 'Ticket B, renamed' where id = 'B'");
    expect((await loader.load('B'))?.view.title).toBe('Ticket B, renamed');
    // The type's name comes with every answer, kept view or not.
    await t.pool.query("update ticket_types set name = 'Refunds' where id = 'tt'");
    expect((await loader.load('B'))?.typeName).toBe('Refunds');
    await t.pool.query("update ticket_types set name = 'Refund request' where id = 'tt'");
  });

  it('never answers a read with a query sent before the read arrived', async () => {
    const gate = gatedPool();
    const loader = newLoader(gate.pool, 1);
    await loader.load('C'); // kept at its current version
    gate.hold();
    const early = loader.load('C');
    await gate.sentCount(2); // that query has run; its answer is held
    await t.pool.query("update tickets set title = 'Ticket C, changed' where id = 'C'");
    const late = loader.load('C'); // arrives after the change committed
    gate.release();
    expect((await early)?.view.title).toBe('Ticket C');
    expect((await late)?.view.title).toBe('Ticket C, changed');
    expect(gate.sent).toHaveLength(3);
  });

  it('fails every read of a failed query, and the next reads go on', async () => {
    const gate = gatedPool();
    const loader = newLoader(gate.pool);
    gate.failNextQuery();
    const failed = await Promise.allSettled([loader.load('A'), loader.load('B')]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect((await loader.load('A'))?.view.title).toBe('Ticket A');
  });
});
