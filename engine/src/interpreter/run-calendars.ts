// The calendars a run counts on: the ones compiled into its flow, replaced by those edited since
// (calendars.changed). Every business-time sum of a run goes through flowOfRun, so one rule
// decides which calendar a clock, a stage duration and an explanation use.
import type { Flow, RunState } from '../types.js';

type Merged = { flow: Flow; merged: Flow };
// Keyed by the run's calendar record, which a step shares with the next until another change:
// the merged flow is built once per change, not once per event.
const mergedFlows = new WeakMap<object, Merged>();

/** The flow as this run sees it: its calendars replaced by those changed since it was compiled. */
export function flowOfRun(flow: Flow, state: RunState): Flow {
  const edited = state.internal.calendars;
  if (edited === undefined) return flow;
  const cached = mergedFlows.get(edited);
  if (cached !== undefined && cached.flow === flow) return cached.merged;
  const merged: Flow = { ...flow, calendars: { ...flow.calendars, ...edited } };
  mergedFlows.set(edited, { flow, merged });
  return merged;
}
