import { describe, expect, it } from 'vitest';
import type { CalendarSpec, Flow } from '../types.js';
import { addBusinessTime } from '../calendar/index.js';
import { explainSla, openTasks } from './index.js';
import { agent, manager } from './testing/actors.js';
import { drive, ofType, pendingTimers } from './testing/drive.js';
import { after, every, flowBuilder, HOUR, MINUTE, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const ann = agent('ann', 'support');
const input = { ticketId: 'T', variables: {} };

const slaFlow = (extra: Partial<Pick<Flow, 'calendar' | 'calendars' | 'ticketSla'>> = {}): Flow =>
  flowBuilder('sla')
    .start('s')
    .userTask('work', { department: 'support', sla: sla(10 * HOUR) })
    .end('e')
    .path('s', 'work', 'e')
    .with(extra)
    .build();

describe('SLA ladder', () => {
  it('reaches each level only through its timer, notifying the right people', () => {
    const flow = slaFlow();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 8 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:warning' } },
      { at: T0 + 9 * HOUR, event: { type: 'task.claimed', taskId: 't1', actor: ann } },
      { at: T0 + 10 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:overdue' } },
      { at: T0 + 13 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:severe' } },
    ]);
    expect(steps[0]!.effects).toEqual([
      { type: 'sla.level', taskId: 't1', level: 'warning', at: T0 + 8 * HOUR },
      { type: 'notify', to: ['group:support'], template: 'sla.warning', taskId: 't1' },
      { type: 'timer.start', timerId: 'sla:t1:overdue', at: T0 + 10 * HOUR }, // the next rung
    ]);
    expect(steps[2]!.effects[1]).toEqual({
      type: 'notify',
      to: ['user:ann', 'lead:support'],
      template: 'sla.overdue',
      taskId: 't1',
    });
    expect(steps[3]!.effects[1]).toEqual({
      type: 'notify',
      to: ['user:ann', 'lead:support', 'role:manager'],
      template: 'sla.severe',
      taskId: 't1',
    });
    expect(openTasks(state)[0]!.slaLevel).toBe('severe');
  });

  it('hold pauses the clock; resume moves the deadlines by the time held', () => {
    const flow = slaFlow();
    const { steps, state } = drive(flow, input, T0, [
      {
        at: T0 + 2 * HOUR,
        event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'waiting for the customer' },
      },
      { at: T0 + 5 * HOUR, event: { type: 'task.resumed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[0]!.effects, 'timer.cancel')).toEqual([
      { type: 'timer.cancel', timerId: 'sla:t1:warning' },
    ]);
    expect(openTasks(steps[0]!.state)[0]).toMatchObject({ held: true });
    expect(openTasks(steps[0]!.state)[0]!.dueAt).toBeUndefined();
    expect(ofType(steps[1]!.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at: T0 + 11 * HOUR },
    ]);
    expect(steps[1]!.state.tasks.t1!.sla).toMatchObject({
      warningAt: T0 + 11 * HOUR,
      dueAt: T0 + 13 * HOUR,
      severeAt: T0 + 16 * HOUR,
    });
    const explained = explainSla(flow, state.tasks.t1!.sla!, T0 + 6 * HOUR);
    expect(explained).toMatchObject({
      targetMs: 10 * HOUR,
      consumedMs: 3 * HOUR,
      remainingMs: 7 * HOUR,
      dueAt: T0 + 13 * HOUR,
    });
    expect(explained.segments).toEqual([
      { from: T0, to: T0 + 2 * HOUR },
      { from: T0 + 5 * HOUR, to: T0 + 6 * HOUR },
    ]);
    expect(explained.pauses).toEqual([
      { from: T0 + 2 * HOUR, to: T0 + 5 * HOUR, reason: 'waiting for the customer' },
    ]);
  });

  it('a customer message resumes a held task', () => {
    const { steps } = drive(slaFlow(), input, T0, [
      { at: T0 + HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'asked the customer' } },
      {
        at: T0 + 2 * HOUR,
        event: { type: 'message.received', name: 'customer-reply', data: { reply: 'yes' } },
      },
    ]);
    expect(steps[1]!.rejected).toBeUndefined();
    expect(openTasks(steps[1]!.state)[0]).toMatchObject({ dueAt: T0 + 11 * HOUR });
    expect(steps[1]!.state.variables.reply).toBe('yes');
  });

  it('a denied extension is an event of its own: recorded (a new step), the deadline and timers untouched', () => {
    const flow = slaFlow();
    const stranger = agent('bob', 'refunds');
    const { start, steps, state } = drive(flow, input, T0, [
      {
        at: T0 + HOUR,
        event: {
          type: 'task.extensionDenied',
          taskId: 't1',
          actor: manager,
          extendByMs: 5 * HOUR,
          reason: 'no',
        },
      },
      { at: T0 + HOUR, event: { type: 'task.extensionDenied', taskId: 't1', actor: stranger } },
      { at: T0 + HOUR, event: { type: 'task.extensionDenied', taskId: 't1', actor: ann, extendByMs: -1 } },
    ]);
    expect(steps[0]!.rejected).toBeUndefined();
    expect(steps[0]!.effects).toEqual([]);
    expect(steps[0]!.state.seq).toBe(start.state.seq + 1);
    expect(steps[0]!.state.tasks).toEqual(start.state.tasks);
    expect(steps[1]!.rejected).toMatch(/^forbidden/);
    expect(steps[2]!.rejected).toMatch(/^invalid/);
    expect(state.tasks.t1!.sla).toMatchObject({ dueAt: T0 + 10 * HOUR });
    expect(pendingTimers([start, ...steps]).has('sla:t1:warning')).toBe(true);
  });

  it('a request can be denied after its task closed (a grant cannot), but not in a finished ticket', () => {
    const flow = flowBuilder('two')
      .start('s')
      .userTask('work', { department: 'support', sla: sla(10 * HOUR) })
      .userTask('more', { department: 'support', sla: sla(10 * HOUR) })
      .end('e')
      .path('s', 'work', 'more', 'e')
      .build();
    const { steps } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
      { at: T0 + HOUR, event: { type: 'task.extensionGranted', taskId: 't1', actor: ann, extendByMs: HOUR } },
      {
        at: T0 + HOUR,
        event: { type: 'task.extensionDenied', taskId: 't1', actor: ann, reason: 'too late' },
      },
      { at: T0 + HOUR, event: { type: 'task.extensionDenied', taskId: 'nope', actor: ann } },
      { at: T0 + HOUR, event: { type: 'task.completed', taskId: 't2', actor: ann } },
      { at: T0 + HOUR, event: { type: 'task.extensionDenied', taskId: 't2', actor: ann } },
    ]);
    expect(steps.map((step) => step.rejected?.split(':')[0])).toEqual([
      undefined,
      'conflict',
      undefined,
      'unknown-task',
      undefined,
      'conflict',
    ]);
  });

  it('an extension moves the deadlines and lowers a reached level', () => {
    const flow = slaFlow();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 10 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:warning' } },
      { at: T0 + 10 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:overdue' } },
      {
        at: T0 + 10 * HOUR,
        event: { type: 'task.extensionGranted', taskId: 't1', actor: manager, extendByMs: 5 * HOUR },
      },
      {
        at: T0 + 10 * HOUR,
        event: { type: 'task.extensionGranted', taskId: 't1', actor: manager, extendByMs: -1 },
      },
    ]);
    expect(steps[3]!.rejected).toMatch(/^invalid/);
    // 10 h consumed of 15 h is below the new warning threshold (12 h): back to ok, all re-armed.
    expect(ofType(steps[2]!.effects, 'timer.cancel')).toEqual([
      { type: 'timer.cancel', timerId: 'sla:t1:severe' },
    ]);
    expect(ofType(steps[2]!.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at: T0 + 12 * HOUR },
    ]);
    expect(state.tasks.t1!.sla).toMatchObject({
      dueAt: T0 + 15 * HOUR,
      severeAt: T0 + Math.round(1.3 * 15 * HOUR),
    });
    expect(state.tasks.t1!.sla!.level).toBe('ok');
    expect(explainSla(flow, state.tasks.t1!.sla!, T0 + 10 * HOUR).extensions).toEqual([
      { at: T0 + 10 * HOUR, byMs: 5 * HOUR, by: 'boss' },
    ]);
  });

  it('a whole-ticket SLA runs from start to completion', () => {
    const flow = slaFlow({ ticketSla: sla(24 * HOUR) });
    const { start, steps, state } = drive(flow, input, T0, [
      { at: T0 + 0.8 * 24 * HOUR, event: { type: 'timer.fired', timerId: 'sla:ticket:warning' } },
      { at: T0 + 20 * HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(start.effects, 'timer.start').map((e) => e.timerId)).toEqual([
      'sla:ticket:warning',
      'sla:t1:warning',
    ]);
    expect(steps[0]!.effects[0]).toEqual({ type: 'sla.level', level: 'warning', at: T0 + 0.8 * 24 * HOUR });
    expect(state.ticketSla!.level).toBe('warning');
    expect(
      ofType(steps[1]!.effects, 'timer.cancel')
        .map((e) => e.timerId)
        .sort(),
    ).toEqual(['sla:t1:warning', 'sla:ticket:overdue']);
    expect(pendingTimers([start, ...steps], ['sla:ticket:warning'])).toEqual(new Set());
  });

  it('counts business time in the task calendar', () => {
    const office: CalendarSpec = {
      timeZone: 'UTC',
      week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
    };
    const flow = slaFlow({ calendar: 'office', calendars: { office } });
    const { start, steps } = drive(flow, input, T0, [
      { at: T0 + 24 * HOUR + 3 * HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(start.effects, 'stage.opened')[0]!.dueAt).toBe(addBusinessTime(T0, 10 * HOUR, office));
    expect(ofType(steps[0]!.effects, 'stage.closed')[0]).toMatchObject({
      totalMs: 27 * HOUR,
      businessMs: 11 * HOUR,
    });
  });

  it('keeps hold time apart from work: held twice (resumed by an agent, then by a customer message)', () => {
    const office: CalendarSpec = {
      timeZone: 'UTC',
      week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
    };
    const flow = slaFlow({ calendar: 'office', calendars: { office } });
    // Monday: held 10:00-11:00 (1 h, all open hours), resumed by ann. Held again 16:00 until a
    // customer reply on Tuesday 10:00 (18 h wall, 2 h open: Mon 16-17, Tue 09-10). Closed 12:00.
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + 2 * HOUR, event: { type: 'task.resumed', taskId: 't1', actor: ann } },
      { at: T0 + 7 * HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + 25 * HOUR, event: { type: 'message.received', name: 'customer-reply' } },
      { at: T0 + 27 * HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(steps.map((step) => step.rejected)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(steps[1]!.state.tasks.t1).toMatchObject({ heldMs: HOUR, businessHeldMs: HOUR });
    const closed = ofType(steps[4]!.effects, 'stage.closed')[0]!;
    expect(closed).toMatchObject({
      totalMs: 27 * HOUR,
      heldMs: 19 * HOUR,
      businessMs: 11 * HOUR, // Mon 09-17, Tue 09-12
      businessHeldMs: 3 * HOUR,
    });
    // Work is what is left, and it is what the deadline clock counted.
    expect(closed.totalMs - closed.heldMs).toBe(8 * HOUR);
    expect(closed.businessMs - closed.businessHeldMs).toBe(state.tasks.t1!.sla!.consumedMs);
    expect(state.tasks.t1).toMatchObject({ heldMs: 19 * HOUR, businessHeldMs: 3 * HOUR });
  });

  it('a task closed while on hold counts the hold up to the close; one never held has none', () => {
    const flow = slaFlow();
    const { steps } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + 3 * HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[1]!.effects, 'stage.closed')[0]).toMatchObject({
      totalMs: 3 * HOUR,
      businessMs: 3 * HOUR,
      heldMs: 2 * HOUR,
      businessHeldMs: 2 * HOUR,
    });
    const never = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(never.steps[0]!.effects, 'stage.closed')[0]).toMatchObject({
      heldMs: 0,
      businessHeldMs: 0,
    });
    expect(never.state.tasks.t1!.heldMs).toBeUndefined();
  });
});

describe('timers', () => {
  it('an intermediate timer waits, then continues', () => {
    const flow = flowBuilder('t')
      .start('s')
      .catchEvent('wait', { timer: after(HOUR) })
      .userTask('u', { department: 'support' })
      .path('s', 'wait', 'u')
      .build();
    const { start, steps } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'timer.fired', timerId: 'catch:k1:wait' } },
    ]);
    expect(start.effects).toEqual([{ type: 'timer.start', timerId: 'catch:k1:wait', at: T0 + HOUR }]);
    expect(ofType(steps[0]!.effects, 'stage.opened')).toHaveLength(1);
  });

  it('an interrupting boundary timer closes the task with outcome timeout', () => {
    const flow = flowBuilder('b')
      .start('s')
      .userTask('u', { department: 'support' })
      .boundary('late', 'u', after(30 * MINUTE))
      .userTask('escalate', { department: 'support' })
      .end('e')
      .path('s', 'u', 'e')
      .path('late', 'escalate', 'e')
      .build();
    const { start, steps, state } = drive(flow, input, T0, [
      { at: T0 + 30 * MINUTE, event: { type: 'timer.fired', timerId: 'boundary:t1:late' } },
    ]);
    expect(ofType(start.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'boundary:t1:late', at: T0 + 30 * MINUTE },
    ]);
    expect(ofType(steps[0]!.effects, 'stage.closed')[0]).toMatchObject({ taskId: 't1', outcome: 'timeout' });
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['escalate']);
  });

  it('a non-interrupting cycle keeps the task and repeats up to its repetitions', () => {
    const flow = flowBuilder('c')
      .start('s')
      .userTask('u', { department: 'support' })
      .boundary('nag', 'u', every(HOUR, 2), { cancelActivity: false })
      .sendTask('remind', ['assignee', 'lead'], 'reminder')
      .end('e')
      .end('e2')
      .path('s', 'u', 'e')
      .path('nag', 'remind', 'e2')
      .build();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 5, event: { type: 'task.claimed', taskId: 't1', actor: ann } },
      { at: T0 + HOUR, event: { type: 'timer.fired', timerId: 'boundary:t1:nag' } },
      { at: T0 + 2 * HOUR, event: { type: 'timer.fired', timerId: 'boundary:t1:nag' } },
      { at: T0 + 3 * HOUR, event: { type: 'timer.fired', timerId: 'boundary:t1:nag' } },
      { at: T0 + 3 * HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(steps[1]!.effects).toEqual([
      { type: 'timer.start', timerId: 'boundary:t1:nag', at: T0 + 2 * HOUR },
      { type: 'notify', to: ['user:ann', 'lead:support'], template: 'reminder', taskId: 't1' },
    ]);
    expect(ofType(steps[2]!.effects, 'timer.start')).toEqual([]);
    expect(steps[3]!.rejected).toMatch(/^unknown-timer/);
    expect(state.status).toBe('done');
  });
});

describe('extension keeps a level the consumed time still reaches', () => {
  it('stays overdue when the extension is too small', () => {
    const flow = slaFlow();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 8 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:warning' } },
      { at: T0 + 10 * HOUR, event: { type: 'timer.fired', timerId: 'sla:t1:overdue' } },
      {
        at: T0 + 11 * HOUR,
        event: { type: 'task.extensionGranted', taskId: 't1', actor: manager, extendByMs: HOUR / 2 },
      },
    ]);
    expect(state.tasks.t1!.sla!.level).toBe('overdue');
    expect(ofType(steps[2]!.effects, 'timer.start').map((e) => e.timerId)).toEqual(['sla:t1:severe']);
  });
});

describe('explainSla', () => {
  it('shows the business segments counted, cut by pauses, opening hours and the close', () => {
    const office: CalendarSpec = {
      timeZone: 'UTC',
      week: { mon: [['09:00', '17:00']], tue: [['09:00', '17:00']] },
    };
    const flow = slaFlow({ calendar: 'office', calendars: { office } });
    const { state } = drive(flow, input, T0, [
      { at: T0 + 2 * HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + 3 * HOUR, event: { type: 'task.resumed', taskId: 't1' } },
      { at: T0 + 25 * HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    const explained = explainSla(flow, state.tasks.t1!.sla!, T0 + 72 * HOUR);
    expect(explained.segments).toEqual([
      { from: T0, to: T0 + 2 * HOUR },
      { from: T0 + 3 * HOUR, to: T0 + 8 * HOUR },
      { from: T0 + 24 * HOUR, to: T0 + 25 * HOUR },
    ]);
    expect(explained.consumedMs).toBe(8 * HOUR);
    expect(explained.segments.reduce((sum, s) => sum + s.to - s.from, 0)).toBe(explained.consumedMs);
    expect(explained).toMatchObject({
      calendar: 'office',
      remainingMs: 2 * HOUR,
      pauses: [{ from: T0 + 2 * HOUR, to: T0 + 3 * HOUR, reason: 'customer' }],
    });
    // The ledger: Monday 09-11 counted, on hold 11-12, counted until 17:00, closed overnight,
    // counted Tuesday 09-10, then the task closed and the clock with it.
    expect(explained.ledger).toEqual([
      { kind: 'counting', from: T0, to: T0 + 2 * HOUR, calendar: 'office' },
      { kind: 'paused', from: T0 + 2 * HOUR, to: T0 + 3 * HOUR, reason: 'customer' },
      { kind: 'counting', from: T0 + 3 * HOUR, to: T0 + 8 * HOUR, calendar: 'office' },
      { kind: 'closed', from: T0 + 8 * HOUR, to: T0 + 24 * HOUR, calendar: 'office' },
      { kind: 'counting', from: T0 + 24 * HOUR, to: T0 + 25 * HOUR, calendar: 'office' },
    ]);
  });
});
