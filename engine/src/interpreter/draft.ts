// Copy-on-write view of a RunState for one event: each map is copied at most once, the first
// time it changes, and records are replaced rather than edited, so the input state is never
// touched (a rejection returns it as is) and unchanged parts are shared with the next state.
import type {
  ActivityState,
  Effect,
  Flow,
  RejectCode,
  RunInternals,
  RunState,
  ScopeState,
  TaskState,
  TimerState,
  TokenState,
} from '../types.js';

export type Draft = {
  readonly flow: Flow;
  readonly now: number;
  readonly state: RunState;
  readonly internal: RunInternals;
  readonly effects: Effect[];
  /** Node entries left for this event: a diagram looping without a wait state stops here. */
  budget: number;
  /** Bit per map (see OWN) already copied for this event. */
  owned: number;
  /** Tokens about to enter a node, run depth-first from the top (no recursion: long paths and
   * loops cannot overflow the stack). */
  moves: { token: TokenState; node: string }[];
  draining: boolean;
};

/** An event that does not apply; caught by applyEvent, which then returns the input state. */
export class Rejection {
  constructor(
    readonly code: RejectCode,
    readonly message: string,
  ) {}
}

export function reject(code: RejectCode, message: string): never {
  throw new Rejection(code, message);
}

const NODE_BUDGET = 10_000;

const OWN = { tasks: 1, variables: 2, tokens: 4, timers: 8, activities: 16, joins: 32, scopes: 64 } as const;

/**
 * Shallow copy with `patch` applied. Copies key by key on purpose: in V8 (Node 20) a spread
 * copy that then gets a key its source lacks (`{ ...token, wait }`, a new timer id in a copied
 * map) takes a slow path costing microseconds; this costs ~100 ns. Hot paths use it.
 */
export function copyOf<T extends object>(source: T, patch?: Partial<T>): T {
  const copy = {} as T;
  for (const key in source) copy[key] = source[key];
  if (patch !== undefined) for (const key in patch) copy[key] = patch[key] as T[typeof key];
  return copy;
}

/** A copy of a task record (spelled out: tasks are copied on most events), minus its hold when
 * `resume` says so. */
export function copyTask(task: TaskState, resume = false): TaskState {
  const next: TaskState = {
    taskId: task.taskId,
    elementId: task.elementId,
    name: task.name,
    status: task.status,
    openedAt: task.openedAt,
  };
  if (task.department !== undefined) next.department = task.department;
  if (task.assignee !== undefined) next.assignee = task.assignee;
  if (task.claimedAt !== undefined) next.claimedAt = task.claimedAt;
  if (task.closedAt !== undefined) next.closedAt = task.closedAt;
  if (task.outcome !== undefined) next.outcome = task.outcome;
  if (task.held !== undefined && !resume) next.held = task.held;
  if (task.heldMs !== undefined) next.heldMs = task.heldMs;
  if (task.businessHeldMs !== undefined) next.businessHeldMs = task.businessHeldMs;
  if (task.sla !== undefined) next.sla = task.sla;
  if (task.handedOverBy !== undefined) next.handedOverBy = task.handedOverBy;
  if (task.tokenId !== undefined) next.tokenId = task.tokenId;
  if (task.outcomes !== undefined) next.outcomes = task.outcomes;
  return next;
}

export function beginDraft(flow: Flow, state: RunState, now: number): Draft {
  // Spelled out rather than copyOf: this runs on every event and a literal keeps one shape.
  const from = state.internal;
  const internal: RunInternals = {
    tokens: from.tokens,
    timers: from.timers,
    activities: from.activities,
    joins: from.joins,
    scopes: from.scopes,
    counters: from.counters,
    incidents: from.incidents,
  };
  if (from.lastTask !== undefined) internal.lastTask = from.lastTask;
  if (from.conditionIncidents) internal.conditionIncidents = true;
  if (from.calendars !== undefined) internal.calendars = from.calendars;
  if (from.departmentCalendars !== undefined) internal.departmentCalendars = from.departmentCalendars;
  if (from.slaTargets !== undefined) internal.slaTargets = from.slaTargets;
  const draft: RunState = {
    v: state.v,
    ticketId: state.ticketId,
    status: state.status,
    variables: state.variables,
    seq: state.seq,
    tasks: state.tasks,
    internal,
  };
  if (state.ticketSla !== undefined) draft.ticketSla = state.ticketSla;
  return {
    flow,
    now,
    state: draft,
    internal,
    effects: [],
    budget: NODE_BUDGET,
    owned: 0,
    moves: [],
    draining: false,
  };
}

function ownState<K extends 'tasks' | 'variables'>(d: Draft, key: K): RunState[K] {
  if ((d.owned & OWN[key]) === 0) {
    d.owned |= OWN[key];
    d.state[key] = copyOf(d.state[key]);
  }
  return d.state[key];
}

function ownInternal<K extends 'tokens' | 'timers' | 'activities' | 'joins' | 'scopes'>(
  d: Draft,
  key: K,
): RunInternals[K] {
  if ((d.owned & OWN[key]) === 0) {
    d.owned |= OWN[key];
    d.internal[key] = copyOf(d.internal[key]);
  }
  return d.internal[key];
}

/**
 * Removes `id` from an internal map by building the map without it: `delete` would turn the
 * object into a slow dictionary for the rest of its life (and every copy of it).
 */
function removeInternal(
  d: Draft,
  key: 'tokens' | 'timers' | 'activities' | 'joins' | 'scopes',
  id: string,
): void {
  const map: Record<string, unknown> = d.internal[key];
  if (!(id in map)) return;
  const next: Record<string, unknown> = {};
  for (const k in map) if (k !== id) next[k] = map[k];
  (d.internal as Record<typeof key, Record<string, unknown>>)[key] = next;
  d.owned |= OWN[key];
}

/**
 * Cancels the pending timers `matches(timer, key)` picks, with one copy of the timer map and no
 * timer ids built to look them up (the key is passed through so callers need no closure).
 */
export function cancelTimersWhere<K>(
  d: Draft,
  matches: (timer: TimerState, key: K) => boolean,
  key: K,
): void {
  const timers = d.internal.timers;
  let any = false;
  for (const id in timers) {
    if (matches(timers[id]!, key)) {
      any = true;
      break;
    }
  }
  if (!any) return;
  const next: Record<string, TimerState> = {};
  for (const id in timers) {
    const timer = timers[id]!;
    if (matches(timer, key)) d.effects.push({ type: 'timer.cancel', timerId: id });
    else next[id] = timer;
  }
  d.internal.timers = next;
  d.owned |= OWN.timers;
}

export const putTask = (d: Draft, task: TaskState): void => {
  ownState(d, 'tasks')[task.taskId] = task;
};
/**
 * Merges `patch` into the variables: its own enumerable string keys, in order, each set as
 * Object.assign would (event data is JSON). A keyed loop: Object.assign into a non-empty object
 * takes V8's generic path, and this runs on most events.
 */
export const setVariables = (d: Draft, patch: Record<string, unknown>): void => {
  const variables = ownState(d, 'variables');
  for (const name in patch) if (Object.hasOwn(patch, name)) variables[name] = patch[name];
};
/** Sets one variable (what setVariables(d, { [name]: value }) does, without the patch object). */
export const setVariable = (d: Draft, name: string, value: unknown): void => {
  ownState(d, 'variables')[name] = value;
};
export const putToken = (d: Draft, token: TokenState): void => {
  ownInternal(d, 'tokens')[token.id] = token;
};
export const dropToken = (d: Draft, id: string): void => removeInternal(d, 'tokens', id);
export const putTimer = (d: Draft, id: string, timer: TimerState): void => {
  ownInternal(d, 'timers')[id] = timer;
  d.effects.push({ type: 'timer.start', timerId: id, at: timer.at });
};
/** Cancels a pending timer (no-op when it is not pending). */
export const cancelTimer = (d: Draft, id: string): void => {
  if (d.internal.timers[id] === undefined) return;
  removeInternal(d, 'timers', id);
  d.effects.push({ type: 'timer.cancel', timerId: id });
};
/** Forgets a timer that just fired (no cancel effect: the runtime already consumed it). */
export const dropTimer = (d: Draft, id: string): void => removeInternal(d, 'timers', id);
export const putActivity = (d: Draft, id: string, activity: ActivityState): void => {
  ownInternal(d, 'activities')[id] = activity;
};
export const dropActivity = (d: Draft, id: string): void => removeInternal(d, 'activities', id);
export const setJoin = (d: Draft, key: string, arrived: number): void => {
  ownInternal(d, 'joins')[key] = arrived;
};
export const dropJoin = (d: Draft, key: string): void => removeInternal(d, 'joins', key);
export const putScope = (d: Draft, id: string, scope: ScopeState): void => {
  ownInternal(d, 'scopes')[id] = scope;
};
export const dropScope = (d: Draft, id: string): void => removeInternal(d, 'scopes', id);

export function nextId(d: Draft, counter: keyof RunInternals['counters'], prefix: string): string {
  const from = d.internal.counters;
  // Spelled out (four fields) rather than copyOf: ids are taken on most events.
  const counters = { task: from.task, activity: from.activity, token: from.token, scope: from.scope };
  counters[counter] += 1;
  d.internal.counters = counters;
  return `${prefix}${counters[counter]}`;
}
