import { describe, expect, it } from 'vitest';
import { rejectCode, type Effect, type Flow, type RunEvent, type RunState, type Step } from '../types.js';
import { applyEvent, openTasks, startRun } from './index.js';
import { admin, agent } from './testing/actors.js';
import { flowBuilder, HOUR, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9); // a Monday

const supportFlow = (): Flow =>
  flowBuilder('support')
    .start('start')
    .userTask('intake', {
      department: 'support',
      outcomes: ['solved', 'escalate'],
      transferTo: ['refunds'],
      sla: sla(HOUR),
    })
    .exclusive('route')
    .userTask('refund', { department: 'refunds', returnable: true, transferTo: '*' })
    .userTask('escalation', { department: 'faults' })
    .end('done')
    .path('start', 'intake', 'route')
    .flow('route', 'escalation', { condition: 'outcome = "escalate"' })
    .flow('route', 'done', { isDefault: true })
    .path('escalation', 'done')
    .path('refund', 'done')
    .build();

const ann = agent('ann', 'support');
const bob = agent('bob', 'support');
const rita = agent('rita', 'refunds');

function run(flow: Flow, events: RunEvent[], start = T0): { state: RunState; steps: Step[] } {
  let { state } = startRun(flow, { ticketId: 'T-1', variables: { category: 'refund' } }, start);
  const steps: Step[] = [];
  events.forEach((event, i) => {
    const step = applyEvent(flow, state, event, start + (i + 1) * 60_000);
    steps.push(step);
    state = step.state;
  });
  return { state, steps };
}

const ofType = <T extends Effect['type']>(effects: Effect[], type: T): Extract<Effect, { type: T }>[] =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

describe('user tasks', () => {
  it('opens the first task with its SLA due date and arms the first rung of the ladder', () => {
    const step = startRun(supportFlow(), { ticketId: 'T-1', variables: {} }, T0);
    expect(step.effects).toContainEqual({
      type: 'stage.opened',
      taskId: 't1',
      elementId: 'intake',
      department: 'support',
      at: T0,
      dueAt: T0 + HOUR,
    });
    expect(ofType(step.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at: T0 + 0.8 * HOUR },
    ]);
    expect(step.state.tasks.t1!.sla).toMatchObject({
      warningAt: T0 + 0.8 * HOUR,
      dueAt: T0 + HOUR,
      severeAt: T0 + 1.3 * HOUR,
    });
    expect(openTasks(step.state)).toEqual([
      {
        taskId: 't1',
        elementId: 'intake',
        name: 'intake',
        department: 'support',
        outcomes: ['solved', 'escalate'],
        openedAt: T0,
        dueAt: T0 + HOUR,
        slaLevel: 'ok',
      },
    ]);
  });

  it('claims, completes with an outcome and data, routes on the outcome', () => {
    const { state, steps } = run(supportFlow(), [
      { type: 'task.claimed', taskId: 't1', actor: ann },
      { type: 'task.completed', taskId: 't1', actor: ann, outcome: 'escalate', data: { note: 'broken' } },
    ]);
    expect(steps[0]!.effects).toEqual([
      { type: 'stage.claimed', taskId: 't1', userId: 'ann', at: T0 + 60_000 },
    ]);
    const closed = ofType(steps[1]!.effects, 'stage.closed')[0]!;
    expect(closed).toMatchObject({
      taskId: 't1',
      outcome: 'escalate',
      totalMs: 120_000,
      businessMs: 120_000,
      claimedAt: T0 + 60_000,
      slaLevel: 'ok',
    });
    expect(ofType(steps[1]!.effects, 'timer.cancel').map((e) => e.timerId)).toEqual(['sla:t1:warning']);
    expect(state.variables).toMatchObject({ note: 'broken', outcome: 'escalate', category: 'refund' });
    expect(openTasks(state).map((t) => [t.taskId, t.elementId])).toEqual([['t2', 'escalation']]);
    expect(state.tasks.t2!.handedOverBy).toBe('t1');
  });

  it('completes the ticket when the last token ends, with no timers left', () => {
    const { state, steps } = run(supportFlow(), [
      { type: 'task.completed', taskId: 't1', actor: ann, outcome: 'solved' },
    ]);
    expect(state.status).toBe('done');
    expect(steps[0]!.effects.at(-1)).toEqual({ type: 'ticket.completed', at: T0 + 60_000, outcome: 'done' });
    expect(state.internal.timers).toEqual({});
    expect(state.tasks.t1!.assignee).toBe('ann'); // completing unclaimed assigns the actor
  });

  it.each<[string, RunEvent[], string]>([
    ['unknown task', [{ type: 'task.claimed', taskId: 't9', actor: ann }], 'unknown-task'],
    ['actor outside the department', [{ type: 'task.claimed', taskId: 't1', actor: rita }], 'forbidden'],
    [
      'claim of a claimed task',
      [
        { type: 'task.claimed', taskId: 't1', actor: ann },
        { type: 'task.claimed', taskId: 't1', actor: bob },
      ],
      'conflict',
    ],
    [
      'completion of someone else’s task',
      [
        { type: 'task.claimed', taskId: 't1', actor: ann },
        { type: 'task.completed', taskId: 't1', actor: bob, outcome: 'solved' },
      ],
      'conflict',
    ],
    [
      'outcome not offered',
      [{ type: 'task.completed', taskId: 't1', actor: ann, outcome: 'maybe' }],
      'invalid',
    ],
    ['missing outcome', [{ type: 'task.completed', taskId: 't1', actor: ann }], 'invalid'],
    [
      'closed task',
      [
        { type: 'task.completed', taskId: 't1', actor: ann, outcome: 'escalate' },
        { type: 'task.completed', taskId: 't1', actor: ann, outcome: 'escalate' },
      ],
      'conflict',
    ],
    [
      'transfer not allowed',
      [{ type: 'task.transferred', taskId: 't1', actor: ann, department: 'faults' }],
      'invalid',
    ],
    ['return without hand-over', [{ type: 'task.returned', taskId: 't1', actor: ann }], 'invalid'],
    [
      'hold twice',
      [
        { type: 'task.held', taskId: 't1', actor: ann, reason: 'x' },
        { type: 'task.held', taskId: 't1', actor: ann, reason: 'y' },
      ],
      'conflict',
    ],
    ['resume of a running task', [{ type: 'task.resumed', taskId: 't1' }], 'conflict'],
    [
      'non-positive extension',
      [{ type: 'task.extensionGranted', taskId: 't1', actor: ann, extendByMs: 0 }],
      'invalid',
    ],
    ['unknown timer', [{ type: 'timer.fired', timerId: 'sla:t1:nope' }], 'unknown-timer'],
    ['unknown activity', [{ type: 'activity.completed', activityId: 'a1' }], 'unknown-activity'],
    ['message nobody waits for', [{ type: 'message.received', name: 'reply' }], 'conflict'],
    [
      'an SLA timer cancelled by a hold',
      [
        { type: 'task.held', taskId: 't1', actor: ann, reason: 'x' },
        { type: 'timer.fired', timerId: 'sla:t1:warning' },
      ],
      'unknown-timer',
    ],
    [
      'transfer by someone outside the department',
      [{ type: 'task.transferred', taskId: 't1', actor: rita, department: 'refunds' }],
      'forbidden',
    ],
    [
      'an event type the engine does not know',
      [{ type: 'task.teleported' } as unknown as RunEvent],
      'invalid',
    ],
    [
      'a task event without an actor',
      [{ type: 'task.claimed', taskId: 't1' } as unknown as RunEvent],
      'invalid',
    ],
    [
      'a malformed message',
      [{ type: 'message.received', name: 'x', data: 'text' } as unknown as RunEvent],
      'invalid',
    ],
    [
      'an unknown task event type',
      [{ type: 'task.teleported', taskId: 't1', actor: ann } as unknown as RunEvent],
      'invalid',
    ],
    [
      'event after completion',
      [
        { type: 'task.completed', taskId: 't1', actor: ann, outcome: 'solved' },
        { type: 'task.claimed', taskId: 't1', actor: ann },
      ],
      'conflict',
    ],
  ])('rejects %s without changing the state', (_name, events, code) => {
    const { steps } = run(supportFlow(), events.slice(0, -1));
    const before =
      steps.at(-1)?.state ??
      startRun(supportFlow(), { ticketId: 'T-1', variables: { category: 'refund' } }, T0).state;
    const step = applyEvent(supportFlow(), before, events.at(-1)!, T0 + 10 * 60_000);
    expect(step.state).toBe(before);
    expect(step.effects).toEqual([]);
    expect(rejectCode(step.rejected ?? '')).toBe(code);
  });

  it('lets an admin act in any department', () => {
    const { state } = run(supportFlow(), [{ type: 'task.claimed', taskId: 't1', actor: admin }]);
    expect(state.tasks.t1!.assignee).toBe('root');
  });

  it('transfers to the entry task of an allowed department, and returns to the hand-over task', () => {
    const { state, steps } = run(supportFlow(), [
      { type: 'task.transferred', taskId: 't1', actor: ann, department: 'refunds' },
      { type: 'task.returned', taskId: 't2', actor: rita, reason: 'not a refund' },
    ]);
    expect(ofType(steps[0]!.effects, 'stage.closed')[0]).toMatchObject({
      taskId: 't1',
      outcome: 'transferred',
    });
    expect(ofType(steps[0]!.effects, 'stage.opened')[0]).toMatchObject({
      taskId: 't2',
      elementId: 'refund',
      department: 'refunds',
    });
    expect(ofType(steps[1]!.effects, 'stage.closed')[0]).toMatchObject({ taskId: 't2', outcome: 'returned' });
    expect(ofType(steps[1]!.effects, 'stage.opened')[0]).toMatchObject({
      taskId: 't3',
      elementId: 'intake',
      department: 'support',
    });
    expect(state.tasks.t3!.handedOverBy).toBe('t2');
  });

  it('continues from the transferred-to task’s outgoing flows', () => {
    const { state } = run(supportFlow(), [
      { type: 'task.transferred', taskId: 't1', actor: ann, department: 'refunds' },
      { type: 'task.completed', taskId: 't2', actor: rita },
    ]);
    expect(state.status).toBe('done');
  });

  it("accepts '*' transfers to any flow department only", () => {
    const { state } = run(supportFlow(), [
      { type: 'task.transferred', taskId: 't1', actor: ann, department: 'refunds' },
      { type: 'task.transferred', taskId: 't2', actor: rita, department: 'faults' },
    ]);
    expect(openTasks(state)[0]).toMatchObject({ elementId: 'escalation' });
    const bad = applyEvent(
      supportFlow(),
      state,
      { type: 'task.transferred', taskId: 't3', actor: agent('f', 'faults'), department: 'mars' },
      T0 + HOUR,
    );
    expect(rejectCode(bad.rejected!)).toBe('invalid');
  });

  it('cancels the ticket: open tasks close as cancelled, every timer is cancelled', () => {
    const { state, steps } = run(supportFlow(), [
      { type: 'ticket.cancelled', actor: ann, reason: 'duplicate' },
    ]);
    expect(state.status).toBe('cancelled');
    expect(ofType(steps[0]!.effects, 'stage.closed')[0]).toMatchObject({
      taskId: 't1',
      outcome: 'cancelled',
    });
    expect(ofType(steps[0]!.effects, 'timer.cancel')).toEqual([
      { type: 'timer.cancel', timerId: 'sla:t1:warning' },
    ]);
    expect(steps[0]!.effects.at(-1)).toEqual({
      type: 'ticket.completed',
      at: T0 + 60_000,
      outcome: 'cancelled',
    });
    expect(openTasks(state)).toEqual([]);
  });

  it('counts seq per applied event only', () => {
    const { state } = run(supportFlow(), [
      { type: 'task.claimed', taskId: 't1', actor: ann },
      { type: 'task.claimed', taskId: 't1', actor: bob },
      { type: 'task.held', taskId: 't1', actor: ann, reason: 'waiting' },
    ]);
    expect(state.seq).toBe(2);
  });

  it('never mutates the input state', () => {
    const start = startRun(supportFlow(), { ticketId: 'T-1', variables: {} }, T0).state;
    const frozen = JSON.stringify(start);
    applyEvent(
      supportFlow(),
      start,
      { type: 'task.completed', taskId: 't1', actor: ann, outcome: 'escalate', data: { a: 1 } },
      T0 + 1,
    );
    expect(JSON.stringify(start)).toBe(frozen);
  });
});
