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
import { seedCallCentre } from './support/call-centre-fixture.js';
import { HOUR, agent, runCallCentreScenario } from './support/call-centre-scenario.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';

const address = process.env.TEMPORAL_ADDRESS;
if (!address) {
  console.log(
    '[workflows/test/temporal.test.ts] SKIPPED: TEMPORAL_ADDRESS is not set, so there is no Temporal server to run the real-server suite against ' +
      '(e.g. `temporal server start-dev` then TEMPORAL_ADDRESS=127.0.0.1:7233).',
  );
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

  it('runs the scenario with real timers, shortened: the same stages and a real overdue e-mail', async () => {
    // A real server cannot skip time: the flow is the same, but the scenario's hours become
    // real seconds by compiling the fixture with a fault SLA of 8 s (1 "hour" = 1 s).
    const flow = await seedCallCentre(t.db);
    const fault = flow.nodes.fault;
    if (fault?.kind !== 'userTask' || !fault.sla) throw new Error('fixture changed: fault needs an SLA');
    const scale = 1_000 / HOUR;
    for (const node of Object.values(flow.nodes)) {
      if (node.kind === 'userTask' && node.sla) node.sla = { ...node.sla, targetMs: Math.round(node.sla.targetMs * scale) };
    }
    if (flow.ticketSla) flow.ticketSla = { ...flow.ticketSla, targetMs: Math.round(flow.ticketSla.targetMs * scale) };

    const ticketId = `tq-${Date.now()}`;
    const t0 = Date.now();
    await runCallCentreScenario(runtime, flow, ticketId, {
      advanceTo: async (offset) => {
        const wait = t0 + offset * scale - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait + 300));
      },
    });
    await expect(runtime.act(ticketId, { type: 'task.claimed', taskId: 'nope', actor: agent('bob', 'support') })).resolves.toMatchObject({
      ok: false,
    });

    const rows = await t.db.select().from(stages).where(eq(stages.ticketId, ticketId)).orderBy(asc(stages.enteredAt));
    expect(rows.map((s) => [s.elementId, s.departmentKey, s.assigneeId])).toEqual([
      ['intake', 'support', 'alice'],
      ['fault', 'faults', 'frank'],
      ['afterSales', 'after-sales', 'sam'],
      ['callback', 'support', 'bob'],
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
    console.log(`[temporal] ${history} history events for ${rows.length} stages (${(history / rows.length).toFixed(1)} per stage); commands ${JSON.stringify(stats)}`);
  }, 120_000);
});
