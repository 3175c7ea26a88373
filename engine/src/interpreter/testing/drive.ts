// Test helpers: run a flow through events at given instants and pick effects by type.
import type { Effect, Flow, RunEvent, RunInput, RunState, Step } from '../../types.js';
import { applyEvent, startRun } from '../index.js';

export type Timed = { at: number; event: RunEvent };

export function drive(
  flow: Flow,
  input: RunInput,
  startAt: number,
  events: Timed[],
): { start: Step; steps: Step[]; state: RunState } {
  const start = startRun(flow, input, startAt);
  let state = start.state;
  const steps = events.map(({ at, event }) => {
    const step = applyEvent(flow, state, event, at);
    state = step.state;
    return step;
  });
  return { start, steps, state };
}

export const ofType = <T extends Effect['type']>(
  effects: Effect[],
  type: T,
): Extract<Effect, { type: T }>[] =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

/** Timers pending after a sequence of steps, from their effects alone. */
export function pendingTimers(steps: Step[], firedIds: string[] = []): Set<string> {
  const pending = new Set<string>();
  for (const step of steps) {
    for (const effect of step.effects) {
      if (effect.type === 'timer.start') pending.add(effect.timerId);
      if (effect.type === 'timer.cancel') pending.delete(effect.timerId);
    }
  }
  for (const id of firedIds) pending.delete(id);
  return pending;
}
