// Minimal reference data for activity tests: a department with a lead and agents, a manager, a
// ticket type and a deployed flow version (the compiled Flow is irrelevant to the read model),
// and the rig an activity test file runs on.
import {
  type Database,
  departments,
  flowVersions,
  memberships,
  type Role,
  ticketTypes,
  users,
} from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import pino from 'pino';
import type { ActivityContext } from '../../src/activities/context.js';
import { createMailer } from '../../src/activities/mail.js';
import { startTestSmtp, type TestSmtp } from '../../src/testing/smtp.js';

export const FIXTURE = {
  typeId: 'tt-support',
  flowVersionId: 'fv-support-1',
  department: 'support',
  lead: 'lena',
  agents: ['alice', 'bob', 'carol'],
  manager: 'mia',
} as const;

export async function insertFixture(db: Database): Promise<void> {
  const person = (id: string, roles: Role[]) => ({ id, email: `${id}@example.com`, name: id, roles });
  await db
    .insert(users)
    .values([
      person(FIXTURE.lead, ['agent', 'manager']),
      ...FIXTURE.agents.map((id) => person(id, ['agent'])),
      person(FIXTURE.manager, ['manager']),
    ]);
  await db.insert(departments).values({ key: FIXTURE.department, name: 'Support', leadUserId: FIXTURE.lead });
  await db
    .insert(memberships)
    .values(FIXTURE.agents.map((userId) => ({ userId, departmentKey: FIXTURE.department })));
  await db.insert(ticketTypes).values({ id: FIXTURE.typeId, name: 'Support request' });
  await db.insert(flowVersions).values({
    id: FIXTURE.flowVersionId,
    ticketTypeId: FIXTURE.typeId,
    version: 1,
    xml: '<definitions/>',
    compiled: {},
  });
}

/** What an activity test file works on: its own database with the fixture, a real SMTP server, and the context over both. */
export type ActivityRig = { t: TestDatabase; smtp: TestSmtp; ctx: ActivityContext; close(): Promise<void> };

export async function activityRig(): Promise<ActivityRig> {
  const t = await createTestDatabase();
  const smtp = await startTestSmtp();
  const ctx: ActivityContext = {
    db: t.db,
    log: pino({ level: 'silent' }),
    mailer: createMailer(smtp.url),
    appUrl: 'http://baton.test',
  };
  await insertFixture(t.db);
  return {
    t,
    smtp,
    ctx,
    async close() {
      ctx.mailer?.close();
      await smtp.close();
      await t.drop();
    },
  };
}
