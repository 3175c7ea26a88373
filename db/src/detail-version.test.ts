// The detail version (migration 0004): every change to a ticket's row, stages, timeline or
// extension requests commits a value never seen before; nothing else moves it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments, flowVersions, tickets, ticketTypes, users } from './schema.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

describe('tickets.detail_version', () => {
  let t: TestDatabase;
  const seen = new Set<number>();

  const versions = async () => {
    const { rows } = await t.pool.query<{ id: string; v: string }>(
      'select id, detail_version as v from tickets order by id',
    );
    return Object.fromEntries(rows.map((r) => [r.id, Number(r.v)]));
  };

  /** Runs a statement and returns which tickets got a new, never-seen version. */
  async function bumpedBy(statement: string, params: unknown[] = []): Promise<string[]> {
    const before = await versions();
    await t.pool.query(statement, params);
    const after = await versions();
    const bumped = Object.keys(after).filter((id) => after[id] !== before[id]);
    for (const id of bumped) {
      expect(seen.has(after[id]!), `version ${after[id]} of ${id} was used before`).toBe(false);
      seen.add(after[id]!);
    }
    return bumped.sort();
  }

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insert(users).values({ id: 'u1', email: 'a@x.test', name: 'A', roles: ['agent'] });
    await t.db.insert(departments).values({ key: 'refunds', name: 'Refunds' });
    await t.db.insert(ticketTypes).values({ id: 'tt', name: 'Type' });
    await t.db
      .insert(flowVersions)
      .values({ id: 'fv', ticketTypeId: 'tt', version: 1, xml: '<x/>', compiled: {} });
    await t.db
      .insert(tickets)
      .values(
        ['A', 'B', 'C'].map((id) => ({ id, typeId: 'tt', flowVersionId: 'fv', title: `Ticket ${id}` })),
      );
    for (const v of Object.values(await versions())) seen.add(v);
  });
  afterAll(() => t?.drop());

  it('starts every ticket at its own version', async () => {
    expect(new Set(Object.values(await versions())).size).toBe(3);
  });

  it('moves when the ticket row changes, and only for that ticket', async () => {
    expect(await bumpedBy("update tickets set title = 'Renamed' where id = 'A'")).toEqual(['A']);
    // Even an update that writes the same values: cheaper than comparing every column.
    expect(await bumpedBy("update tickets set title = 'Renamed' where id = 'A'")).toEqual(['A']);
  });

  it('moves once per ticket when stages are inserted, updated and deleted, in bulk too', async () => {
    expect(
      await bumpedBy(
        `insert into stages (ticket_id, task_id, element_id, name, department_key, entered_at)
         select id, 't1', 'Task_1', 'Task', 'refunds', now() from tickets where id in ('A', 'B')`,
      ),
    ).toEqual(['A', 'B']);
    expect(await bumpedBy("update stages set name = 'Renamed' where ticket_id = 'B'")).toEqual(['B']);
    // An update that moves a stage to another ticket changes both details.
    expect(await bumpedBy("update stages set ticket_id = 'C' where ticket_id = 'B'")).toEqual(['B', 'C']);
    expect(await bumpedBy("delete from stages where ticket_id = 'C'")).toEqual(['C']);
    expect(await bumpedBy("update stages set name = 'x' where ticket_id = 'nobody'")).toEqual([]);
  });

  it('moves on timeline entries and extension requests', async () => {
    expect(
      await bumpedBy(
        "insert into ticket_events (ticket_id, seq, type, at) values ('B', 1, 'ticket.started', now()), ('C', 1, 'ticket.started', now())",
      ),
    ).toEqual(['B', 'C']);
    expect(await bumpedBy("update ticket_events set data = '{\"a\":1}' where ticket_id = 'C'")).toEqual([
      'C',
    ]);
    expect(
      await bumpedBy(
        `insert into extension_requests (id, ticket_id, task_id, requested_by, extend_by_ms, reason)
         values ('x1', 'A', 't1', 'u1', 60000, 'need more time')`,
      ),
    ).toEqual(['A']);
    expect(await bumpedBy("update extension_requests set status = 'denied' where id = 'x1'")).toEqual(['A']);
    expect(await bumpedBy("delete from extension_requests where id = 'x1'")).toEqual(['A']);
  });

  it('does not move for a decision’s lease on an extension request, taken and given back (a refused grant)', async () => {
    await t.pool.query(
      `insert into extension_requests (id, ticket_id, task_id, requested_by, extend_by_ms, reason)
       values ('x2', 'B', 't1', 'u1', 60000, 'need more time')`,
    );
    expect(
      await bumpedBy(
        "update extension_requests set granting_until = clock_timestamp() + interval '2 minutes' where id = 'x2'",
      ),
    ).toEqual([]);
    expect(await bumpedBy("update extension_requests set granting_until = null where id = 'x2'")).toEqual([]);
    // The decision itself is a change of the detail.
    expect(await bumpedBy("update extension_requests set status = 'granted' where id = 'x2'")).toEqual(['B']);
  });

  it('moves in a transaction that writes the ticket row first and its children after, as a read-model step does', async () => {
    const before = await versions();
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`update tickets set title = 'Step' where id = 'B'`);
      await tx.execute(
        sql`insert into ticket_events (ticket_id, seq, type, at) values ('B', 2, 'stage.opened', now())`,
      );
      await tx.execute(
        sql`insert into stages (ticket_id, task_id, element_id, name, department_key, entered_at)
            values ('C', 't2', 'Task_2', 'Stepped', 'refunds', now())`,
      );
    });
    const after = await versions();
    expect(after.A).toBe(before.A);
    for (const id of ['B', 'C']) {
      expect(after[id]).not.toBe(before[id]);
      expect(seen.has(after[id]!)).toBe(false);
      seen.add(after[id]!);
    }
  });

  it('moves every ticket when a child table is truncated', async () => {
    expect(await bumpedBy('truncate ticket_events')).toEqual(['A', 'B', 'C']);
  });

  it('does not move for a rolled-back change', async () => {
    const before = await versions();
    await expect(
      t.db.transaction(async (tx) => {
        await tx.execute(sql`update stages set name = 'doomed' where ticket_id = 'A'`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await versions()).toEqual(before);
  });

  it('does not come back for a ticket deleted and created again', async () => {
    const old = (await versions()).C!;
    await t.pool.query("delete from tickets where id = 'C'");
    await t.db.insert(tickets).values({ id: 'C', typeId: 'tt', flowVersionId: 'fv', title: 'Again' });
    const renewed = (await versions()).C!;
    expect(renewed).toBeGreaterThan(old);
    expect(seen.has(renewed)).toBe(false);
  });
});
