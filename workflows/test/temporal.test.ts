// The call-centre scenario through TemporalRuntime against a real Temporal server. Runs only when
// TEMPORAL_ADDRESS is set (no server can be downloaded on the build machines); says so otherwise.
import { notifications, stages, tickets } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../src/activities/index.js';
import { createMailer, type Mailer } from '../src/activities/mail.js';
import { TemporalRuntime } from '../src/runtime/temporal.js';
import { DEFAULT_NAMESPACE } from '../src/worker.js';
import type { Flow } from '@baton/engine';
import { DAY, HOUR, runCallCentreScenario } from './support/call-centre-scenario.js';
import { USERS, seedHelpDesk } from './support/seeded-help-desk.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';

const address = process.env.TEMPORAL_ADDRESS;
if (!address) {
  console.log(
    '[workflows/test/temporal.test.ts] SKIPPED: TEMPORAL_ADDRESS is not set, so there is no Temporal server to run the real-server suite against ' +
      '(e.g. `temporal server start-dev` then TEMPORAL_ADDRESS=127.0.0.1:7233).',
  );
}

/** Real milliseconds per working millisecond of the scenario: 1 working hour = 1 s. */
const SCALE = 1_000 / HOUR;

/**
 * The scenario's offsets are wall-clock from Monday 09:00 in the office calendar; on a 24x7
 * calendar the same moments are the working time elapsed (Monday 09:00-18:00 less lunch = 8 h,
 * Tuesday from 09:00).
 */
function scenarioOffsetToWorkingMs(offset: number): number {
  if (offset < DAY) return offset <= 3 * HOUR ? offset : offset - Math.min(HOUR, offset - 3 * HOUR);
  return 8 * HOUR + (offset - DAY);
}

/** The same flow on an always-open calendar with every duration multiplied by `scale`. */
function scaleFlow(flow: Flow, scale: number): Flow {
  const copy = structuredClone(flow);
  const always = {
    timeZone: 'UTC',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    ),
  };
  for (const key of Object.keys(copy.calendars)) copy.calendars[key] = always as Flow['calendars'][string];
  const shrink = (ms: number) => Math.max(1, Math.round(ms * scale));
  for (const node of Object.values(copy.nodes)) {
    if (node.kind === 'userTask' && node.sla) node.sla = { ...node.sla, targetMs: shrink(node.sla.targetMs) };
    if (
      (node.kind === 'boundaryEvent' || node.kind === 'intermediateCatchEvent') &&
      node.timer &&
      node.timer.kind !== 'date'
    ) {
      node.timer = { ...node.timer, ms: shrink(node.timer.ms) };
    }
  }
  if (copy.ticketSla) copy.ticketSla = { ...copy.ticketSla, targetMs: shrink(copy.ticketSla.targetMs) };
  return copy;
}

describe.skipIf(!address)('call-centre ticket on TemporalRuntime (real server)', () => {
  let t: TestDatabase;
  let smtp: TestSmtp;
  let mailer: Mailer;
  let runtime: TemporalRuntime;
  const log = pino({ level: 'warn' });

  beforeAll(async () => {
    t = await createTestDatabase();
    smtp = await startTestSmtp();
    mailer = createMailer(smtp.url);
    runtime = await TemporalRuntime.connect({
      address: address!,
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
    const overdue = await t.db.select().from(notifications).where(eq(notifications.template, 'sla.overdue'));
    expect(overdue.some((n) => n.channel === 'email' && n.sentAt)).toBe(true);
    expect(smtp.received.some((m) => m.subject.includes('is overdue'))).toBe(true);

    const history = await runtime.historyLength(ticketId);
    const stats = await runtime.commandStats(ticketId);
    console.log(
      `[temporal] ${history} history events for ${rows.length} stages (${(history / rows.length).toFixed(1)} per stage); commands ${JSON.stringify(stats)}`,
    );
  }, 120_000);
});
