// The calendars and SLA targets a run counts on: the ones compiled into its flow, replaced by
// those edited since, its departments' own calendars as the directory gave them at the start,
// replaced by those assigned or cleared since (calendars.changed), and its tasks' and ticket's
// SLA targets replaced by those applied since (sla.targetsChanged). Every business-time sum and
// every clock a run starts goes through flowOfRun, so one rule decides which calendar and which
// target a clock, a stage duration and an explanation use.
import type { Flow, FlowNode, RunInternals, RunState } from '../types.js';

type Merged = { flow: Flow; merged: Flow };
type Cached = { next: WeakMap<object, Cached>; merged?: Merged };
// Keyed by the run's three records (calendars, department calendars, SLA targets), which a step
// shares with the next until another change: the merged flow is built once per change, not once
// per event. A record the run lacks is keyed by NONE.
const NONE = {};
const mergedFlows: Cached = { next: new WeakMap() };

function cacheEntry(keys: readonly object[]): Cached {
  let entry = mergedFlows;
  for (const key of keys) {
    let next = entry.next.get(key);
    if (next === undefined) {
      next = { next: new WeakMap() };
      entry.next.set(key, next);
    }
    entry = next;
  }
  return entry;
}

/** The flow as this run sees it: its calendars, department calendars and SLA targets as changed since it started. */
export function flowOfRun(flow: Flow, state: RunState): Flow {
  const { calendars, departmentCalendars, slaTargets } = state.internal;
  if (calendars === undefined && departmentCalendars === undefined && slaTargets === undefined) return flow;
  const entry = cacheEntry([calendars ?? NONE, departmentCalendars ?? NONE, slaTargets ?? NONE]);
  if (entry.merged !== undefined && entry.merged.flow === flow) return entry.merged.merged;
  const merged: Flow = { ...flow };
  if (calendars !== undefined) merged.calendars = { ...flow.calendars, ...calendars };
  if (departmentCalendars !== undefined)
    merged.departmentCalendars = withChanges(flow.departmentCalendars, departmentCalendars);
  if (slaTargets !== undefined) {
    merged.nodes = withTargets(flow.nodes, slaTargets.tasks);
    if (slaTargets.ticketSla !== undefined) merged.ticketSla = slaTargets.ticketSla;
  }
  entry.merged = { flow, merged };
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

/** The nodes with the applied targets on their user tasks (null: without an SLA). */
function withTargets(
  nodes: Flow['nodes'],
  targets: NonNullable<RunInternals['slaTargets']>['tasks'],
): Flow['nodes'] {
  const next: Record<string, FlowNode> = { ...nodes };
  for (const id in targets) {
    const node = nodes[id];
    // sla.targetsChanged names user tasks only; a flow without the element keeps its nodes.
    if (node?.kind !== 'userTask') continue;
    const spec = targets[id];
    if (spec === null || spec === undefined) {
      const { sla: _dropped, ...rest } = node;
      next[id] = rest;
    } else next[id] = { ...node, sla: spec };
  }
  return next;
}
