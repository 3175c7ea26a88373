// Token movement: entering a node either waits (task, activity, catch event, sub-process,
// event-based gateway) or passes straight on along the outgoing flows.
import { evaluateCondition, evaluateFeel } from '../feel/index.js';
import type {
  Effect,
  EventBasedGatewayNode,
  ExclusiveGatewayNode,
  FlowNode,
  Incident,
  ParallelGatewayNode,
  SendTaskNode,
  SlaClock,
  ServiceTaskNode,
  SubProcessNode,
  TaskState,
  TokenState,
  TokenWait,
  UserTaskNode,
} from '../types.js';
import {
  cancelTimer,
  copyOf,
  dropActivity,
  dropScope,
  dropToken,
  dropJoin,
  setJoin,
  nextId,
  putActivity,
  putScope,
  putTask,
  putTimer,
  putToken,
  reject,
  setVariables,
  type Draft,
} from './draft.js';
import { heldTimeAt, stageCalendar } from './holds.js';
import { armClock, disarmClock, finishClock, startClock } from './sla.js';
import { followHoldingDepartment } from './ticket-clock.js';
import { timeBetween, timerDueAt } from './time.js';
import { incidentIdAt } from './views.js';

// --------------------------------------------------------------------------------------------
// Entering nodes
// --------------------------------------------------------------------------------------------

/**
 * Moves `token` (already in the token map) into `nodeId` and runs it until it waits or is
 * consumed. Called while tokens move, it queues the move for the running loop.
 */
export function enter(d: Draft, token: TokenState, nodeId: string): void {
  d.moves.push({ token, node: nodeId });
  if (d.draining) return;
  d.draining = true;
  try {
    for (let move = d.moves.pop(); move !== undefined; move = d.moves.pop()) {
      // A token ended by an earlier move (terminate, cancel) no longer moves.
      if (d.state.status !== 'running') break;
      if (d.internal.tokens[move.token.id] !== undefined) step(d, move.token, move.node);
    }
  } finally {
    d.moves.length = 0;
    d.draining = false;
  }
}

function step(d: Draft, token: TokenState, nodeId: string): void {
  const node = d.flow.nodes[nodeId];
  if (node === undefined) return incident(d, token, nodeId, `flow refers to unknown node '${nodeId}'`);
  const moved: TokenState = tokenAt(token.id, nodeId, token.scope, token.lastTask);
  if (--d.budget < 0) return incident(d, moved, nodeId, 'the flow loops without waiting anywhere');
  switch (node.kind) {
    case 'startEvent':
    case 'boundaryEvent':
      return leave(d, moved);
    case 'endEvent':
      return node.terminate ? terminateScope(d, moved.scope) : consume(d, moved);
    case 'userTask':
      return enterUserTask(d, moved, node);
    case 'serviceTask':
      return enterServiceTask(d, moved, node);
    case 'sendTask':
      return enterSendTask(d, moved, node);
    case 'exclusiveGateway':
      return enterExclusiveGateway(d, moved, node);
    case 'parallelGateway':
      return enterParallelGateway(d, moved, node);
    case 'eventBasedGateway':
      return enterEventBasedGateway(d, moved, node);
    case 'intermediateCatchEvent':
      if (node.timer !== undefined) {
        const timerId = `catch:${moved.id}:${node.id}`;
        putTimer(d, timerId, {
          kind: 'catch',
          at: timerDueAt(d.flow, node.timer, d.now),
          tokenId: moved.id,
          node: node.id,
        });
        return putToken(d, waiting(moved, { kind: 'timer', timerId }));
      }
      if (node.message !== undefined)
        return putToken(d, waiting(moved, { kind: 'message', name: node.message }));
      return leave(d, moved);
    case 'subProcess':
      return enterSubProcess(d, moved, node);
  }
}

/**
 * A token record at `node`, without wait. Records here are built field by field rather than
 * with conditional spreads (`...(x ? {} : { x })`): those take V8's slow path, and these
 * builders run several times per event.
 */
export function tokenAt(id: string, node: string, scope: string, lastTask: string | undefined): TokenState {
  const token: TokenState = { id, node, scope };
  if (lastTask !== undefined) token.lastTask = lastTask;
  return token;
}

function waiting(token: TokenState, wait: TokenWait): TokenState {
  const next = tokenAt(token.id, token.node, token.scope, token.lastTask);
  next.wait = wait;
  return next;
}

function enterUserTask(d: Draft, token: TokenState, node: UserTaskNode): void {
  const taskId = nextId(d, 'task', 't');
  const clock = node.sla === undefined ? undefined : startClock(d.flow, node.sla, d.now, node.department);
  const task: TaskState = {
    taskId,
    elementId: node.id,
    name: node.name,
    status: 'open',
    openedAt: d.now,
    tokenId: token.id,
  };
  const opened: Extract<Effect, { type: 'stage.opened' }> = {
    type: 'stage.opened',
    taskId,
    elementId: node.id,
    at: d.now,
  };
  if (node.department !== undefined) task.department = opened.department = node.department;
  if (node.outcomes.length > 0) task.outcomes = node.outcomes;
  if (clock !== undefined) task.sla = clock;
  if (clock?.dueAt !== undefined) opened.dueAt = clock.dueAt;
  if (token.lastTask !== undefined) task.handedOverBy = token.lastTask;
  putTask(d, task);
  putToken(d, waiting(token, { kind: 'task', taskId }));
  d.effects.push(opened);
  followHoldingDepartment(d, node.department);
  if (clock !== undefined) armClock(d, clock, taskId);
  armBoundaries(d, token, node.boundaries, taskId);
}

function enterServiceTask(d: Draft, token: TokenState, node: ServiceTaskNode): void {
  const activityId = nextId(d, 'activity', 'a');
  const input: Record<string, unknown> = {};
  for (const { name, expression } of node.inputs) {
    try {
      input[name] = evaluateFeel(expression, d.state.variables) ?? null;
    } catch {
      input[name] = null; // the compiler rejects invalid FEEL; a runtime failure is a null input
    }
  }
  putActivity(d, activityId, { tokenId: token.id, node: node.id });
  putToken(d, waiting(token, { kind: 'activity', activityId }));
  d.effects.push({
    type: 'activity.run',
    activityId,
    activity: node.activity,
    input,
    retries: node.retries,
    timeoutMs: node.timeoutMs,
  });
  armBoundaries(d, token, node.boundaries, activityId);
}

function enterSendTask(d: Draft, token: TokenState, node: SendTaskNode): void {
  const last = token.lastTask ?? d.internal.lastTask;
  const task = last === undefined ? undefined : d.state.tasks[last];
  const to: string[] = [];
  for (const symbol of node.notify) {
    let recipient: string | undefined;
    if (symbol === 'assignee') {
      recipient =
        task?.assignee !== undefined
          ? `user:${task.assignee}`
          : task?.department && `group:${task.department}`;
    } else if (symbol === 'lead') recipient = task?.department && `lead:${task.department}`;
    else if (symbol === 'manager') recipient = 'role:manager';
    else recipient = symbol; // group:KEY, customer, or an explicit recipient
    if (recipient && !to.includes(recipient)) to.push(recipient);
  }
  if (to.length > 0)
    d.effects.push({
      type: 'notify',
      to,
      template: node.template,
      ...(last === undefined ? {} : { taskId: last }),
    });
  leave(d, token);
}

function enterExclusiveGateway(d: Draft, token: TokenState, node: ExclusiveGatewayNode): void {
  for (const flowId of node.outgoing) {
    if (flowId === node.defaultFlow) continue;
    const holds = conditionHolds(d, token, flowId, 'enter');
    if (holds === undefined) return; // the condition failed: an incident parked the token
    if (holds) return follow(d, token, flowId);
  }
  if (node.defaultFlow !== undefined) return follow(d, token, node.defaultFlow);
  incident(d, token, node.id, `no outgoing flow of gateway '${node.id}' matches and it has no default flow`);
}

function enterParallelGateway(d: Draft, token: TokenState, node: ParallelGatewayNode): void {
  if (node.incoming.length > 1) {
    const key = `${token.scope}|${node.id}`;
    const arrived = (d.internal.joins[key] ?? 0) + 1;
    if (arrived < node.incoming.length) {
      setJoin(d, key, arrived);
      dropToken(d, token.id);
      return;
    }
    dropJoin(d, key);
  }
  split(d, token, node.outgoing);
}

function enterEventBasedGateway(d: Draft, token: TokenState, node: EventBasedGatewayNode): void {
  const timers: Record<string, string> = {};
  const messages: Record<string, string> = {};
  for (const flowId of node.outgoing) {
    const target = d.flow.nodes[d.flow.flows[flowId]?.target ?? ''];
    if (target?.kind !== 'intermediateCatchEvent') continue;
    if (target.timer !== undefined) {
      const timerId = `catch:${token.id}:${target.id}`;
      timers[timerId] = target.id;
      putTimer(d, timerId, {
        kind: 'catch',
        at: timerDueAt(d.flow, target.timer, d.now),
        tokenId: token.id,
        node: target.id,
      });
    } else if (target.message !== undefined) {
      messages[target.message] = target.id;
    }
  }
  putToken(d, waiting(token, { kind: 'race', timers, messages }));
}

function enterSubProcess(d: Draft, token: TokenState, node: SubProcessNode): void {
  const scopeId = nextId(d, 'scope', 's');
  putScope(d, scopeId, { node: node.id, parentToken: token.id, parentScope: token.scope });
  putToken(d, waiting(token, { kind: 'scope', scopeId }));
  const inner: TokenState = tokenAt(nextId(d, 'token', 'k'), node.start, scopeId, token.lastTask);
  putToken(d, inner);
  enter(d, inner, node.start);
}

function armBoundaries(d: Draft, token: TokenState, boundaries: string[], owner: string): void {
  for (const id of boundaries) {
    const node = d.flow.nodes[id];
    if (node?.kind !== 'boundaryEvent') continue;
    putTimer(d, boundaryTimerId(owner, id), {
      kind: 'boundary',
      at: timerDueAt(d.flow, node.timer, d.now),
      tokenId: token.id,
      node: id,
      owner,
      fired: 0,
    });
  }
}

export const boundaryTimerId = (owner: string, node: string): string => `boundary:${owner}:${node}`;

// --------------------------------------------------------------------------------------------
// Leaving nodes
// --------------------------------------------------------------------------------------------

/** Takes the outgoing flows of the token's node: every unconditional one and every true one. */
export function leave(d: Draft, token: TokenState): void {
  const node = d.flow.nodes[token.node];
  const outgoing = node?.outgoing ?? [];
  if (outgoing.length === 0) return consume(d, token);
  if (outgoing.length === 1 && d.flow.flows[outgoing[0]!]?.condition === undefined) {
    return follow(d, token, outgoing[0]!);
  }
  const taken: string[] = [];
  for (const flowId of outgoing) {
    const holds = conditionHolds(d, token, flowId, 'leave');
    if (holds === undefined) return; // the condition failed: an incident parked the token
    if (holds) taken.push(flowId);
  }
  if (taken.length === 0)
    return incident(d, token, token.node, `no outgoing flow of '${token.node}' matches`, { resume: 'leave' });
  split(d, token, taken);
}

function follow(d: Draft, token: TokenState, flowId: string): void {
  const target = d.flow.flows[flowId]?.target;
  if (target === undefined) return incident(d, token, token.node, `unknown sequence flow '${flowId}'`);
  enter(d, token, target);
}

/** One token per flow (the first keeps the token's id). */
function split(d: Draft, token: TokenState, flowIds: string[]): void {
  if (flowIds.length === 0) return consume(d, token);
  if (flowIds.length === 1) return follow(d, token, flowIds[0]!);
  const tokens = flowIds.map((_, i) =>
    i === 0 ? token : tokenAt(nextId(d, 'token', 'k'), token.node, token.scope, token.lastTask),
  );
  for (const t of tokens) putToken(d, t);
  // Queued last-first so the first branch runs first; a branch that ends the scope (terminate)
  // removes its siblings' tokens, and their moves are skipped.
  for (let i = tokens.length - 1; i >= 0; i--) follow(d, tokens[i]!, flowIds[i]!);
}

/** The token ends; its scope completes when it was the last one there. */
function consume(d: Draft, token: TokenState): void {
  dropToken(d, token.id);
  scopeMaybeDone(d, token.scope);
}

function scopeMaybeDone(d: Draft, scope: string): void {
  if (d.state.status !== 'running') return;
  for (const id in d.internal.tokens) if (d.internal.tokens[id]!.scope === scope) return;
  if (scope === '') return finishTicket(d, 'done');
  const instance = d.internal.scopes[scope];
  if (instance === undefined) return;
  dropScope(d, scope);
  forgetJoins(d, scope);
  const parent = d.internal.tokens[instance.parentToken];
  if (parent !== undefined) leave(d, tokenAt(parent.id, parent.node, parent.scope, parent.lastTask));
}

function forgetJoins(d: Draft, scope: string): void {
  const prefix = `${scope}|`;
  for (const key of Object.keys(d.internal.joins)) if (key.startsWith(prefix)) dropJoin(d, key);
}

// --------------------------------------------------------------------------------------------
// Ending: terminate, cancel, done
// --------------------------------------------------------------------------------------------

function terminateScope(d: Draft, scope: string): void {
  if (scope === '') {
    killScope(d, '', 'terminated');
    return finishTicket(d, 'done');
  }
  killScope(d, scope, 'terminated');
  scopeMaybeDone(d, scope);
}

/** Ends every token of `scope` and its nested scopes, closing their tasks with `outcome`. */
export function killScope(d: Draft, scope: string, outcome: string): void {
  for (const id of Object.keys(d.internal.tokens)) {
    const token = d.internal.tokens[id];
    if (token !== undefined && token.scope === scope) killToken(d, token, outcome);
  }
  forgetJoins(d, scope);
}

function killToken(d: Draft, token: TokenState, outcome: string): void {
  const wait = token.wait;
  dropToken(d, token.id);
  if (wait === undefined) return;
  switch (wait.kind) {
    case 'task':
      closeTask(d, wait.taskId, outcome);
      disarmBoundaries(d, token.node, wait.taskId);
      break;
    case 'activity':
      dropActivity(d, wait.activityId);
      disarmBoundaries(d, token.node, wait.activityId);
      break;
    case 'timer':
      cancelTimer(d, wait.timerId);
      break;
    case 'race':
      for (const timerId in wait.timers) cancelTimer(d, timerId);
      break;
    case 'scope':
      killScope(d, wait.scopeId, outcome);
      dropScope(d, wait.scopeId);
      break;
    default:
      break;
  }
}

export function disarmBoundaries(d: Draft, nodeId: string, owner: string): void {
  const node: FlowNode | undefined = d.flow.nodes[nodeId];
  if (node?.kind !== 'userTask' && node?.kind !== 'serviceTask') return;
  for (const id of node.boundaries) cancelTimer(d, boundaryTimerId(owner, id));
}

/** Ticket over: cancel every pending timer (ticket SLA included) and say so. */
export function finishTicket(d: Draft, outcome: 'done' | 'cancelled'): void {
  closeIncidents(d);
  for (const timerId of Object.keys(d.internal.timers)) cancelTimer(d, timerId);
  if (d.state.ticketSla !== undefined) d.state.ticketSla = finishClock(d.flow, d.state.ticketSla, d.now);
  d.state.status = outcome;
  d.effects.push({ type: 'ticket.completed', at: d.now, outcome });
}

// --------------------------------------------------------------------------------------------
// Tasks and incidents
// --------------------------------------------------------------------------------------------

/** Closes an open user task: stops its clock, cancels its SLA timers, reports the stage. */
export function closeTask(d: Draft, taskId: string, outcome: string): void {
  const task = d.state.tasks[taskId];
  if (task === undefined || task.status !== 'open') return;
  let sla = task.sla;
  if (sla !== undefined) {
    if (task.held !== undefined) {
      sla = copyOf(sla, {
        pauses: sla.pauses.map((p) => (p.to === undefined ? copyOf(p, { to: d.now }) : p)),
      });
    }
    sla = finishClock(d.flow, sla, d.now);
    disarmClock(d, taskId);
  }
  const closed: TaskState = {
    taskId,
    elementId: task.elementId,
    name: task.name,
    status: 'closed',
    openedAt: task.openedAt,
    closedAt: d.now,
    outcome,
  };
  if (task.department !== undefined) closed.department = task.department;
  if (task.outcomes !== undefined) closed.outcomes = task.outcomes;
  if (task.assignee !== undefined) closed.assignee = task.assignee;
  if (task.claimedAt !== undefined) closed.claimedAt = task.claimedAt;
  if (sla !== undefined) closed.sla = sla;
  if (task.handedOverBy !== undefined) closed.handedOverBy = task.handedOverBy;
  // Closing a held task ends its hold: the time waited so far counts as held, not as work.
  const { heldMs, businessHeldMs } = heldTimeAt(d.flow, task, d.now);
  if (heldMs > 0 || task.heldMs !== undefined) {
    closed.heldMs = heldMs;
    closed.businessHeldMs = businessHeldMs;
  }
  putTask(d, closed);
  d.internal.lastTask = taskId;
  const calendar = stageCalendar(d.flow, task);
  const totalMs = d.now - task.openedAt;
  const stage: Extract<Effect, { type: 'stage.closed' }> = {
    type: 'stage.closed',
    taskId,
    elementId: task.elementId,
    openedAt: task.openedAt,
    closedAt: d.now,
    outcome,
    totalMs,
    businessMs: calendar === undefined ? totalMs : businessMsOf(d, task, sla, calendar),
    heldMs,
    businessHeldMs,
    slaLevel: sla?.level ?? 'ok',
  };
  if (task.department !== undefined) stage.department = task.department;
  if (task.claimedAt !== undefined) stage.claimedAt = task.claimedAt;
  d.effects.push(stage);
}

/** Business time a task was open; an SLA clock that ran throughout already measured it. */
function businessMsOf(d: Draft, task: TaskState, sla: SlaClock | undefined, calendar: string): number {
  const measured =
    sla !== undefined &&
    sla.calendar === calendar &&
    sla.startedAt === task.openedAt &&
    sla.pauses.length === 0;
  return measured ? sla.consumedMs : timeBetween(d.flow, calendar, task.openedAt, d.now);
}

/**
 * Whether the condition of `flowId` holds (true for a flow without one). A condition that fails
 * to evaluate (an error, null, a non-boolean) takes no branch: it raises an incident naming the
 * flow and the expression, parks the token, and answers undefined. `resume`: how a retry goes on.
 */
function conditionHolds(
  d: Draft,
  token: TokenState,
  flowId: string,
  resume: 'enter' | 'leave',
): boolean | undefined {
  const expression = d.flow.flows[flowId]?.condition;
  if (expression === undefined) return true;
  const verdict = evaluateCondition(expression, d.state.variables);
  if (verdict.ok) return verdict.holds;
  // A run from before incidents existed counts the failure as not holding (see ConditionFailure).
  if (!d.internal.conditionIncidents) return false;
  const message = `the condition of sequence flow '${flowId}' failed: ${verdict.error}`;
  incident(d, token, token.node, message, { flowId, expression, resume });
  return undefined;
}

/** The flow cannot go on here: record it, tell an admin, and park the token. */
function incident(
  d: Draft,
  token: TokenState,
  elementId: string,
  message: string,
  about: Pick<Incident, 'flowId' | 'expression' | 'resume'> = {},
): void {
  const id = `i${d.internal.incidents.length + 1}`;
  const record: Incident = { id, at: d.now, elementId, message, tokenId: token.id, resume: 'enter' };
  if (about.flowId !== undefined) record.flowId = about.flowId;
  if (about.expression !== undefined) record.expression = about.expression;
  if (about.resume !== undefined) record.resume = about.resume;
  d.internal.incidents = [...d.internal.incidents, record];
  const opened: Extract<Effect, { type: 'incident.opened' }> = {
    type: 'incident.opened',
    incidentId: id,
    elementId,
    error: message,
    at: d.now,
  };
  if (record.flowId !== undefined) opened.flowId = record.flowId;
  if (record.expression !== undefined) opened.expression = record.expression;
  d.effects.push(opened);
  d.effects.push({ type: 'notify', to: ['role:admin'], template: 'flow.incident' });
  putToken(d, waiting(token, { kind: 'stuck' }));
}

/** Marks an open incident resolved (the list keeps it, for ids and the record). */
function resolveIncident(d: Draft, index: number, resolution: 'retried' | 'closed'): void {
  const incidents = d.internal.incidents.slice();
  const incident = incidents[index]!;
  incidents[index] = { ...incident, resolvedAt: d.now, resolution };
  d.internal.incidents = incidents;
  d.effects.push({
    type: 'incident.resolved',
    incidentId: incidentIdAt(incident, index),
    resolution,
    at: d.now,
  });
}

/** A finished ticket has nothing left to retry: its open incidents close with it. */
function closeIncidents(d: Draft): void {
  d.internal.incidents.forEach((incident, index) => {
    if (incident.resolvedAt === undefined) resolveIncident(d, index, 'closed');
  });
}

/**
 * incident.retried: merges the corrected fields into the variables, resolves the incident and
 * moves its stuck token on from where it stopped; a failure there opens a new incident.
 */
export function retryIncident(
  d: Draft,
  incidentId: string,
  fields: Record<string, unknown> | undefined,
): void {
  const index = d.internal.incidents.findIndex((incident, i) => incidentIdAt(incident, i) === incidentId);
  const incident = d.internal.incidents[index];
  if (incident === undefined)
    reject('unknown-incident', `ticket ${d.state.ticketId} has no incident ${incidentId}`);
  if (incident.resolvedAt !== undefined)
    reject('conflict', `incident ${incidentId} of ticket ${d.state.ticketId} is already resolved`);
  if (fields !== undefined && (typeof fields !== 'object' || fields === null || Array.isArray(fields)))
    reject('invalid', `fields of a retry must be an object`);
  const token = stuckToken(d, incident);
  if (token === undefined)
    reject('conflict', `nothing of ticket ${d.state.ticketId} waits on incident ${incidentId} any more`);
  if (fields !== undefined) setVariables(d, fields);
  resolveIncident(d, index, 'retried');
  const free = release(d, token);
  if (incident.resume === 'leave') return leave(d, free);
  enter(d, free, free.node);
}

function stuckToken(d: Draft, incident: Incident): TokenState | undefined {
  const tokens = d.internal.tokens;
  if (incident.tokenId !== undefined) {
    const token = tokens[incident.tokenId];
    return token?.wait?.kind === 'stuck' && token.node === incident.elementId ? token : undefined;
  }
  // Recorded before incidents named their token: the one stuck at the element.
  for (const id in tokens) {
    const token = tokens[id]!;
    if (token.wait?.kind === 'stuck' && token.node === incident.elementId) return token;
  }
  return undefined;
}

/** Frees a waiting token so it can move on (the map entry loses its wait). */
export function release(d: Draft, token: TokenState, lastTask?: string): TokenState {
  const free = tokenAt(token.id, token.node, token.scope, lastTask ?? token.lastTask);
  putToken(d, free);
  return free;
}
