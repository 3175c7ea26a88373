// Reopening a done ticket: the run goes on from a user task of the process with a new task, the
// whole-ticket clock starts a new cycle, and what closed before stays as it closed.
import { describe, expect, it } from 'vitest';
import type { Actor, RunEvent, RunState } from '../types.js';
import { applyEvent, openTasks } from './index.js';
import { agent } from './testing/actors.js';
import { drive, ofType } from './testing/drive.js';
import { HOUR, MINUTE, flowBuilder, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const ann = agent('ann', 'support');
const bob = agent('bob', 'refunds');
const lead: Actor = { userId: 'lea', departments: ['support'], roles: ['lead'] };
const input = { ticketId: 'T', variables: {} };

const flow = flowBuilder('refund')
  .start('s')
  .userTask('triage', { department: 'support', sla: sla(HOUR) })
  .userTask('pay', { department: 'refunds', sla: sla(4 * HOUR) })
  .subProcess('sub', 'sub-s')
  .start('sub-s', { scope: 'sub' })
  .userTask('inner', { department: 'refunds', scope: 'sub' })
  .end('sub-e', { scope: 'sub' })
  .end('e')
  .path('s', 'triage', 'pay', 'e')
  .path('sub-s', 'inner', 'sub-e')
  .with({ ticketSla: sla(8 * HOUR) })
  .build();

const complete = (taskId: string, actor: Actor, at: number): { at: number; event: RunEvent } => ({
  at,
  event: { type: 'task.completed', taskId, actor },
});
const claim = (taskId: string, actor: Actor, at: number): { at: number; event: RunEvent } => ({
  at,
  event: { type: 'task.claimed', taskId, actor },
});

/** triage (t1) done by ann at +10 min, pay (t2) by bob at +1 h: the ticket is done. */
function doneTicket(): RunState {
  const { state } = drive(flow, input, T0, [
    claim('t1', ann, T0 + MINUTE),
    complete('t1', ann, T0 + 10 * MINUTE),
    claim('t2', bob, T0 + 20 * MINUTE),
    complete('t2', bob, T0 + HOUR),
  ]);
  expect(state.status).toBe('done');
  return state;
}

const REOPENED_AT = T0 + 3 * HOUR;
const reopen = (extra: Partial<Extract<RunEvent, { type: 'ticket.reopened' }>> = {}): RunEvent => ({
  type: 'ticket.reopened',
  actor: lead,
  reason: 'the customer says the refund never arrived',
  ...extra,
});

describe('ticket.reopened', () => {
  it('runs the ticket again at the stage that closed last, with a new task handed over by it', () => {
    const done = doneTicket();
    const step = applyEvent(flow, done, reopen(), REOPENED_AT);
    expect(step.rejected).toBeUndefined();
    expect(step.state.status).toBe('running');
    expect(step.state.seq).toBe(done.seq + 1);
    expect(openTasks(step.state).map((task) => [task.taskId, task.elementId, task.department])).toEqual([
      ['t3', 'pay', 'refunds'],
    ]);
    expect(step.state.tasks.t3).toMatchObject({ openedAt: REOPENED_AT, handedOverBy: 't2' });
    expect(step.state.tasks.t3!.sla?.dueAt).toBe(REOPENED_AT + 4 * HOUR);
    // What closed stays as it closed.
    expect(step.state.tasks.t1).toEqual(done.tasks.t1);
    expect(step.state.tasks.t2).toEqual(done.tasks.t2);
    expect(ofType(step.effects, 'stage.opened')).toEqual([
      expect.objectContaining({ taskId: 't3', elementId: 'pay', at: REOPENED_AT }),
    ]);
  });

  it('starts a new cycle of the whole-ticket clock, armed again', () => {
    const done = doneTicket();
    expect(done.ticketSla?.stoppedAt).toBe(T0 + HOUR);
    const step = applyEvent(flow, done, reopen(), REOPENED_AT);
    expect(step.state.ticketSla).toMatchObject({ startedAt: REOPENED_AT, level: 'ok' });
    expect(step.state.ticketSla?.stoppedAt).toBeUndefined();
    expect(step.state.ticketSla?.dueAt).toBe(REOPENED_AT + 8 * HOUR);
    const armed = ofType(step.effects, 'timer.start').map((timer) => timer.timerId);
    expect(armed).toContain('sla:ticket:warning');
  });

  it('reopens at a named user task, and the flow goes on from there as drawn to done again', () => {
    const done = doneTicket();
    const step = applyEvent(flow, done, reopen({ elementId: 'triage' }), REOPENED_AT);
    expect(openTasks(step.state).map((task) => task.elementId)).toEqual(['triage']);
    let state = step.state;
    for (const event of [
      complete('t3', lead, REOPENED_AT + MINUTE),
      claim('t4', bob, REOPENED_AT + 2 * MINUTE),
      complete('t4', bob, REOPENED_AT + 3 * MINUTE),
    ]) {
      const next = applyEvent(flow, state, event.event, event.at);
      expect(next.rejected).toBeUndefined();
      state = next.state;
    }
    expect(state.status).toBe('done');
    expect(state.ticketSla?.stoppedAt).toBe(REOPENED_AT + 3 * MINUTE);
    expect(Object.keys(state.tasks)).toEqual(['t1', 't2', 't3', 't4']);
  });

  it('refuses, changing nothing, what cannot be reopened', () => {
    const done = doneTicket();
    const running = drive(flow, input, T0, []).state;
    const cancelled = applyEvent(flow, running, { type: 'ticket.cancelled', actor: lead }, T0 + MINUTE).state;
    const refusals: [RunState, RunEvent, RegExp][] = [
      [running, reopen(), /^conflict: ticket T is running: only a done ticket/],
      [cancelled, reopen(), /^conflict: ticket T is cancelled: only a done ticket/],
      [done, reopen({ reason: '  ' }), /^invalid: reopening ticket T needs a reason/],
      [done, reopen({ elementId: 'nowhere' }), /^invalid: 'nowhere' is not a user task of the process/],
      [done, reopen({ elementId: 'e' }), /^invalid: 'e' is not a user task/],
      [done, reopen({ elementId: 'inner' }), /^invalid: 'inner' is not a user task of the process/],
    ];
    for (const [state, event, message] of refusals) {
      const step = applyEvent(flow, state, event, REOPENED_AT);
      expect(step.rejected).toMatch(message);
      expect(step.state).toBe(state);
      expect(step.effects).toEqual([]);
    }
  });

  it('a done ticket with no stage to go back to must be told where', () => {
    const straight = flowBuilder('straight').start('s').userTask('only').end('e').path('s', 'e').build();
    const done = drive(straight, input, T0, []).state;
    expect(done.status).toBe('done');
    expect(applyEvent(straight, done, reopen(), REOPENED_AT).rejected).toMatch(
      /^invalid: ticket T has no stage to reopen at: name a user task/,
    );
    const named = applyEvent(straight, done, reopen({ elementId: 'only' }), REOPENED_AT);
    expect(openTasks(named.state).map((task) => task.elementId)).toEqual(['only']);
  });
});
