import { describe, expect, it } from 'vitest';
import type { Flow } from '../types.js';
import { openIncidents, openTasks } from './index.js';
import { agent } from './testing/actors.js';
import { drive, ofType } from './testing/drive.js';
import { flowBuilder } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const ann = agent('ann', 'ops');
const input = (variables: Record<string, unknown> = {}) => ({ ticketId: 'T', variables });

describe('exclusive gateway', () => {
  const flow = flowBuilder('x')
    .start('s')
    .exclusive('gw')
    .userTask('refunds', { department: 'ops' })
    .userTask('faults', { department: 'ops' })
    .userTask('other', { department: 'ops' })
    .end('e')
    .path('s', 'gw')
    .flow('gw', 'refunds', { condition: 'category = "refund"' })
    .flow('gw', 'faults', { condition: 'category = "fault" or priority > 3' })
    .flow('gw', 'other', { isDefault: true })
    .path('refunds', 'e')
    .path('faults', 'e')
    .path('other', 'e')
    .build();

  it.each([
    [{ category: 'refund', priority: 9 }, 'refunds'], // first true flow in document order
    [{ category: 'fault' }, 'faults'],
    [{ category: 'x', priority: 4 }, 'faults'],
    [{ category: 'x', priority: 1 }, 'other'], // default
  ])('routes %j to %s', (variables, element) => {
    const { state } = drive(flow, input(variables), T0, []);
    expect(openTasks(state).map((t) => t.elementId)).toEqual([element]);
  });

  it('parks the token and raises an incident when nothing matches and there is no default', () => {
    const noDefault = flowBuilder('nd')
      .start('s')
      .exclusive('gw')
      .end('e')
      .path('s', 'gw')
      .flow('gw', 'e', { condition: 'x = 1' })
      .build();
    const { start, state } = drive(noDefault, input({ x: 2 }), T0, []);
    expect(state.status).toBe('running');
    expect(openIncidents(state)).toEqual([
      { incidentId: 'i1', at: T0, elementId: 'gw', error: expect.stringContaining("gateway 'gw'") },
    ]);
    expect(start.effects).toEqual([
      {
        type: 'incident.opened',
        incidentId: 'i1',
        elementId: 'gw',
        error: openIncidents(state)[0]!.error,
        at: T0,
      },
      { type: 'notify', to: ['role:admin'], template: 'flow.incident' },
    ]);
  });

  it('stops a loop that never waits', () => {
    const loop = flowBuilder('loop')
      .start('s')
      .exclusive('a')
      .exclusive('b')
      .path('s', 'a', 'b', 'a')
      .build();
    const { state } = drive(loop, input(), T0, []);
    expect(state.internal.incidents[0]!.message).toMatch(/loops/);
  });
});

describe('parallel gateway', () => {
  const flow: Flow = flowBuilder('p')
    .start('s')
    .parallel('fork')
    .userTask('a', { department: 'ops' })
    .userTask('b', { department: 'ops' })
    .parallel('join')
    .userTask('after', { department: 'ops' })
    .end('e')
    .path('s', 'fork')
    .path('fork', 'a', 'join')
    .path('fork', 'b', 'join')
    .path('join', 'after', 'e')
    .build();

  it('forks a task per branch and joins when every branch arrived', () => {
    const { start, steps, state } = drive(flow, input(), T0, [
      { at: T0 + 1, event: { type: 'task.completed', taskId: 't2', actor: ann } },
      { at: T0 + 2, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(start.effects, 'stage.opened').map((e) => e.elementId)).toEqual(['a', 'b']);
    expect(ofType(steps[0]!.effects, 'stage.opened')).toEqual([]);
    expect(ofType(steps[1]!.effects, 'stage.opened').map((e) => e.elementId)).toEqual(['after']);
    expect(state.internal.joins).toEqual({});
    expect(Object.keys(state.internal.tokens)).toHaveLength(1);
  });
});

describe('event-based gateway', () => {
  const flow = flowBuilder('ev')
    .start('s')
    .eventBased('wait')
    .catchEvent('reply', { message: 'customer-reply' })
    .catchEvent('timeout', { timer: { kind: 'duration', iso: 'PT1H', ms: 3_600_000 } })
    .userTask('answer', { department: 'ops' })
    .userTask('chase', { department: 'ops' })
    .end('e')
    .path('s', 'wait')
    .path('wait', 'reply', 'answer', 'e')
    .path('wait', 'timeout', 'chase', 'e')
    .build();

  it('arms every catch event; a message wins and cancels the timer', () => {
    const { start, steps, state } = drive(flow, input(), T0, [
      { at: T0 + 5, event: { type: 'message.received', name: 'customer-reply', data: { text: 'hi' } } },
    ]);
    expect(start.effects).toEqual([{ type: 'timer.start', timerId: 'catch:k1:timeout', at: T0 + 3_600_000 }]);
    expect(steps[0]!.effects[0]).toEqual({ type: 'timer.cancel', timerId: 'catch:k1:timeout' });
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['answer']);
    expect(state.variables.text).toBe('hi');
  });

  it('a timer wins and the message is then not awaited', () => {
    const { steps, state } = drive(flow, input(), T0, [
      { at: T0 + 3_600_000, event: { type: 'timer.fired', timerId: 'catch:k1:timeout' } },
      { at: T0 + 3_600_001, event: { type: 'message.received', name: 'customer-reply' } },
    ]);
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['chase']);
    expect(steps[1]!.rejected).toMatch(/^conflict/);
  });
});

describe('sub-process', () => {
  const flow = flowBuilder('sp')
    .start('s')
    .subProcess('inner', 'is')
    .start('is', { scope: 'inner' })
    .userTask('check', { department: 'ops', scope: 'inner' })
    .end('ie', { scope: 'inner' })
    .userTask('after', { department: 'ops' })
    .end('e')
    .path('s', 'inner', 'after', 'e')
    .path('is', 'check', 'ie')
    .build();

  it('runs its inner start, completes when its scope is empty, then continues', () => {
    const { start, steps, state } = drive(flow, input(), T0, [
      { at: T0 + 1, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(start.effects, 'stage.opened').map((e) => e.elementId)).toEqual(['check']);
    expect(start.state.internal.scopes).toEqual({
      s1: { node: 'inner', parentToken: 'k1', parentScope: '' },
    });
    expect(ofType(steps[0]!.effects, 'stage.opened').map((e) => e.elementId)).toEqual(['after']);
    expect(state.internal.scopes).toEqual({});
  });

  it('a terminate end inside ends only the sub-process', () => {
    const term = flowBuilder('spt')
      .start('s')
      .subProcess('inner', 'is')
      .start('is', { scope: 'inner' })
      .parallel('fork', { scope: 'inner' })
      .userTask('a', { department: 'ops', scope: 'inner' })
      .userTask('b', { department: 'ops', scope: 'inner' })
      .end('stop', { scope: 'inner', terminate: true })
      .end('ie', { scope: 'inner' })
      .userTask('after', { department: 'ops' })
      .end('e')
      .path('s', 'inner', 'after', 'e')
      .path('is', 'fork')
      .path('fork', 'a', 'stop')
      .path('fork', 'b', 'ie')
      .build();
    const { steps, state } = drive(term, input(), T0, [
      { at: T0 + 1, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[0]!.effects, 'stage.closed').map((e) => [e.taskId, e.outcome])).toEqual([
      ['t1', 'completed'],
      ['t2', 'terminated'],
    ]);
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['after']);
    expect(state.status).toBe('running');
  });
});

describe('end events', () => {
  it('a terminate end closes every open task and completes the ticket', () => {
    const flow = flowBuilder('t')
      .start('s')
      .parallel('fork')
      .userTask('a', { department: 'ops' })
      .userTask('b', { department: 'ops' })
      .end('stop', { terminate: true })
      .end('e')
      .path('s', 'fork')
      .path('fork', 'a', 'stop')
      .path('fork', 'b', 'e')
      .build();
    const { steps, state } = drive(flow, input(), T0, [
      { at: T0 + 1, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[0]!.effects, 'stage.closed').map((e) => e.outcome)).toEqual([
      'completed',
      'terminated',
    ]);
    expect(steps[0]!.effects.at(-1)).toEqual({ type: 'ticket.completed', at: T0 + 1, outcome: 'done' });
    expect(state.status).toBe('done');
    expect(state.internal.tokens).toEqual({});
  });
});
