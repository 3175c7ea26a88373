// End to end on InMemoryRuntime with a VirtualClock, a real database and a real SMTP server:
// dispatch, a department, an SLA warning, an overdue reminder e-mail, a transfer, completion.
import { notifications, stages, ticketEvents, tickets } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { createActivities } from '../src/activities/index.js';
import { createMailer } from '../src/activities/mail.js';
import { VirtualClock } from '../src/runtime/clock.js';
import { InMemoryRuntime } from '../src/runtime/in-memory.js';
import { estimatedHistoryEvents } from '../src/workflows/history-estimate.js';
import type { CommandStats } from '../src/workflows/records.js';
import { seedCallCentre } from './support/call-centre-fixture.js';
import { HOUR, MIN, runCallCentreScenario } from './support/call-centre-scenario.js';
import { startTestSmtp, type TestSmtp } from './support/smtp.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const TICKET = 'cc-1001';

type Outcome = {
  stages: (typeof stages.$inferSelect)[];
  ticket: typeof tickets.$inferSelect;
  timeline: string[];
  mails: { to: string[]; subject: string }[];
  overdueMails: { to: string[]; subject: string }[];
  notifications: { channel: string; template: string; userId: string | null; email: string | null }[];
  stats: CommandStats;
};

/** One complete run on a fresh database and SMTP server. */
async function runOnce(): Promise<Outcome> {
  const t: TestDatabase = await createTestDatabase();
  const smtp: TestSmtp = await startTestSmtp();
  const mailer = createMailer(smtp.url);
  const log = pino({ level: 'silent' });
  try {
    const flow = await seedCallCentre(t.db);
    const clock = new VirtualClock(T0);
    const runtime = new InMemoryRuntime({ activities: createActivities({ db: t.db, log, mailer }), log, clock });
    let overdueMails: Outcome['mails'] = [];
    await runCallCentreScenario(runtime, flow, TICKET, {
      advanceTo: async (offset) => {
        await clock.advanceTo(T0 + offset);
        await runtime.settled(TICKET);
      },
      afterOverdue: async () => {
        overdueMails = smtp.received.filter((m) => m.subject.includes('is overdue')).map(({ to, subject }) => ({ to, subject }));
      },
    });
    await runtime.settled();
    const stats = runtime.commandStats(TICKET)!;
    const live = await runtime.readState(TICKET);
    expect(live?.state.status).toBe('done');
    await runtime.close();
    return {
      stages: await t.db.select().from(stages).where(eq(stages.ticketId, TICKET)).orderBy(asc(stages.enteredAt), asc(stages.taskId)),
      ticket: (await t.db.select().from(tickets).where(eq(tickets.id, TICKET)))[0]!,
      timeline: (
        await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, TICKET)).orderBy(asc(ticketEvents.seq), asc(ticketEvents.ord))
      ).map((e) => `${e.seq}.${e.ord} ${e.type}`),
      mails: smtp.received.map(({ to, subject }) => ({ to, subject })),
      overdueMails,
      notifications: await t.db
        .select({ channel: notifications.channel, template: notifications.template, userId: notifications.userId, email: notifications.email })
        .from(notifications)
        .orderBy(asc(notifications.id)),
      stats,
    };
  } finally {
    mailer.close();
    await smtp.close();
    await t.drop();
  }
}

describe('call-centre ticket on InMemoryRuntime (virtual clock, real Postgres, real SMTP)', () => {
  let first: Outcome;
  let second: Outcome;
  beforeAll(async () => {
    first = await runOnce();
    second = await runOnce();
  }, 120_000);

  it('records one stage per department visit with the right assignees, outcomes and durations', () => {
    const rows = first.stages.map((s) => ({
      element: s.elementId,
      department: s.departmentKey,
      assignee: s.assigneeId,
      outcome: s.outcome,
      level: s.slaLevel,
      queueMin: s.queueMs! / MIN,
      workMin: s.workMs! / MIN,
      totalMin: s.totalMs! / MIN,
    }));
    expect(rows).toEqual([
      // Dispatch: assigned round-robin the moment it opened, routed after 10 minutes.
      { element: 'intake', department: 'support', assignee: 'alice', outcome: 'route', level: 'ok', queueMin: 0, workMin: 10, totalMin: 10 },
      // Faults: 20 minutes in the queue, then worked until the transfer at 8 h 30 (overdue at 8 h 10).
      { element: 'fault', department: 'faults', assignee: 'frank', outcome: expect.anything(), level: 'overdue', queueMin: 20, workMin: 480, totalMin: 500 },
      // After-sales: least-loaded picks sam (ties go to the first id), resolved after 30 minutes.
      { element: 'afterSales', department: 'after-sales', assignee: 'sam', outcome: 'resolved', level: 'ok', queueMin: 0, workMin: 30, totalMin: 30 },
      // Call back: 15 minutes queued, 15 worked.
      { element: 'callback', department: 'support', assignee: 'bob', outcome: 'reached', level: 'ok', queueMin: 15, workMin: 15, totalMin: 30 },
    ]);
    // No calendar on these tasks: business time equals wall-clock time.
    for (const s of first.stages) expect([s.businessQueueMs, s.businessWorkMs, s.businessTotalMs]).toEqual([s.queueMs, s.workMs, s.totalMs]);
    expect(first.stages.every((s) => s.closedAt !== null)).toBe(true);
  });

  it('warns, then e-mails the overdue reminder to the assignee and the lead', () => {
    const templates = first.notifications.map((n) => `${n.channel}:${n.template}:${n.userId ?? n.email}`);
    expect(templates).toContain('in_app:sla.warning:frank');
    expect(templates).toContain('in_app:sla.overdue:frank');
    expect(templates).toContain('in_app:sla.overdue:fiona');
    expect(first.overdueMails.map((m) => m.to[0]).sort()).toEqual(['fiona@example.com', 'frank@example.com']);
    expect(first.overdueMails[0]!.subject).toMatch(/#\d+ "Router keeps rebooting": "Fault analysis" is overdue/);
    expect(first.mails.filter((m) => m.subject.includes('nearing its deadline')).map((m) => m.to[0])).toEqual(['frank@example.com']);
  });

  it('closes the ticket as done with a complete timeline', () => {
    expect(first.ticket).toMatchObject({ status: 'done', slaLevel: 'ok', closedAt: new Date(T0 + 9.5 * HOUR) });
    expect(first.timeline[0]).toBe('0.0 ticket.started');
    expect(first.timeline).toContain(`${first.ticket.lastSeq}.0 task.completed`);
    expect(first.timeline.filter((e) => e.endsWith(' task.transferred'))).toHaveLength(1);
    expect(first.timeline.filter((e) => e.endsWith(' sla.level'))).toHaveLength(2);
  });

  it('gives the same rows when the same script runs again on a fresh database', () => {
    const comparable = (o: Outcome) => ({ ...o, ticket: { ...o.ticket, number: 0 } });
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('stays within the history budget per closed stage', () => {
    const closed = first.stages.length;
    const events = estimatedHistoryEvents(first.stats);
    // An SLA escalation is an extra input on top of a stage's own work: a workflow task (3), the
    // timer firing (1), its record (1) and the next level's timer (1).
    const escalationEvents = 6 * first.stats.timersFired;
    const commands = first.stats.localActivities + first.stats.activities + first.stats.timersStarted + first.stats.timersCancelled;
    console.log(
      `[workflow commands] ${JSON.stringify(first.stats)} over ${closed} closed stages: ` +
        `${(commands / closed).toFixed(2)} commands (local activities + activities + timers started/cancelled) per stage; ` +
        `~${events} history events in total = ${(events / closed).toFixed(2)} per stage including ${first.stats.timersFired} SLA escalations, ` +
        `${((events - escalationEvents) / closed).toFixed(2)} per stage without them`,
    );
    expect((events - escalationEvents) / closed).toBeLessThanOrEqual(15);
    expect(events / closed).toBeLessThanOrEqual(16);
  });
});
