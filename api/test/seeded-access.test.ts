// Who sees what among the seed's people, through the access rules (api/src/access/) on the
// principals the API resolves for them: each department lead manages their own department only
// (its tickets, its figures, its extension requests); manager@baton.local covers every department.
import { seedDatabase } from '@baton/db';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { compileFlow } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayDecideExtension } from '../src/access/extensions.js';
import { reportDepartments } from '../src/access/report-scope.js';
import { coversEveryDepartment } from '../src/access/roles.js';
import { maySeeTicket } from '../src/access/ticket-visibility.js';
import { principalById } from '../src/auth/principal.js';
import type { Principal } from '../src/http/env.js';

let t: TestDatabase;
/** The seeded departments with their lead's e-mail address. */
let departments: { key: string; leadEmail: string }[];
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, { compile: compileFlow });
  departments = (
    await t.pool.query<{ key: string; leadEmail: string }>(
      `select d.key, u.email as "leadEmail" from departments d join users u on u.id = d.lead_user_id order by d.key`,
    )
  ).rows;
});
afterAll(() => t?.drop());

async function principalOf(email: string): Promise<Principal> {
  const { rows } = await t.pool.query<{ id: string }>('select id from users where email = $1', [email]);
  const principal = rows[0] && (await principalById(t.pool, rows[0].id));
  if (!principal) throw new Error(`no seeded user ${email}`);
  return principal;
}

/** A ticket that has only ever been in `department`, created and owned by nobody in particular. */
const ticketIn = (department: string) => ({ createdBy: null, ownerId: null, departments: [department] });

describe('the seed', () => {
  it('lets each department lead manage their own department only', async () => {
    expect(departments.length).toBeGreaterThan(1);
    for (const { key: own, leadEmail } of departments) {
      const lead = await principalOf(leadEmail);
      expect([leadEmail, lead.roles, coversEveryDepartment(lead)]).toEqual([
        leadEmail,
        ['agent', 'manager'],
        false,
      ]);
      expect(reportDepartments(lead, undefined)).toEqual([own]);
      expect(maySeeTicket(lead, ticketIn(own))).toBe(true);
      expect(mayDecideExtension(lead, own)).toBe(true);
      for (const other of departments.map((d) => d.key).filter((key) => key !== own)) {
        expect(() => reportDepartments(lead, other)).toThrow(
          `you do not lead or manage department '${other}'`,
        );
        expect([
          leadEmail,
          other,
          maySeeTicket(lead, ticketIn(other)),
          mayDecideExtension(lead, other),
        ]).toEqual([leadEmail, other, false, false]);
      }
    }
  });

  it('lets manager@baton.local, who belongs to no department, cover every department', async () => {
    const manager = await principalOf('manager@baton.local');
    expect(manager.departments).toEqual([]);
    expect(coversEveryDepartment(manager)).toBe(true);
    expect(reportDepartments(manager, undefined)).toBeUndefined(); // every department
    for (const { key } of departments) {
      expect(reportDepartments(manager, key)).toEqual([key]);
      expect(maySeeTicket(manager, ticketIn(key))).toBe(true);
    }
  });
});
