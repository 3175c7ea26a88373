// Who a notification reaches: a task's managers are its department's manager when it has one,
// else the managers covering the department (here every manager, the scope's default; the seed's
// shape with leads managing only their memberships is in sla-recipients.test.ts).
import { departments, notifications, stages, tickets, users } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, insertFixture } from '../../test/support/fixtures.js';
import type { ActivityContext } from './context.js';
import { insertNotifications } from './notifications.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
let t: TestDatabase;
let ctx: ActivityContext;

beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, log: pino({ level: 'silent' }) };
  await insertFixture(t.db);
  // A second manager, and a department (faults) with no manager of its own.
  await t.db.insert(users).values({ id: 'max', email: 'max@example.com', name: 'max', roles: ['manager'] });
  await t.db.insert(departments).values({ key: 'faults', name: 'Faults' });
  await t.db.insert(tickets).values({
    id: 'tk-n',
    typeId: FIXTURE.typeId,
    flowVersionId: FIXTURE.flowVersionId,
    title: 'Escalated',
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
  });
});
afterAll(() => t?.drop());

/** The users a severe escalation of a task in `department` reaches in the app. */
async function managersReached(seq: number, department: string): Promise<string[]> {
  await t.db.insert(stages).values({
    ticketId: 'tk-n',
    taskId: `task-${seq}`,
    elementId: 'Handle',
    name: 'Handle',
    departmentKey: department,
    enteredAt: new Date(T0),
  });
  await t.db.transaction((tx) =>
    insertNotifications(ctx, tx, { id: 'tk-n', number: 1, title: 'Escalated' }, seq, [
      { to: ['role:manager'], template: 'sla.severe', taskId: `task-${seq}` },
    ]),
  );
  const rows = await t.db.select().from(notifications).where(eq(notifications.seq, seq));
  return rows.map((r) => r.userId ?? '').sort();
}

describe('manager notifications', () => {
  it('reach the managers of every department while the department has no manager of its own', async () => {
    expect(await managersReached(1, 'support')).toEqual(['lena', 'max', 'mia']);
  });

  it("reach the department's manager only once it has one, and the others' managers for other departments", async () => {
    await t.db.update(departments).set({ managerUserId: 'mia' }).where(eq(departments.key, 'support'));
    expect(await managersReached(2, 'support')).toEqual(['mia']);
    expect(await managersReached(3, 'faults')).toEqual(['lena', 'max', 'mia']);
  });

  it('reach the managers of every department when the department’s manager can no longer sign in', async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.id, 'mia'));
    expect(await managersReached(4, 'support')).toEqual(['lena', 'max']);
  });
});
