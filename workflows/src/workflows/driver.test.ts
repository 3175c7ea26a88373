// The driver's pure planning and the single-timer bookkeeping, on the seeded call-centre flow.
import type { Flow } from '@baton/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DriverState, dueTimers, earliestTimer, planEvent, planStart, ticketStatus } from './driver.js';
import { emptyCommandStats } from './records.js';
import { singleTimer } from './single-timer.js';
import { seededCallCentre } from '../../test/support/seeded-call-centre.js';

const T0 = Date.parse('2026-03-02T01:00:00Z'); // Monday 09:00 in Shanghai
const MIN = 60_000;
const support = (userId: string) => ({ userId, departments: ['support'], roles: ['agent'] });
let flow: Flow;

beforeAll(async () => {
  flow = await seededCallCentre();
});

const ticket = {
  ticketId: 'd-1',
  typeId: 'call-centre',
  flowVersionId: 'fv',
  variables: { category: 'fault' },
};

describe('planStart / planEvent', () => {
  it('plans the first step: a record with the ticket, the opened stage, an assignment request and timers', () => {
    const planned = planStart(flow, ticket, T0);
    expect(planned.record).toMatchObject({ ticketId: 'd-1', seq: 0, ticket, status: 'submitted' });
    expect(planned.record!.stages).toEqual([
      expect.objectContaining({
        elementId: 'Task_RecordCall',
        department: 'support',
        slaTargetMs: 10 * MIN,
        slaCalendar: 'office',
        dueAt: T0 + 10 * MIN,
      }),
    ]);
    expect(planned.record!.timeline.map((e) => e.type)).toEqual(['ticket.started', 'stage.opened']);
    expect(planned.assignments).toEqual([
      {
        ticketId: 'd-1',
        taskId: planned.record!.stages[0]!.taskId,
        department: 'support',
        strategy: 'round-robin',
      },
    ]);
    // Both SLA clocks (the stage's and the whole ticket's) have a pending timer in the book.
    const taskId = planned.record!.stages[0]!.taskId;
    expect(Object.keys(planned.driver.timers).some((id) => id.includes(taskId))).toBe(true);
    expect(Object.keys(planned.driver.timers).some((id) => id.includes('ticket'))).toBe(true);
    expect(earliestTimer(planned.driver.timers)).toBe(T0 + 8 * MIN); // 80 % of 10 minutes
  });

  it('records a claim as in progress, and rejects what the engine rejects without changing anything', () => {
    const started = planStart(flow, ticket, T0).driver;
    const taskId = Object.keys(started.run.tasks)[0]!;
    const claimed = planEvent(
      flow,
      started,
      { type: 'task.claimed', taskId, actor: support('sam') },
      T0 + MIN,
    );
    expect(claimed.record).toMatchObject({ seq: 1, status: 'in_progress' });
    // The status it changed to is on the timeline, for timing rules that start or stop on it.
    expect(claimed.record!.timeline.map((e) => e.type)).toEqual([
      'task.claimed',
      'stage.claimed',
      'ticket.status',
    ]);
    expect(claimed.record!.timeline[0]).toMatchObject({ actorId: 'sam', taskId });
    expect(claimed.record!.timeline[2]).toMatchObject({
      at: T0 + MIN,
      data: { from: 'submitted', to: 'in_progress' },
    });
    const again = planEvent(
      flow,
      claimed.driver,
      { type: 'task.claimed', taskId, actor: support('sofia') },
      T0 + 2 * MIN,
    );
    expect(again.rejected).toMatch(/^conflict: /);
    expect(again.driver).toBe(claimed.driver);
    expect(again.record).toBeUndefined();
  });

  it('drops a fired timer from the book and records its SLA level; a stale timer changes nothing', () => {
    const started = planStart(flow, ticket, T0).driver;
    const [warning] = dueTimers(started.timers, T0 + 8 * MIN);
    expect(warning).toBeDefined();
    const fired = planEvent(flow, started, { type: 'timer.fired', timerId: warning!.timerId }, T0 + 8 * MIN);
    expect(fired.driver.timers[warning!.timerId]).toBeUndefined();
    expect(fired.record!.timeline.map((e) => e.type)).toEqual(['timer.fired', 'sla.level', 'notification']);
    expect(fired.record!.notifications).toEqual([expect.objectContaining({ template: 'sla.warning' })]);
    const stale = planEvent(
      flow,
      fired.driver,
      { type: 'timer.fired', timerId: warning!.timerId },
      T0 + 9 * MIN,
    );
    expect(stale.rejected).toMatch(/^unknown-timer: /);
  });

  it('records the pending levels with the notices their firing sends, and names the level a firing reached', () => {
    const started = planStart(flow, ticket, T0);
    const taskId = started.record!.stages[0]!.taskId;
    const warning = started.record!.escalations!.find((e) => e.clock === taskId)!;
    expect(warning).toEqual({
      clock: taskId,
      taskId,
      level: 'warning',
      dueAt: T0 + 8 * MIN,
      notifications: [{ to: ['group:support'], template: 'sla.warning', taskId }],
    });
    // The whole ladder, each rung with the notices its firing sends (the lead, then the manager).
    expect(
      started
        .record!.escalations!.filter((e) => e.clock === taskId)
        .map((e) => [e.level, e.dueAt, e.notifications[0]!.to]),
    ).toEqual([
      ['warning', T0 + 8 * MIN, ['group:support']],
      ['overdue', T0 + 10 * MIN, ['group:support', 'lead:support']],
      ['severe', T0 + 13 * MIN, ['group:support', 'lead:support', 'role:manager']],
    ]);
    expect(started.record!.escalations!.some((e) => e.clock === 'ticket')).toBe(true);
    // Fired late (the workflow lagging): keyed by the instant it was due, the notices the same.
    const fired = planEvent(
      flow,
      started.driver,
      { type: 'timer.fired', timerId: `sla:${taskId}:warning` },
      T0 + 9 * MIN,
    );
    expect(fired.record!.reachedLevel).toEqual({ clock: taskId, level: 'warning', dueAt: T0 + 8 * MIN });
    expect(fired.record!.notifications).toEqual(warning.notifications);
    expect(fired.record!.escalations!.find((e) => e.clock === taskId)).toMatchObject({
      level: 'overdue',
      dueAt: T0 + 10 * MIN,
    });
    // A claim reaches no level; a hold leaves the task's clock nothing pending.
    const claimed = planEvent(
      flow,
      started.driver,
      { type: 'task.claimed', taskId, actor: support('sam') },
      T0 + MIN,
    );
    expect(claimed.record!.reachedLevel).toBeUndefined();
    expect(claimed.record!.escalations!.find((e) => e.clock === taskId)!.notifications[0]!.to).toEqual([
      'user:sam',
    ]);
    const held = planEvent(
      flow,
      claimed.driver,
      { type: 'task.held', taskId, actor: support('sam'), reason: 'waiting' },
      T0 + 2 * MIN,
    );
    expect(held.record!.escalations!.filter((e) => e.clock === taskId)).toEqual([]);
  });

  it('derives the ticket status: pending while every open task is held', () => {
    const started = planStart(flow, ticket, T0).driver;
    const taskId = Object.keys(started.run.tasks)[0]!;
    const claimed = planEvent(
      flow,
      started,
      { type: 'task.claimed', taskId, actor: support('sam') },
      T0 + MIN,
    ).driver;
    const held: DriverState = planEvent(
      flow,
      claimed,
      { type: 'task.held', taskId, actor: support('sam'), reason: 'waiting' },
      T0 + 2 * MIN,
    ).driver;
    expect([ticketStatus(started.run), ticketStatus(claimed.run), ticketStatus(held.run)]).toEqual([
      'submitted',
      'in_progress',
      'pending',
    ]);
  });

  it('records the time on hold apart: the hold in progress while open, every hold summed once closed', () => {
    let state = planStart(flow, ticket, T0).driver;
    const taskId = Object.keys(state.run.tasks)[0]!;
    const sam = support('sam');
    const step = (event: Parameters<typeof planEvent>[2], at: number) => {
      const planned = planEvent(flow, state, event, at);
      state = planned.driver;
      return planned.record!.stages.find((stage) => stage.taskId === taskId)!;
    };
    step({ type: 'task.claimed', taskId, actor: sam }, T0 + MIN);
    expect(step({ type: 'task.held', taskId, actor: sam, reason: 'asked' }, T0 + 2 * MIN)).toMatchObject({
      heldMs: 0,
      heldSince: T0 + 2 * MIN,
    });
    const resumed = step({ type: 'task.resumed', taskId, actor: sam }, T0 + 3 * MIN);
    expect(resumed).toMatchObject({ heldMs: MIN, businessHeldMs: MIN });
    expect(resumed.heldSince).toBeUndefined();
    step({ type: 'task.held', taskId, actor: sam, reason: 'asked again' }, T0 + 4 * MIN);
    step({ type: 'message.received', name: 'customer-reply' }, T0 + 6 * MIN);
    const closed = step(
      { type: 'task.completed', taskId, actor: sam, outcome: 'resolved-on-call' },
      T0 + 9 * MIN,
    );
    expect(closed).toMatchObject({
      heldMs: 3 * MIN,
      businessHeldMs: 3 * MIN, // Monday 09:02-09:06 in Shanghai: open hours
      durations: { totalMs: 9 * MIN, businessTotalMs: 9 * MIN },
    });
    expect(closed.heldSince).toBeUndefined();
  });

  it('records the time extensions granted and, once closed, the business time the clock counted', () => {
    let state = planStart(flow, ticket, T0).driver;
    const taskId = Object.keys(state.run.tasks)[0]!;
    const sam = support('sam');
    const lead = { userId: 'lena', departments: ['support'], roles: ['lead'] };
    const step = (event: Parameters<typeof planEvent>[2], at: number) => {
      const planned = planEvent(flow, state, event, at);
      expect(planned.rejected).toBeUndefined();
      state = planned.driver;
      return planned.record!.stages.find((stage) => stage.taskId === taskId)!;
    };
    expect(step({ type: 'task.claimed', taskId, actor: sam }, T0 + MIN)).toMatchObject({ slaExtendedMs: 0 });
    step({ type: 'task.extensionGranted', taskId, actor: lead, extendByMs: 20 * MIN }, T0 + 2 * MIN);
    step({ type: 'task.held', taskId, actor: sam, reason: 'asked' }, T0 + 3 * MIN);
    const open = step({ type: 'task.resumed', taskId, actor: sam }, T0 + 5 * MIN);
    expect(open.slaConsumedMs).toBeUndefined();
    const closed = step(
      { type: 'task.completed', taskId, actor: sam, outcome: 'resolved-on-call' },
      T0 + 9 * MIN,
    );
    // 9 minutes open, 2 of them on hold (Monday morning, open hours in Shanghai).
    expect(closed).toMatchObject({ slaExtendedMs: 20 * MIN, slaConsumedMs: 7 * MIN });
  });
});

describe('dueTimers', () => {
  it('orders due timers by instant, then id, and leaves future ones', () => {
    expect(dueTimers({ b: 5, a: 5, c: 1, later: 99 }, 10)).toEqual([
      { timerId: 'c', at: 1 },
      { timerId: 'a', at: 5 },
      { timerId: 'b', at: 5 },
    ]);
  });
});

describe('singleTimer', () => {
  it('keeps one armed timer for the earliest engine timer, counting starts, cancels and firings', () => {
    const armed: { at: number; fire: () => void; cancelled: boolean }[] = [];
    const stats = emptyCommandStats();
    let fired = 0;
    const timer = singleTimer(
      {
        start(at, fire) {
          const entry = { at, fire, cancelled: false };
          armed.push(entry);
          return { cancel: () => void (entry.cancelled = true) };
        },
      },
      stats,
      () => void fired++,
    );
    timer.reschedule({ warn: 100, due: 200 });
    timer.reschedule({ warn: 100, due: 200, ticket: 900 }); // same earliest: nothing to do
    expect(armed).toHaveLength(1);
    timer.reschedule({ due: 200 }); // earliest moved: cancel + start
    expect(armed.map((a) => [a.at, a.cancelled])).toEqual([
      [100, true],
      [200, false],
    ]);
    armed[1]!.fire();
    expect(fired).toBe(1);
    expect(timer.armedAt()).toBeUndefined();
    timer.reschedule({});
    expect(stats).toMatchObject({ timersStarted: 2, timersCancelled: 1, timersFired: 1 });
  });
});
