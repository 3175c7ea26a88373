// Rule clocks escalate beside the in-memory runtime too when it runs on the real clock (as
// `pnpm start` does without Temporal): no workflow records a rule clock's levels, so a watch of
// those levels alone runs beside it. On a virtual clock (the tests' usual) nobody watches them.
import { notifications, slaEscalations } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { compileFlow, type Flow } from '@baton/engine';
import { and, asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createActivities } from '../src/activities/index.js';
import { VirtualClock } from '../src/runtime/clock.js';
import { InMemoryRuntime } from '../src/runtime/in-memory.js';
import { FIXTURE, insertFixture } from './support/fixtures.js';
import { oneTaskXml } from './support/flows.js';
import { insertQuickRule, QUICK_RULE_CLOCK } from './support/quick-rule.js';

let t: TestDatabase;
let flow: Flow;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await createTestDatabase();
  await insertFixture(t.db);
  const compiled = await compileFlow(oneTaskXml({ sla: 'PT1H' }));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  flow = compiled.flow;
  await insertQuickRule(t.db, 2_000);
});
afterAll(() => t?.drop());

const start = (runtime: InMemoryRuntime, ticketId: string) =>
  runtime.startTicket({
    flow,
    ticket: { ticketId, typeId: FIXTURE.typeId, flowVersionId: FIXTURE.flowVersionId, variables: {} },
  });
const levelsOf = (ticketId: string) =>
  t.db
    .select()
    .from(slaEscalations)
    .where(and(eq(slaEscalations.ticketId, ticketId), eq(slaEscalations.clock, QUICK_RULE_CLOCK)))
    .orderBy(asc(slaEscalations.dueAt));

it('records and notifies a rule clock’s levels on the real clock', async () => {
  const runtime = new InMemoryRuntime({ activities: createActivities({ db: t.db, log }), log });
  try {
    await start(runtime, 'rule-real');
    await expect
      .poll(async () => (await levelsOf('rule-real')).filter((row) => row.recordedAt !== null).length, {
        timeout: 10_000,
        interval: 200,
      })
      .toBe(3);
    for (const row of await levelsOf('rule-real')) {
      expect(row.recordedBy).toBe('watch');
      expect(row.recordedAt!.getTime() - row.dueAt.getTime()).toBeLessThan(1_000);
    }
    const notices = await t.db
      .select({ subject: notifications.subject })
      .from(notifications)
      .where(eq(notifications.ticketId, 'rule-real'));
    expect(notices.some((n) => n.subject.endsWith('Quick response is severely overdue'))).toBe(true);
  } finally {
    await runtime.close();
  }
});

it('leaves them to nobody on a virtual clock', async () => {
  const clock = new VirtualClock(Date.now());
  const runtime = new InMemoryRuntime({ activities: createActivities({ db: t.db, log }), log, clock });
  try {
    await start(runtime, 'rule-virtual');
    expect((await levelsOf('rule-virtual')).map((row) => row.level)).toEqual([
      'warning',
      'overdue',
      'severe',
    ]);
    // Past the severe level in real time: still pending, as no watch runs.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    expect((await levelsOf('rule-virtual')).every((row) => row.recordedAt === null)).toBe(true);
  } finally {
    await runtime.close();
  }
});
