// A condition that fails to evaluate (Camunda 8: anything but true or false) raises an incident
// instead of counting as false; an owner resolves it by retrying, with corrected data, or by
// cancelling the ticket.
import { describe, expect, it } from 'vitest';
import type { Actor, RunEvent } from '../types.js';
import { applyEvent, openIncidents, openTasks } from './index.js';
import { agent } from './testing/actors.js';
import { drive, ofType } from './testing/drive.js';
import { flowBuilder } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const owner: Actor = { userId: 'olga', departments: [], roles: ['process_owner'] };
const input = (variables: Record<string, unknown> = {}) => ({ ticketId: 'T', variables });
const retry = (incidentId: string, fields?: Record<string, unknown>): RunEvent => ({
  type: 'incident.retried',
  incidentId,
  actor: owner,
  ...(fields === undefined ? {} : { fields }),
});

const gatewayFlow = (condition: string) =>
  flowBuilder('x')
    .start('s')
    .exclusive('gw')
    .userTask('big', { department: 'ops' })
    .userTask('small', { department: 'ops' })
    .end('e')
    .path('s', 'gw')
    .flow('gw', 'big', { id: 'toBig', condition })
    .flow('gw', 'small', { id: 'toSmall', isDefault: true })
    .path('big', 'e')
    .path('small', 'e')
    .build();

describe('a gateway condition that fails to evaluate', () => {
  const flow = gatewayFlow('amount > 100');

  it('takes no branch: it raises an incident naming the gateway, the flow, the expression and the error', () => {
    const { start, state } = drive(flow, input({}), T0, []);
    expect(openTasks(state)).toEqual([]);
    expect(state.status).toBe('running');
    expect(Object.values(state.internal.tokens).map((t) => [t.node, t.wait?.kind])).toEqual([
      ['gw', 'stuck'],
    ]);
    const incidents = openIncidents(state);
    expect(incidents).toEqual([
      {
        incidentId: 'i1',
        at: T0,
        elementId: 'gw',
        flowId: 'toBig',
        expression: 'amount > 100',
        error: expect.stringMatching(/toBig.*null/),
      },
    ]);
    expect(ofType(start.effects, 'incident.opened')).toEqual([
      {
        type: 'incident.opened',
        incidentId: 'i1',
        elementId: 'gw',
        flowId: 'toBig',
        expression: 'amount > 100',
        error: incidents[0]!.error,
        at: T0,
      },
    ]);
    expect(ofType(start.effects, 'notify')).toEqual([
      { type: 'notify', to: ['role:admin'], template: 'flow.incident' },
    ]);
  });

  it.each([
    ['a syntax error', 'amount >'],
    ['a number', 'amount + 1'],
    ['an unknown function', 'nosuch(amount)'],
  ])('raises one for %s too', (_, condition) => {
    const { state } = drive(gatewayFlow(condition), input({ amount: 5 }), T0, []);
    expect(openTasks(state)).toEqual([]);
    expect(openIncidents(state).map((i) => [i.elementId, i.flowId, i.expression])).toEqual([
      ['gw', 'toBig', condition],
    ]);
  });

  it('still routes conditions that yield true or false', () => {
    const { state } = drive(flow, input({ amount: 5 }), T0, []);
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['small']);
    expect(openIncidents(state)).toEqual([]);
  });

  it('retried with the corrected field takes the path the data calls for and resolves the incident', () => {
    const { state, steps } = drive(flow, input({}), T0, [
      { at: T0 + 1000, event: retry('i1', { amount: 150 }) },
    ]);
    expect(steps[0]!.rejected).toBeUndefined();
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['big']);
    expect(state.variables.amount).toBe(150);
    expect(openIncidents(state)).toEqual([]);
    expect(ofType(steps[0]!.effects, 'incident.resolved')).toEqual([
      { type: 'incident.resolved', incidentId: 'i1', resolution: 'retried', at: T0 + 1000 },
    ]);
  });

  it('retried while still failing resolves that incident and opens a new one with the new error', () => {
    const { state, steps } = drive(flow, input({}), T0, [
      // The wrong field: amount is still missing.
      { at: T0 + 1000, event: retry('i1', { total: 150 }) },
    ]);
    expect(openTasks(state)).toEqual([]);
    expect(ofType(steps[0]!.effects, 'incident.resolved').map((e) => e.incidentId)).toEqual(['i1']);
    expect(openIncidents(state).map((i) => [i.incidentId, i.elementId])).toEqual([['i2', 'gw']]);
    // The new one can be retried in turn.
    const fixed = applyEvent(flow, state, retry('i2', { amount: 7 }), T0 + 2000);
    expect(openTasks(fixed.state).map((t) => t.elementId)).toEqual(['small']);
  });

  it('refuses a retry of an unknown or resolved incident, changing nothing', () => {
    const { state } = drive(flow, input({}), T0, [{ at: T0 + 1000, event: retry('i1', { amount: 150 }) }]);
    const unknown = applyEvent(flow, state, retry('i9'), T0 + 2000);
    expect(unknown.rejected).toMatch(/^unknown-incident: /);
    expect(unknown.state).toBe(state);
    const again = applyEvent(flow, state, retry('i1', { amount: 1 }), T0 + 2000);
    expect(again.rejected).toMatch(/^conflict: .*already resolved/);
    expect(again.effects).toEqual([]);
  });

  it('closes with a cancelled ticket', () => {
    const { state, steps } = drive(flow, input({}), T0, [
      { at: T0 + 1000, event: { type: 'ticket.cancelled', actor: agent('ann', 'ops') } },
    ]);
    expect(state.status).toBe('cancelled');
    expect(openIncidents(state)).toEqual([]);
    expect(ofType(steps[0]!.effects, 'incident.resolved')).toEqual([
      { type: 'incident.resolved', incidentId: 'i1', resolution: 'closed', at: T0 + 1000 },
    ]);
    expect(applyEvent(flow, state, retry('i1', { amount: 150 }), T0 + 2000).rejected).toMatch(/^conflict: /);
  });
});

describe('a conditional flow out of a task that fails to evaluate', () => {
  const flow = flowBuilder('c')
    .start('s')
    .userTask('triage', { department: 'ops' })
    .userTask('escalate', { department: 'ops' })
    .userTask('close', { department: 'ops' })
    .end('e')
    .path('s', 'triage')
    .flow('triage', 'escalate', { id: 'up', condition: 'severity >= 3' })
    .flow('triage', 'close', { id: 'down', condition: 'severity < 3' })
    .path('escalate', 'e')
    .path('close', 'e')
    .build();
  const ann = agent('ann', 'ops');

  it('raises an incident at the task, and a retry leaves the task again rather than reopening it', () => {
    const started = drive(flow, input({}), T0, []);
    const taskId = openTasks(started.state)[0]!.taskId;
    const completed = applyEvent(
      flow,
      started.state,
      { type: 'task.completed', taskId, actor: ann },
      T0 + 10,
    );
    expect(openTasks(completed.state)).toEqual([]);
    expect(openIncidents(completed.state).map((i) => [i.elementId, i.flowId, i.expression])).toEqual([
      ['triage', 'up', 'severity >= 3'],
    ]);
    const retried = applyEvent(flow, completed.state, retry('i1', { severity: 1 }), T0 + 20);
    expect(openTasks(retried.state).map((t) => t.elementId)).toEqual(['close']);
    expect(Object.values(retried.state.tasks).filter((t) => t.elementId === 'triage')).toHaveLength(1);
  });
});

describe('a run started before incidents existed (conditionFailure "false")', () => {
  const flow = gatewayFlow('amount > 100');
  const opened = (state: Parameters<typeof openTasks>[0]) => openTasks(state).map((t) => t.elementId);

  it('counts a failed condition as not holding and takes the default flow, as its history was written', () => {
    const { start, state } = drive(flow, { ...input({}), conditionFailure: 'false' }, T0, []);
    expect(opened(state)).toEqual(['small']);
    expect(openIncidents(state)).toEqual([]);
    expect(ofType(start.effects, 'incident.opened')).toEqual([]);
  });

  it('keeps that rule in a state carried without the flag (continued as new before incidents existed)', () => {
    const flowAfterTask = flowBuilder('y')
      .start('s')
      .userTask('first', { department: 'ops' })
      .exclusive('gw')
      .userTask('big', { department: 'ops' })
      .userTask('small', { department: 'ops' })
      .end('e')
      .path('s', 'first')
      .path('first', 'gw')
      .flow('gw', 'big', { id: 'toBig', condition: 'amount > 100' })
      .flow('gw', 'small', { id: 'toSmall', isDefault: true })
      .path('big', 'e')
      .path('small', 'e')
      .build();
    const { state: started } = drive(flowAfterTask, input({}), T0, []);
    expect(started.internal.conditionIncidents).toBe(true);
    const { conditionIncidents: _dropped, ...carried } = started.internal;
    const [task] = openTasks(started);
    const complete: RunEvent = { type: 'task.completed', taskId: task!.taskId, actor: agent('ann', 'ops') };
    const old = applyEvent(flowAfterTask, { ...started, internal: carried }, complete, T0 + 1000);
    expect(opened(old.state)).toEqual(['small']);
    expect(openIncidents(old.state)).toEqual([]);
    // The same step in a run started today raises the incident.
    const today = applyEvent(flowAfterTask, started, complete, T0 + 1000);
    expect(openIncidents(today.state).map((i) => i.flowId)).toEqual(['toBig']);
  });
});
