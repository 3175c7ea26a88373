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
  owned: Set<string>;
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

export function beginDraft(flow: Flow, state: RunState, now: number): Draft {
  const internal = { ...state.internal };
  return { flow, now, state: { ...state, internal }, internal, effects: [], budget: NODE_BUDGET, owned: new Set(), moves: [], draining: false };
}

function ownState<K extends 'tasks' | 'variables'>(d: Draft, key: K): RunState[K] {
  if (!d.owned.has(key)) {
    d.owned.add(key);
    d.state[key] = { ...d.state[key] };
  }
  return d.state[key];
}

function ownInternal<K extends 'tokens' | 'timers' | 'activities' | 'joins' | 'scopes'>(
  d: Draft,
  key: K,
): RunInternals[K] {
  if (!d.owned.has(key)) {
    d.owned.add(key);
    d.internal[key] = { ...d.internal[key] };
  }
  return d.internal[key];
}

export const putTask = (d: Draft, task: TaskState): void => {
  ownState(d, 'tasks')[task.taskId] = task;
};
export const setVariables = (d: Draft, patch: Record<string, unknown>): void => {
  Object.assign(ownState(d, 'variables'), patch);
};
export const putToken = (d: Draft, token: TokenState): void => {
  ownInternal(d, 'tokens')[token.id] = token;
};
export const dropToken = (d: Draft, id: string): void => {
  delete ownInternal(d, 'tokens')[id];
};
export const putTimer = (d: Draft, id: string, timer: TimerState): void => {
  ownInternal(d, 'timers')[id] = timer;
  d.effects.push({ type: 'timer.start', timerId: id, at: timer.at });
};
/** Cancels a pending timer (no-op when it is not pending). */
export const cancelTimer = (d: Draft, id: string): void => {
  if (d.internal.timers[id] === undefined) return;
  delete ownInternal(d, 'timers')[id];
  d.effects.push({ type: 'timer.cancel', timerId: id });
};
/** Forgets a timer that just fired (no cancel effect: the runtime already consumed it). */
export const dropTimer = (d: Draft, id: string): void => {
  delete ownInternal(d, 'timers')[id];
};
export const putActivity = (d: Draft, id: string, activity: ActivityState): void => {
  ownInternal(d, 'activities')[id] = activity;
};
export const dropActivity = (d: Draft, id: string): void => {
  delete ownInternal(d, 'activities')[id];
};
export const joins = (d: Draft): Record<string, number> => ownInternal(d, 'joins');
export const putScope = (d: Draft, id: string, scope: ScopeState): void => {
  ownInternal(d, 'scopes')[id] = scope;
};
export const dropScope = (d: Draft, id: string): void => {
  delete ownInternal(d, 'scopes')[id];
};

export function nextId(d: Draft, counter: keyof RunInternals['counters'], prefix: string): string {
  const counters = { ...d.internal.counters };
  counters[counter] += 1;
  d.internal.counters = counters;
  return `${prefix}${counters[counter]}`;
}
