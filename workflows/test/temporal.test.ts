// The call-centre scenario through TemporalRuntime against a real Temporal server (the run's dev
// server, see src/testing/temporal-global-setup.ts, or TEMPORAL_ADDRESS).
import { notifications, stages, tickets } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../src/activities/index.js';
import { createMailer, type Mailer } from '../src/activities/mail.js';
import { TemporalRuntime } from '../src/runtime/temporal.js';
import { realTemporal, skipWithoutTemporal } from '../src/testing/index.js';
import { DEFAULT_NAMESPACE } from '../src/worker.js';
import { HOUR, runCallCentreScenario } from './support/call-centre-scenario.js';
import { scaleFlow, scenarioOffsetToWorkingMs } from './support/scaled-flow.js';
import { USERS, seedHelpDesk } from './support/seeded-help-desk.js';
import { startTestSmtp, type TestSmtp } from '../src/testing/smtp.js';

const skip = skipWithoutTemporal('workflows/test/temporal.test.ts');

/** Real milliseconds per working millisecond of the scenario: 1 working hour = 1 s. */
const SCALE = 1_000 / HOUR;

describe.skipIf(skip)('call-centre ticket on TemporalRuntime (real server)', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let runtime: TemporalRuntime;
  const log = pino({ level: 'warn' });

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    t = await createTestDatabase();
    smtp = await startTestSmtp();
    mailer = createMailer(smtp.url);
    runtime = await TemporalRuntime.connect({
      address: server.address,
      namespace: process.env.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE,
      // A queue of our own: no other worker picks up these workflows.
      taskQueue: `baton-test-${process.pid}-${Date.now()}`,
      activities: createActivities({ db: t.db, log, mailer }),
      log,
    });
  }, 180_000);
  afterAll(async () => {
    await runtime?.close();
    mailer?.close();
    await smtp?.close();
    await t?.drop();
  });

  it('runs the seeded call-centre scenario in real time, 1 working hour = 1 second', async () => {
    // A real server cannot skip time: the seeded flow keeps its shape but runs on a 24x7 calendar
    // with every duration scaled down, so "Tuesday 09:05" arrives seconds after the start.
    const flow = scaleFlow(await seedHelpDesk(t.db), SCALE);
    const ticketId = `tq-${Date.now()}`;
    const startedAt = Date.now();
    await runCallCentreScenario(runtime, flow, ticketId, {
      advanceTo: async (offset) => {
        const wait = startedAt + scenarioOffsetToWorkingMs(offset) * SCALE - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait + 300));
      },
    });

    const rows = await t.db
      .select()
      .from(stages)
      .where(eq(stages.ticketId, ticketId))
      .orderBy(asc(stages.enteredAt));
    expect(rows.map((s) => [s.elementId, s.departmentKey, s.assigneeId])).toEqual([
      ['Task_RecordCall', 'support', USERS.supportAgent1],
      ['Task_Fault', 'faults', USERS.faultsAgent],
      ['Task_AfterSales', 'after-sales', USERS.afterSalesAgent],
      ['Task_Callback', 'callback', USERS.callbackAgent],
    ]);
    expect(rows.every((s) => s.closedAt && s.totalMs! > 0)).toBe(true);
    expect(rows[1]!.slaLevel).toBe('overdue');
    const [ticket] = await t.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(ticket?.status).toBe('done');
    await expect
      .poll(async () => {
        const overdue = await t.db
          .select()
          .from(notifications)
          .where(eq(notifications.template, 'sla.overdue'));
        return overdue.some((n) => n.channel === 'email' && n.sentAt);
      })
      .toBe(true);
    expect(smtp.received.filter((m) => m.subject.includes('is overdue')).length).toBeGreaterThan(0);

    if (process.env.BATON_DUMP_HISTORY) {
      const raw = await runtime['handle'](ticketId).fetchHistory();
      console.log(raw.events?.map((e) => `${e.eventId} ${e.eventType}`).join('\n'));
    }
    const history = await runtime.historyOf(ticketId);
    const stats = await runtime.commandStats(ticketId);
    console.log(
      `[temporal] ${history.events} history events (${history.bytes} bytes) for ${rows.length} stages (${(history.events / rows.length).toFixed(1)} per stage); commands ${JSON.stringify(stats)}`,
    );
  }, 120_000);
});
