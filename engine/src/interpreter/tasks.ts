// Agent actions on user tasks: claim, complete, transfer, return, hold, resume, extend (or not).
import type { Actor, RunEvent, SlaClock, TaskState, TokenState, UserTaskNode } from '../types.js';
import { copyTask, putTask, reject, setVariable, setVariables, type Draft } from './draft.js';
import { heldTimeAt } from './holds.js';
import { armClock, disarmClock, extendClock, pauseClock, resumeClock } from './sla.js';
import { closeTask, disarmBoundaries, enter, leave, release } from './tokens.js';

type TaskEvent = Extract<RunEvent, { taskId: string }>;

export function applyTaskEvent(d: Draft, event: TaskEvent): void {
  // A denial changes nothing, so it applies to a task that closed since the request as well.
  if (event.type === 'task.extensionDenied') {
    decidableSla(knownTask(d, event.taskId), event.actor, event.extendByMs);
    return;
  }
  const task = openTask(d, event.taskId);
  switch (event.type) {
    case 'task.claimed':
      return claim(d, task, event.actor);
    case 'task.completed':
      return complete(d, task, event);
    case 'task.transferred':
      return transfer(d, task, event.actor, event.department);
    case 'task.returned':
      return giveBack(d, task, event.actor);
    case 'task.held':
      return hold(d, task, event.actor, event.reason);
    case 'task.resumed':
      if (event.actor !== undefined) mayAct(task, event.actor);
      if (task.held === undefined) reject('conflict', `task ${task.taskId} is not on hold`);
      return resume(d, task);
    case 'task.extensionGranted':
      return extend(d, task, event.actor, event.extendByMs);
    default:
      reject('invalid', `unknown event type ${JSON.stringify((event as { type?: unknown }).type ?? null)}`);
  }
}

function knownTask(d: Draft, taskId: string): TaskState {
  const task = d.state.tasks[taskId];
  if (task === undefined) reject('unknown-task', `no task ${taskId} in ticket ${d.state.ticketId}`);
  return task;
}

function openTask(d: Draft, taskId: string): TaskState {
  const task = knownTask(d, taskId);
  if (task.status !== 'open')
    reject('conflict', `task ${taskId} is already closed (${task.outcome ?? 'closed'})`);
  return task;
}

const isActor = (actor: unknown): actor is Actor =>
  typeof actor === 'object' &&
  actor !== null &&
  typeof (actor as Actor).userId === 'string' &&
  Array.isArray((actor as Actor).departments) &&
  Array.isArray((actor as Actor).roles);

function mayAct(task: TaskState, actor: Actor): void {
  if (!isActor(actor))
    reject('invalid', `event on task ${task.taskId} needs an actor { userId, departments, roles }`);
  if (
    task.department === undefined ||
    actor.roles.includes('admin') ||
    actor.departments.includes(task.department)
  ) {
    return;
  }
  reject('forbidden', `${actor.userId} is not in department ${task.department} of task ${task.taskId}`);
}

function notClaimedByOther(task: TaskState, actor: Actor): void {
  if (task.assignee !== undefined && task.assignee !== actor.userId) {
    reject('conflict', `task ${task.taskId} is claimed by ${task.assignee}`);
  }
}

function userTaskNode(d: Draft, task: TaskState): UserTaskNode {
  const node = d.flow.nodes[task.elementId];
  if (node?.kind !== 'userTask')
    reject('invalid', `task ${task.taskId} refers to '${task.elementId}', not a user task of this flow`);
  return node;
}

function waitingToken(d: Draft, task: TaskState): TokenState {
  const token = task.tokenId === undefined ? undefined : d.internal.tokens[task.tokenId];
  if (token === undefined) reject('conflict', `task ${task.taskId} has no token waiting on it`);
  return token;
}

function claim(d: Draft, task: TaskState, actor: Actor): void {
  mayAct(task, actor);
  if (task.assignee !== undefined) {
    reject(
      'conflict',
      `task ${task.taskId} is already claimed by ${task.assignee === actor.userId ? 'you' : task.assignee}`,
    );
  }
  const claimed = copyTask(task);
  claimed.assignee = actor.userId;
  claimed.claimedAt = d.now;
  putTask(d, claimed);
  d.effects.push({ type: 'stage.claimed', taskId: task.taskId, userId: actor.userId, at: d.now });
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function complete(d: Draft, task: TaskState, event: Extract<RunEvent, { type: 'task.completed' }>): void {
  mayAct(task, event.actor);
  notClaimedByOther(task, event.actor);
  const node = userTaskNode(d, task);
  const outcome = event.outcome;
  if (node.outcomes.length > 0 && (outcome === undefined || !node.outcomes.includes(outcome))) {
    reject(
      'invalid',
      `outcome ${JSON.stringify(outcome ?? null)} is not one of ${node.outcomes.join(', ')} for task ${task.taskId}`,
    );
  }
  if (event.data !== undefined && !isPlainObject(event.data))
    reject('invalid', 'task data must be an object');
  const token = waitingToken(d, task);
  if (task.assignee === undefined) {
    const assigned = copyTask(task);
    assigned.assignee = event.actor.userId;
    putTask(d, assigned);
  }
  if (event.data !== undefined) setVariables(d, event.data);
  setVariable(d, 'outcome', outcome ?? null);
  closeTask(d, task.taskId, outcome ?? 'completed');
  disarmBoundaries(d, token.node, task.taskId);
  leave(d, release(d, token, task.taskId));
}

function transfer(d: Draft, task: TaskState, actor: Actor, department: string): void {
  mayAct(task, actor);
  notClaimedByOther(task, actor);
  const node = userTaskNode(d, task);
  const allowed = node.transferTo === '*' ? d.flow.departments : node.transferTo;
  if (!allowed.includes(department)) {
    reject(
      'invalid',
      `task ${task.taskId} cannot be transferred to ${department} (allowed: ${allowed.join(', ') || 'none'})`,
    );
  }
  const entry = d.flow.entryTasks[department];
  if (entry === undefined) reject('invalid', `department ${department} has no entry task to transfer to`);
  handOver(d, task, entry, 'transferred');
}

function giveBack(d: Draft, task: TaskState, actor: Actor): void {
  mayAct(task, actor);
  notClaimedByOther(task, actor);
  const node = userTaskNode(d, task);
  if (!node.returnable) reject('invalid', `task ${task.taskId} ('${node.id}') is not returnable`);
  const previous = task.handedOverBy === undefined ? undefined : d.state.tasks[task.handedOverBy];
  if (previous === undefined) reject('invalid', `task ${task.taskId} was not handed over by another task`);
  handOver(d, task, previous.elementId, 'returned');
}

/** Closes `task` with `outcome` and opens `elementId` for the same token, handed over by it. */
function handOver(d: Draft, task: TaskState, elementId: string, outcome: string): void {
  const token = waitingToken(d, task);
  const target = d.flow.nodes[elementId];
  if (target?.kind !== 'userTask') reject('invalid', `'${elementId}' is not a user task`);
  const tokenScopeNode = token.scope === '' ? undefined : d.internal.scopes[token.scope]?.node;
  if (target.scope !== tokenScopeNode) {
    reject(
      'invalid',
      `'${elementId}' is in another sub-process than task ${task.taskId}: cannot hand over across it`,
    );
  }
  closeTask(d, task.taskId, outcome);
  disarmBoundaries(d, token.node, task.taskId);
  enter(d, release(d, token, task.taskId), elementId);
}

function hold(d: Draft, task: TaskState, actor: Actor, reason: string): void {
  mayAct(task, actor);
  if (task.held !== undefined)
    reject('conflict', `task ${task.taskId} is already on hold (${task.held.reason})`);
  if (task.sla !== undefined) disarmClock(d, task.taskId);
  const held = copyTask(task);
  held.held = { since: d.now, reason };
  if (task.sla !== undefined) held.sla = pauseClock(d.flow, task.sla, d.now, reason);
  putTask(d, held);
}

/**
 * Ends a task's hold, adding it to the task's held time, and reopens its clock: deadlines
 * recomputed from the remaining business time.
 */
export function resume(d: Draft, task: TaskState): void {
  const resumed = copyTask(task, true);
  const held = heldTimeAt(d.flow, task, d.now);
  resumed.heldMs = held.heldMs;
  resumed.businessHeldMs = held.businessHeldMs;
  if (task.sla === undefined) return putTask(d, resumed);
  const sla = resumeClock(d.flow, task.sla, d.now);
  resumed.sla = sla;
  putTask(d, resumed);
  armClock(d, sla, task.taskId);
}

/** Who may grant or deny more time on a task, and the amount asked for or granted; answers its clock. */
function decidableSla(task: TaskState, actor: Actor, extendByMs: number | undefined): SlaClock {
  if (!isActor(actor) || !actor.roles.includes('manager')) mayAct(task, actor);
  if (extendByMs !== undefined && (!Number.isSafeInteger(extendByMs) || extendByMs <= 0)) {
    reject(
      'invalid',
      `extendByMs must be a positive whole number of milliseconds, got ${String(extendByMs)}`,
    );
  }
  if (task.sla === undefined) reject('invalid', `task ${task.taskId} has no SLA to extend`);
  return task.sla;
}

function extend(d: Draft, task: TaskState, actor: Actor, extendByMs: number): void {
  // A grant must name its amount: a missing one is refused like a malformed one.
  const clock = decidableSla(task, actor, extendByMs ?? Number.NaN);
  const sla = extendClock(d.flow, clock, d.now, extendByMs, actor.userId);
  const extended = copyTask(task);
  extended.sla = sla;
  putTask(d, extended);
  if (task.held === undefined) {
    disarmClock(d, task.taskId);
    armClock(d, sla, task.taskId);
  }
}
