// The calendars a run counts on: the ones compiled into its flow, replaced by those edited since,
// and its departments' own calendars as the directory gave them at the start, replaced by those
// assigned or cleared since (calendars.changed). Every business-time sum of a run goes through
// flowOfRun, so one rule decides which calendar a clock, a stage duration and an explanation use.
import type { Flow, RunInternals, RunState } from '../types.js';

type Merged = { flow: Flow; merged: Flow };
// Keyed by the run's two records (calendars, then department calendars), which a step shares
// with the next until another change: the merged flow is built once per change, not once per
// event. A record the run lacks is keyed by NONE.
const NONE = {};
const mergedFlows = new WeakMap<object, WeakMap<object, Merged>>();

/** The flow as this run sees it: its calendars and department calendars as changed since it started. */
export function flowOfRun(flow: Flow, state: RunState): Flow {
  const { calendars, departmentCalendars } = state.internal;
  if (calendars === undefined && departmentCalendars === undefined) return flow;
  let byDepartments = mergedFlows.get(calendars ?? NONE);
  if (byDepartments === undefined) {
    byDepartments = new WeakMap();
    mergedFlows.set(calendars ?? NONE, byDepartments);
  }
  const cached = byDepartments.get(departmentCalendars ?? NONE);
  if (cached !== undefined && cached.flow === flow) return cached.merged;
  const merged: Flow = { ...flow };
  if (calendars !== undefined) merged.calendars = { ...flow.calendars, ...calendars };
  if (departmentCalendars !== undefined)
    merged.departmentCalendars = withChanges(flow.departmentCalendars, departmentCalendars);
  byDepartments.set(departmentCalendars ?? NONE, { flow, merged });
  return merged;
}

function withChanges(
  own: Flow['departmentCalendars'],
  changes: NonNullable<RunInternals['departmentCalendars']>,
): Record<string, string> {
  const next: Record<string, string> = {};
  for (const department in own) if (!Object.hasOwn(changes, department)) next[department] = own[department]!;
  for (const department in changes) {
    const calendar = changes[department];
    if (calendar !== null && calendar !== undefined) next[department] = calendar;
  }
  return next;
}
