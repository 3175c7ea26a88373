/**
 * The flow interpreter: a pure function of (flow, state, event, now). No clock, randomness or
 * I/O: time comes in as `now`, timers fire only through `timer.fired` events for timers the
 * engine asked for, and the state is plain JSON shared structurally between steps (only what an
 * event changes is copied).
 *
 * Semantics, where BPMN leaves room:
 * - Ids are counters in the state: tasks `t<n>`, activities `a<n>`, tokens `k<n>`, sub-process
 *   instances `s<n>`. Timers: `sla:<task>:<level>`, `sla:ticket:<level>`,
 *   `boundary:<task|activity>:<boundary id>`, `catch:<token>:<catch event id>`.
 * - Leaving a node takes every unconditional outgoing flow and every one whose FEEL condition is
 *   true (one token each). An exclusive gateway takes the first true flow in document order
 *   (a flow without condition counts as true), else its default flow.
 * - When no flow can be taken, the token parks (`stuck`), an incident is recorded in the state
 *   (`i<n>`, see openIncidents), `incident.opened` and `notify role:admin` (template
 *   `flow.incident`) are emitted; the ticket stays open until someone retries or cancels it. A
 *   flow that loops through more than 10,000 nodes in one event parks the same way.
 * - A condition must yield true or false (Camunda 8): one that throws, yields null (a comparison
 *   with a missing variable) or anything else takes no branch and raises such an incident naming
 *   the sequence flow and its expression. `incident.retried` merges its `fields` into the
 *   variables, resolves the incident and moves the token on from where it stopped (a gateway is
 *   entered again, conditional flows out of another node are left again); failing again opens a
 *   new incident. A finished ticket resolves its open incidents (`closed`).
 * - Completing a task merges `data` into the variables and sets `outcome` (null when none).
 *   Without outcomes any outcome is accepted; the stage closes with outcome 'completed' then.
 *   Completing an unclaimed task assigns it to the actor.
 * - Actors act on tasks of their department (role `admin`: any); extensions also by `manager`.
 *   Claiming a claimed task (even one's own) is a conflict.
 * - A new task is handed over by the task its token closed last (flow, transfer or return), so
 *   `task.returned` goes back there when the task is `returnable`. Transfer and return stay in
 *   the sub-process the task is in.
 * - SLA: one pending timer per clock, for the next level; when it fires the following level is
 *   armed. Levels at warnAt / 1.0 / severeAt of the target plus extensions, in business time of
 *   the SLA calendar (else the flow's calendar, else wall clock). Hold stops the clock and
 *   cancels its timers; resume or any accepted `message.received` restarts it from the business
 *   time left. An extension lowers the level to what the time consumed reaches under the new
 *   target and re-arms the next one. The ticket SLA runs from startRun to completion and is
 *   never paused. SLA notifications: warning -> assignee (`user:`) or `group:<dept>`; overdue ->
 *   that plus `lead:<dept>`; severe -> that plus `role:manager` (templates `sla.<level>`).
 * - Boundary timers (user and service tasks): interrupting ones close the task with outcome
 *   'timeout' (or abandon the activity) and leave by the boundary; non-interrupting ones start a
 *   token at the boundary and keep the task, a cycle re-arming until its repetitions are spent.
 * - `message.received` wakes every token waiting for that name (catch events, event-based
 *   gateways) and resumes every held task; its data is merged into the variables. A message
 *   nobody waits for is rejected as a conflict.
 * - Send task recipients: `assignee` / `lead` refer to the token's last closed task (on a
 *   non-interrupting boundary branch: the task the boundary sits on), else the ticket's last
 *   closed task; symbols that resolve to nobody are dropped, and no notify is emitted when
 *   nobody is left.
 * - Service task: `activity.completed` merges a plain-object result into the variables and
 *   sets `error` to null if it was set; `activity.failed` sets `error` = { activity, message }.
 *   Both leave along the outgoing flows (conditions can test `error`).
 * - Terminate end event ends its scope: the whole ticket at process level, the sub-process
 *   instance (which then completes) inside one.
 * - `ticket.cancelled` closes open tasks (outcome 'cancelled'); ticket completion, however it
 *   comes, cancels every pending timer. Any event after that is a conflict, but for
 *   `ticket.reopened` of a done ticket: the run goes on with a new task at the named user task
 *   (default: the element of the stage closed last) and a new cycle of the ticket clock.
 * - Rejections (`<code>: <message>`, see RejectCode) return the input state object and no
 *   effects. A malformed event is `invalid`; an unexpected error inside the engine is reported
 *   the same way instead of throwing (the properties assert it never happens).
 * - `calendars.changed` replaces the run's copies of the named calendars (flowOfRun): each open,
 *   running clock on one keeps the business time counted so far and gets new deadlines for the
 *   rest on the new calendar (`sla.recalculated`, timers re-armed, the move kept in the clock's
 *   `recalculations`); held clocks count on it when they resume; closed clocks never change.
 *   Its `departmentCalendars` give departments other hours (or none of their own): their open
 *   task clocks, and the ticket's while one of them holds it, switch to the department's new
 *   calendar the same way. Flow timers (boundary, catch) already armed keep their instants.
 * - `sla.targetsChanged` replaces the run's SLA targets of the named user tasks (null: none) and
 *   of the ticket (flowOfRun), for tasks opened later; open clocks of those elements (and the
 *   ticket's) take the new target at once: the business time counted so far and extensions stay,
 *   levels not yet reached get new deadlines (sla.recalculated, timers re-armed), reached ones
 *   keep theirs; held clocks get deadlines when they resume; closed clocks never change. An open
 *   clock whose element gets null keeps its old target.
 * - The fast path of FEEL (feel/fast-path.ts) answers plain comparisons; feelin the rest.
 */
import type { Flow, RunEvent, RunInput, RunState, Step, TokenState } from '../types.js';
import {
  beginDraft,
  copyOf,
  dropActivity,
  dropTimer,
  nextId,
  putTask,
  putTimer,
  putToken,
  reject,
  Rejection,
  setVariables,
  type Draft,
} from './draft.js';
import { changeCalendars } from './calendar-change.js';
import { changeSlaTargets } from './sla-target-change.js';
import { flowOfRun } from './run-calendars.js';
import { armClock, startClock, taskRecipients, ticketRecipients } from './sla.js';
import { applyTaskEvent, resume } from './tasks.js';
import {
  boundaryTimerId,
  closeTask,
  disarmBoundaries,
  enter,
  finishTicket,
  killScope,
  leave,
  release,
  retryIncident,
  tokenAt,
} from './tokens.js';
import { timerDueAt } from './time.js';

export function startRun(flow: Flow, input: RunInput, now: number): Step {
  const state: RunState = {
    v: 1,
    ticketId: input.ticketId,
    status: 'running',
    variables: { ...input.variables },
    seq: 0,
    tasks: {},
    internal: {
      tokens: {},
      timers: {},
      activities: {},
      joins: {},
      scopes: {},
      counters: { task: 0, activity: 0, token: 0, scope: 0 },
      incidents: [],
      ...(input.conditionFailure === 'false' ? {} : { conditionIncidents: true as const }),
    },
  };
  const d = beginDraft(flow, state, now);
  if (flow.ticketSla !== undefined) {
    d.state.ticketSla = startClock(flow, flow.ticketSla, now);
    armClock(d, d.state.ticketSla, undefined);
  }
  const start = flow.starts[0];
  if (start === undefined) {
    d.internal.incidents = [{ at: now, elementId: flow.id, message: 'the flow has no start event' }];
    finishTicket(d, 'done');
  } else {
    const token: TokenState = { id: nextId(d, 'token', 'k'), node: start, scope: '' };
    putToken(d, token);
    enter(d, token, start);
  }
  return { state: d.state, effects: d.effects };
}

export function applyEvent(flow: Flow, state: RunState, event: RunEvent, now: number): Step {
  // The draft counts on the run's calendars; calendars.changed needs the flow as compiled, to
  // check the keys it names.
  const d = beginDraft(event.type === 'calendars.changed' ? flow : flowOfRun(flow, state), state, now);
  try {
    if (state.status !== 'running' && event.type !== 'ticket.reopened')
      reject('conflict', `ticket ${state.ticketId} is already ${state.status}`);
    dispatch(d, event);
  } catch (error) {
    if (error instanceof Rejection)
      return { state, effects: [], rejected: `${error.code}: ${error.message}` };
    // A malformed event (or an engine bug) must not crash the workflow that calls us: the event
    // is refused, the state stays. The property tests assert this never happens for valid input.
    const message = error instanceof Error ? error.message : String(error);
    return { state, effects: [], rejected: `invalid: ${ENGINE_ERROR} ${describe(event)}: ${message}` };
  }
  d.state.seq = state.seq + 1;
  return { state: d.state, effects: d.effects };
}

export const ENGINE_ERROR = 'engine error while applying';

const describe = (event: unknown): string =>
  typeof event === 'object' && event !== null && 'type' in event
    ? JSON.stringify((event as { type: unknown }).type)
    : 'a non-event';

function dispatch(d: Draft, event: RunEvent): void {
  switch (event.type) {
    case 'timer.fired':
      return fireTimer(d, event.timerId);
    case 'activity.completed':
    case 'activity.failed':
      return finishActivity(d, event);
    case 'message.received':
      return receiveMessage(d, event.name, event.data);
    case 'ticket.cancelled':
      killScope(d, '', 'cancelled');
      return finishTicket(d, 'cancelled');
    case 'ticket.reopened':
      return reopenTicket(d, event);
    case 'incident.retried':
      return retryIncident(d, event.incidentId, event.fields);
    case 'calendars.changed':
      return changeCalendars(d, event);
    case 'sla.targetsChanged':
      return changeSlaTargets(d, event);
    default:
      if (
        typeof event !== 'object' ||
        event === null ||
        typeof (event as { taskId?: unknown }).taskId !== 'string'
      ) {
        reject(
          'invalid',
          `unknown event ${JSON.stringify((event as { type?: unknown } | null)?.type ?? null)}`,
        );
      }
      return applyTaskEvent(d, event);
  }
}

function reopenTicket(d: Draft, event: Extract<RunEvent, { type: 'ticket.reopened' }>): void {
  const { ticketId, status } = d.state;
  if (status !== 'done')
    reject('conflict', `ticket ${ticketId} is ${status}: only a done ticket can be reopened`);
  if (typeof event.reason !== 'string' || event.reason.trim() === '')
    reject('invalid', `reopening ticket ${ticketId} needs a reason`);
  const lastClosed = Object.values(d.state.tasks)
    .filter((task) => task.closedAt !== undefined)
    .sort((a, b) => a.closedAt! - b.closedAt! || taskOrder(a.taskId) - taskOrder(b.taskId))
    .at(-1);
  const elementId = event.elementId ?? lastClosed?.elementId;
  if (elementId === undefined)
    reject('invalid', `ticket ${ticketId} has no stage to reopen at: name a user task (elementId)`);
  const node = d.flow.nodes[elementId];
  if (node?.kind !== 'userTask' || node.scope !== undefined)
    reject('invalid', `'${elementId}' is not a user task of the process: a ticket reopens at one`);
  d.state.status = 'running';
  if (d.flow.ticketSla !== undefined) {
    d.state.ticketSla = startClock(d.flow, d.flow.ticketSla, d.now);
    armClock(d, d.state.ticketSla, undefined);
  }
  const token = tokenAt(nextId(d, 'token', 'k'), elementId, '', lastClosed?.taskId);
  putToken(d, token);
  enter(d, token, elementId);
}

/** Task ids are `t<counter>`: opened earlier, smaller. */
const taskOrder = (taskId: string): number => Number(taskId.slice(1));

function fireTimer(d: Draft, timerId: string): void {
  const timer = d.internal.timers[timerId];
  if (timer === undefined) reject('unknown-timer', `timer ${timerId} is not pending`);
  dropTimer(d, timerId);
  switch (timer.kind) {
    case 'sla': {
      const task = d.state.tasks[timer.taskId];
      if (task?.sla === undefined) return;
      // copyOf, not spread: same keys in the same order, without V8's slow spread path.
      const sla = copyOf(task.sla, { level: timer.level });
      putTask(d, copyOf(task, { sla }));
      d.effects.push({ type: 'sla.level', taskId: task.taskId, level: timer.level, at: d.now });
      d.effects.push({
        type: 'notify',
        to: taskRecipients(task, timer.level),
        template: `sla.${timer.level}`,
        taskId: task.taskId,
      });
      return armClock(d, sla, task.taskId);
    }
    case 'ticketSla': {
      const clock = d.state.ticketSla;
      d.effects.push({ type: 'sla.level', level: timer.level, at: d.now });
      d.effects.push({
        type: 'notify',
        to: openTaskRecipients(d, timer.level),
        template: `sla.${timer.level}`,
      });
      if (clock === undefined) return;
      d.state.ticketSla = copyOf(clock, { level: timer.level });
      return armClock(d, d.state.ticketSla, undefined);
    }
    case 'catch': {
      const token = d.internal.tokens[timer.tokenId];
      if (token?.wait?.kind === 'race') {
        for (const other in token.wait.timers) if (other !== timerId) cancelPending(d, other);
      }
      if (token === undefined) return;
      return leave(d, { ...release(d, token), node: timer.node });
    }
    case 'boundary':
      return fireBoundary(d, timerId, timer);
  }
}

const cancelPending = (d: Draft, timerId: string): void => {
  if (d.internal.timers[timerId] === undefined) return;
  dropTimer(d, timerId);
  d.effects.push({ type: 'timer.cancel', timerId });
};

function fireBoundary(
  d: Draft,
  timerId: string,
  timer: Extract<Draft['internal']['timers'][string], { kind: 'boundary' }>,
): void {
  const token = d.internal.tokens[timer.tokenId];
  const node = d.flow.nodes[timer.node];
  if (token === undefined || node?.kind !== 'boundaryEvent') return;
  if (node.cancelActivity) {
    const wait = token.wait;
    if (wait?.kind === 'task') closeTask(d, wait.taskId, 'timeout');
    if (wait?.kind === 'activity') dropActivity(d, wait.activityId);
    disarmBoundaries(d, token.node, timer.owner);
    const lastTask = wait?.kind === 'task' ? wait.taskId : undefined;
    return leave(d, { ...release(d, token, lastTask), node: node.id });
  }
  const fired = timer.fired + 1;
  const spec = node.timer;
  if (spec.kind === 'cycle' && (spec.repetitions === undefined || fired < spec.repetitions)) {
    putTimer(d, timerId, { ...timer, at: timerDueAt(d.flow, spec, d.now), fired });
  }
  const branch: TokenState = {
    id: nextId(d, 'token', 'k'),
    node: node.id,
    scope: token.scope,
    // The branch is about the task the boundary sits on: a send task there tells its assignee.
    ...(token.wait?.kind === 'task'
      ? { lastTask: token.wait.taskId }
      : token.lastTask === undefined
        ? {}
        : { lastTask: token.lastTask }),
  };
  putToken(d, branch);
  leave(d, branch);
}

const openTaskRecipients = (d: Draft, level: 'warning' | 'overdue' | 'severe'): string[] =>
  ticketRecipients(
    Object.values(d.state.tasks).filter((task) => task.status === 'open'),
    level,
  );

function finishActivity(d: Draft, event: Extract<RunEvent, { activityId: string }>): void {
  const activity = d.internal.activities[event.activityId];
  if (activity === undefined) reject('unknown-activity', `activity ${event.activityId} is not running`);
  const token = d.internal.tokens[activity.tokenId];
  if (token === undefined) reject('conflict', `activity ${event.activityId} has no token waiting on it`);
  dropActivity(d, event.activityId);
  disarmBoundaries(d, token.node, event.activityId);
  if (event.type === 'activity.failed') {
    const node = d.flow.nodes[activity.node];
    setVariables(d, {
      error: { activity: node?.kind === 'serviceTask' ? node.activity : activity.node, message: event.error },
    });
  } else {
    const result = event.result;
    if (typeof result === 'object' && result !== null && !Array.isArray(result))
      setVariables(d, result as Record<string, unknown>);
    if (d.state.variables.error !== undefined && d.state.variables.error !== null)
      setVariables(d, { error: null });
  }
  leave(d, release(d, token));
}

function receiveMessage(d: Draft, name: string, data: Record<string, unknown> | undefined): void {
  if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
    reject('invalid', `data of message "${name}" must be an object`);
  }
  const waiting: { token: TokenState; node: string }[] = [];
  for (const id in d.internal.tokens) {
    const token = d.internal.tokens[id]!;
    const wait = token.wait;
    if (wait?.kind === 'message' && wait.name === name) waiting.push({ token, node: token.node });
    else if (wait?.kind === 'race' && wait.messages[name] !== undefined)
      waiting.push({ token, node: wait.messages[name] });
  }
  const held = Object.values(d.state.tasks).filter(
    (task) => task.status === 'open' && task.held !== undefined,
  );
  if (waiting.length === 0 && held.length === 0)
    reject('conflict', `nothing in ticket ${d.state.ticketId} waits for message "${name}"`);
  if (data !== undefined) setVariables(d, data);
  for (const task of held) resume(d, task);
  for (const { token, node } of waiting) {
    const current = d.internal.tokens[token.id];
    if (current?.wait === undefined) continue; // ended by an earlier branch (terminate)
    if (current.wait.kind === 'race') for (const timerId in current.wait.timers) cancelPending(d, timerId);
    leave(d, { ...release(d, current), node });
  }
}

export { boundaryTimerId };
