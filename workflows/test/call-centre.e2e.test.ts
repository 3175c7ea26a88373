// End to end on InMemoryRuntime with a VirtualClock, a real database and a real SMTP server:
// the seeded call-centre flow through dispatch, fault handling (reminder, SLA warning, overdue
// e-mail), a transfer to after-sales, the call back and the written reply.
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
import { DAY, HOUR, MIN, T0, runCallCentreScenario } from './support/call-centre-scenario.js';
import { USERS, seedHelpDesk } from './support/seeded-help-desk.js';
import { startTestSmtp, type TestSmtp } from '../src/testing/smtp.js';

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
    const flow = await seedHelpDesk(t.db);
    const clock = new VirtualClock(T0);
    const runtime = new InMemoryRuntime({
      activities: createActivities({ db: t.db, log, mailer }),
      log,
      clock,
    });
    let overdueMails: Outcome['mails'] = [];
    await runCallCentreScenario(runtime, flow, TICKET, {
      advanceTo: async (offset) => {
        await clock.advanceTo(T0 + offset);
        await runtime.settled(TICKET);
      },
      afterOverdue: async () => {
        overdueMails = smtp.received
          .filter((m) => m.subject.includes('is overdue'))
          .map(({ to, subject }) => ({ to, subject }));
      },
    });
    await runtime.settled();
    const stats = runtime.commandStats(TICKET)!;
    const live = await runtime.readState(TICKET);
    expect(live?.state.status).toBe('done');
    await runtime.close();
    return {
      stages: await t.db
        .select()
        .from(stages)
        .where(eq(stages.ticketId, TICKET))
        .orderBy(asc(stages.enteredAt), asc(stages.taskId)),
      ticket: (await t.db.select().from(tickets).where(eq(tickets.id, TICKET)))[0]!,
      timeline: (
        await t.db
          .select()
          .from(ticketEvents)
          .where(eq(ticketEvents.ticketId, TICKET))
          .orderBy(asc(ticketEvents.seq), asc(ticketEvents.ord))
      ).map((e) => `${e.seq}.${e.ord} ${e.type}`),
      mails: smtp.received.map(({ to, subject }) => ({ to, subject })),
      overdueMails,
      notifications: await t.db
        .select({
          channel: notifications.channel,
          template: notifications.template,
          userId: notifications.userId,
          email: notifications.email,
        })
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
      wallMin: [s.queueMs, s.workMs, s.totalMs].map((ms) => ms! / MIN),
      businessMin: [s.businessQueueMs, s.businessWorkMs, s.businessTotalMs].map((ms) => ms! / MIN),
    }));
    expect(rows).toEqual([
      // Dispatch: assigned round-robin the moment it opened (no queue), dispatched after 5 minutes.
      {
        element: 'Task_RecordCall',
        department: 'support',
        assignee: USERS.supportAgent1,
        outcome: 'dispatch',
        level: 'ok',
        wallMin: [0, 5, 5],
        businessMin: [0, 5, 5],
      },
      // Fault handling: Monday 09:05 to the transfer on Tuesday 10:00 = 24 h 55 min of wall-clock
      // time but 8 h 55 min of office time (09:05-12:00, 13:00-18:00, then 09:00-10:00).
      {
        element: 'Task_Fault',
        department: 'faults',
        assignee: USERS.faultsAgent,
        outcome: 'transferred',
        level: 'overdue',
        wallMin: [0, 1495, 1495],
        businessMin: [0, 535, 535],
      },
      {
        element: 'Task_AfterSales',
        department: 'after-sales',
        assignee: USERS.afterSalesAgent,
        outcome: 'replacement-sent',
        level: 'ok',
        wallMin: [0, 30, 30],
        businessMin: [0, 30, 30],
      },
      // Nobody in the call-back team handled this customer before: least-loaded decides.
      {
        element: 'Task_Callback',
        department: 'callback',
        assignee: USERS.callbackAgent,
        outcome: 'replied',
        level: 'ok',
        wallMin: [0, 30, 30],
        businessMin: [0, 30, 30],
      },
    ]);
    expect(first.stages.every((s) => s.closedAt !== null && s.slaCalendar === 'office')).toBe(true);
    expect(first.stages[1]!.dueAt).toEqual(new Date(T0 + DAY + 5 * MIN)); // Tuesday 09:05
  });

  it('reminds and warns in-app and by e-mail, e-mails the overdue reminder to the assignee and the lead', () => {
    const sent = first.notifications.map((n) => `${n.channel}:${n.template}:${n.userId ?? n.email}`);
    expect(sent).toEqual(
      expect.arrayContaining([
        `in_app:task-reminder:${USERS.faultsAgent}`,
        `in_app:task-reminder:${USERS.faultsLead}`,
        `in_app:sla.warning:${USERS.faultsAgent}`,
        `in_app:sla.overdue:${USERS.faultsAgent}`,
        `in_app:sla.overdue:${USERS.faultsLead}`,
        `email:sla.overdue:${USERS.faultsAgent}`,
        `email:sla.overdue:${USERS.faultsLead}`,
        'email:call-centre-reply:chen@example.com',
      ]),
    );
    expect(sent.filter((n) => n.includes(':sla.'))).toHaveLength(3 * 2); // warning: 1 person, overdue: 2; in-app + e-mail each
    // What had arrived at the SMTP server when the stage turned overdue:
    expect(first.overdueMails.map((m) => m.to[0]).sort()).toEqual([
      'faults.agent@baton.local',
      'faults.lead@baton.local',
    ]);
    expect(first.overdueMails[0]!.subject).toMatch(
      /#\d+ "Router keeps rebooting": "Diagnose and fix the fault" is overdue/,
    );
    // The written reply reaches the customer without anything internal in it, and, the ticket
    // done, the request for a rating (both are in the outbox; the order they leave in is free).
    const toCustomer = first.mails.filter((m) => m.to[0] === 'chen@example.com');
    expect(toCustomer.map((m) => m.subject).sort()).toEqual([
      expect.stringMatching(/^How did we do\? \[#\d+\] Router keeps rebooting$/),
      expect.stringMatching(/^Your request #\d+ "Router keeps rebooting": Call centre reply$/),
    ]);
  });

  it('closes the ticket as done with a complete timeline', () => {
    expect(first.ticket).toMatchObject({
      status: 'done',
      slaLevel: 'ok',
      closedAt: new Date(T0 + DAY + 2 * HOUR),
    });
    expect(first.timeline[0]).toBe('0.0 ticket.started');
    expect(first.timeline.filter((e) => e.endsWith(' task.transferred'))).toHaveLength(1);
    expect(first.timeline.filter((e) => e.endsWith(' sla.level'))).toHaveLength(2);
    // The last step completes the ticket, and says which status it took.
    expect(first.timeline.slice(-2)).toEqual([
      expect.stringMatching(/ ticket.completed$/),
      expect.stringMatching(/ ticket.status$/),
    ]);
    expect(first.timeline.filter((e) => e.endsWith(' ticket.status')).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same rows when the same script runs again on a fresh database', () => {
    const comparable = (o: Outcome) => ({ ...o, ticket: { ...o.ticket, number: 0 } });
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('stays within the history budget per closed stage', () => {
    const closed = first.stages.length;
    const events = estimatedHistoryEvents(first.stats);
    // A timer firing (reminder, SLA warning, overdue) is an extra input on top of a stage's own
    // work: a workflow task (3), the firing (1), its record (1) and the next timer (1).
    const escalationEvents = 6 * first.stats.timersFired;
    const commands =
      first.stats.localActivities +
      first.stats.activities +
      first.stats.timersStarted +
      first.stats.timersCancelled;
    console.log(
      `[workflow commands] ${JSON.stringify(first.stats)} over ${closed} closed stages: ` +
        `${(commands / closed).toFixed(2)} commands (local activities + activities + timers started/cancelled) per stage; ` +
        `~${events} history events in total = ${(events / closed).toFixed(2)} per stage including ${first.stats.timersFired} timer firings, ` +
        `${((events - escalationEvents) / closed).toFixed(2)} per stage without them`,
    );
    // An agent's action is recorded by an activity once its workflow task commits (6 events,
    // where a local activity's marker was 1: a discarded task must not write), so ~5 more per
    // action than before; a stage takes one or two actions.
    expect((events - escalationEvents) / closed).toBeLessThanOrEqual(17);
    expect(events / closed).toBeLessThanOrEqual(21);
  });
});
