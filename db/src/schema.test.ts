// The constraints that keep the read model honest: bad rows are refused by Postgres itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendars, departments, flowVersions, stages, tickets, ticketTypes, users } from './schema.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

/** The Postgres error under drizzle's wrapper: its SQLSTATE and constraint name. */
async function violation(promise: Promise<unknown>): Promise<{ code?: string; constraint?: string }> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current && typeof current === 'object') {
      const candidate = current as { code?: string; constraint?: string; cause?: unknown };
      if (typeof candidate.code === 'string')
        return { code: candidate.code, constraint: candidate.constraint };
      current = candidate.cause;
    }
    throw error;
  }
  throw new Error('expected the statement to be rejected, but it succeeded');
}

const CHECK = '23514';
const FOREIGN_KEY = '23503';
const UNIQUE = '23505';

describe('schema constraints', () => {
  let t: TestDatabase;
  const entered = new Date('2026-03-02T01:00:00Z');
  const stage = (taskId: string, extra: Partial<typeof stages.$inferInsert> = {}) =>
    t.db.insert(stages).values({
      ticketId: 'T1',
      taskId,
      elementId: 'Task_refund',
      name: 'Handle refund',
      departmentKey: 'refunds',
      enteredAt: entered,
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insert(users).values({ id: 'u1', email: 'a@x.test', name: 'A', roles: ['agent'] });
    await t.db.insert(departments).values({ key: 'refunds', name: 'Refunds', leadUserId: 'u1' });
    await t.db.insert(ticketTypes).values({ id: 'call-centre', name: 'Call centre' });
    await t.db
      .insert(flowVersions)
      .values({ id: 'fv1', ticketTypeId: 'call-centre', version: 1, xml: '<x/>', compiled: {} });
    await t.db
      .insert(tickets)
      .values({ id: 'T1', typeId: 'call-centre', flowVersionId: 'fv1', title: 'Refund please' });
  });
  afterAll(() => t?.drop());

  it('accepts a well-formed closed stage (control)', async () => {
    await stage('ok-1', {
      claimedAt: new Date(entered.getTime() + 60_000),
      closedAt: new Date(entered.getTime() + 120_000),
      queueMs: 60_000,
      workMs: 60_000,
      totalMs: 120_000,
      businessTotalMs: 120_000,
    });
    expect(await t.db.select().from(stages)).toHaveLength(1);
  });

  it('rejects a stage in an unknown department', async () => {
    expect(await violation(stage('bad-dept', { departmentKey: 'nowhere' }))).toEqual({
      code: FOREIGN_KEY,
      constraint: 'stages_department_key_departments_key_fk',
    });
  });

  it('rejects negative durations, wall-clock and business alike', async () => {
    for (const field of [
      'queueMs',
      'workMs',
      'totalMs',
      'businessQueueMs',
      'businessWorkMs',
      'businessTotalMs',
      'slaTargetMs',
    ]) {
      expect(await violation(stage(`neg-${field}`, { [field]: -1 }))).toEqual({
        code: CHECK,
        constraint: 'stages_durations_non_negative',
      });
    }
  });

  it('rejects a stage closed or claimed before it was entered', async () => {
    const before = new Date(entered.getTime() - 1);
    expect(await violation(stage('closed-early', { closedAt: before, totalMs: 0 }))).toEqual({
      code: CHECK,
      constraint: 'stages_closed_after_entered',
    });
    expect(await violation(stage('claimed-early', { claimedAt: before }))).toEqual({
      code: CHECK,
      constraint: 'stages_claimed_after_entered',
    });
  });

  it('rejects a closed stage without its total duration, and an unknown SLA level', async () => {
    expect(await violation(stage('no-total', { closedAt: entered }))).toMatchObject({
      constraint: 'stages_closed_has_total',
    });
    expect(await violation(stage('bad-level', { slaLevel: 'late' as never }))).toMatchObject({
      constraint: 'stages_sla_level_known',
    });
  });

  it('rejects unknown ticket priority, category and status', async () => {
    const ticket = (id: string, extra: Partial<typeof tickets.$inferInsert>) =>
      t.db.insert(tickets).values({ id, typeId: 'call-centre', flowVersionId: 'fv1', title: 'x', ...extra });
    expect(await violation(ticket('p', { priority: 'critical' as never }))).toMatchObject({
      code: CHECK,
      constraint: 'tickets_priority_known',
    });
    expect(await violation(ticket('c', { category: 'spam' as never }))).toMatchObject({
      constraint: 'tickets_category_known',
    });
    expect(await violation(ticket('s', { status: 'open' as never }))).toMatchObject({
      constraint: 'tickets_status_known',
    });
    expect(await violation(ticket('v', { flowVersionId: 'missing' }))).toMatchObject({ code: FOREIGN_KEY });
  });

  it('rejects unknown roles and duplicate e-mails regardless of case', async () => {
    expect(
      await violation(
        t.db
          .insert(users)
          .values({ id: 'u2', email: 'b@x.test', name: 'B', roles: ['agent', 'root' as never] }),
      ),
    ).toEqual({
      code: CHECK,
      constraint: 'users_roles_known',
    });
    expect(
      await violation(t.db.insert(users).values({ id: 'u3', email: 'A@X.test', name: 'A again' })),
    ).toEqual({
      code: UNIQUE,
      constraint: 'users_email_key',
    });
  });

  it('rejects department keys that cannot appear in a BPMN attribute list', async () => {
    for (const key of ['Refunds', 'after sales', 'a,b', '']) {
      expect(await violation(t.db.insert(departments).values({ key, name: 'x' }))).toMatchObject({
        constraint: 'departments_key_format',
      });
    }
  });

  it('allows only one default calendar', async () => {
    const spec = { timeZone: 'UTC', week: {} };
    await t.db.insert(calendars).values({ key: 'office', name: 'Office', spec, isDefault: true });
    await t.db.insert(calendars).values({ key: 'other', name: 'Other', spec, isDefault: false });
    expect(
      await violation(
        t.db.insert(calendars).values({ key: 'second', name: 'Second', spec, isDefault: true }),
      ),
    ).toEqual({
      code: UNIQUE,
      constraint: 'calendars_one_default_key',
    });
  });

  it('rejects a non-positive flow version number', async () => {
    expect(
      await violation(
        t.db
          .insert(flowVersions)
          .values({ id: 'fv0', ticketTypeId: 'call-centre', version: 0, xml: '', compiled: {} }),
      ),
    ).toMatchObject({ constraint: 'flow_versions_version_positive' });
  });
});
