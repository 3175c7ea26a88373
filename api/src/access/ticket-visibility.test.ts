// The two forms of ticket visibility agree: for every principal, the tickets the SQL condition
// selects are exactly those the predicate allows, over tickets of every combination of creator,
// owner and departments they have been in (real database).
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../http/env.js';
import { sqlParameters } from '../sql/parameters.js';
import { maySeeTicket, ticketVisibilitySql, type TicketParties } from './ticket-visibility.js';

const PEOPLE = ['u1', 'u2'];
const DEPARTMENTS = ['support', 'refunds', 'faults'];

/** Every combination: creator and owner each nobody, u1 or u2; any subset of the departments. */
const tickets: (TicketParties & { id: string })[] = [null, ...PEOPLE].flatMap((createdBy) =>
  [null, ...PEOPLE].flatMap((ownerId) =>
    [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => ({
      id: `k-${createdBy ?? 'x'}-${ownerId ?? 'x'}-${mask}`,
      createdBy,
      ownerId,
      departments: DEPARTMENTS.filter((_, i) => mask & (1 << i)),
    })),
  ),
);

const principal = (
  id: string,
  roles: Principal['roles'],
  departments: string[],
  leads: string[] = [],
  managerScope: Principal['managerScope'] = 'every_department',
) =>
  ({
    id,
    email: `${id}@example.test`,
    name: id,
    roles,
    departments,
    leads,
    managerScope,
    via: 'token',
  }) satisfies Principal;

const principals: Principal[] = [
  principal('u1', ['agent'], ['support']),
  principal('u1', ['agent'], []),
  principal('u2', ['manager'], ['refunds', 'faults']),
  principal('u4', ['manager'], []),
  principal('u2', ['manager'], ['refunds'], [], 'memberships'),
  principal('u4', ['agent', 'manager'], ['faults'], ['faults'], 'memberships'),
  principal('u2', ['agent'], [], ['refunds']),
  principal('u3', ['agent'], ['support'], ['faults']),
  principal('u3', ['admin'], []),
  principal('u3', ['developer'], []),
  principal('u3', ['process_owner'], []),
];

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.pool.query(`
    insert into users (id, email, name) values ('u1', 'u1@x.test', 'U1'), ('u2', 'u2@x.test', 'U2');
    insert into departments (key, name) values ('support', 'S'), ('refunds', 'R'), ('faults', 'F');
    insert into ticket_types (id, name) values ('tt', 'T');
    insert into flow_versions (id, ticket_type_id, version, xml, compiled) values ('fv', 'tt', 1, '<x/>', '{}');`);
  for (const k of tickets) {
    await t.pool.query(
      `insert into tickets (id, type_id, flow_version_id, title, created_by, owner_id) values ($1, 'tt', 'fv', $1, $2, $3)`,
      [k.id, k.createdBy, k.ownerId],
    );
    for (const [i, department] of k.departments.entries()) {
      await t.pool.query(
        `insert into stages (ticket_id, task_id, element_id, name, department_key, entered_at)
         values ($1, $2, 'Task', 'Task', $3, now())`,
        [k.id, `t${i}`, department],
      );
    }
  }
});
afterAll(() => t?.drop());

describe('ticket visibility', () => {
  it.each(
    principals.map((p) => [
      `${p.id} ${p.roles.join()} (${p.managerScope}) in [${p.departments}] leading [${p.leads}]`,
      p,
    ]),
  )('selects in SQL exactly what the predicate allows: %s', async (_label, p) => {
    const params = sqlParameters();
    const condition = ticketVisibilitySql(p, params) ?? 'true';
    const { rows } = await t.pool.query<{ id: string }>(
      `select t.id from tickets t where ${condition}`,
      params.values,
    );
    const allowed = tickets.filter((k) => maySeeTicket(p, k)).map((k) => k.id);
    expect(rows.map((r) => r.id).sort()).toEqual([...allowed].sort());
  });
});

describe('managers', () => {
  // The seed's manager belongs to no department: a manager covers every department by default.
  it('see every ticket, with or without memberships', () => {
    for (const p of [principal('u4', ['manager'], []), principal('u2', ['manager'], ['refunds'])]) {
      expect(tickets.filter((k) => !maySeeTicket(p, k)).map((k) => k.id)).toEqual([]);
      expect(ticketVisibilitySql(p, sqlParameters())).toBeUndefined();
    }
  });

  it("of their memberships see only their departments' tickets and those they created or own", () => {
    const p = principal('u4', ['manager'], ['refunds'], [], 'memberships');
    const seen = tickets.filter((k) => maySeeTicket(p, k));
    expect(seen.length).toBeLessThan(tickets.length);
    expect(seen.every((k) => k.departments.includes('refunds'))).toBe(true); // u4 created and owns none
    expect(tickets.filter((k) => k.departments.includes('refunds') && !maySeeTicket(p, k))).toEqual([]);
  });
});
