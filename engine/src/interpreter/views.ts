import type { Incident, IncidentView, ReachedSlaLevel, RunState, TaskView } from '../types.js';

/** The open tasks of a run: what an agent can act on now. */
export function openTasks(state: RunState): TaskView[] {
  const views: TaskView[] = [];
  for (const id in state.tasks) {
    const task = state.tasks[id]!;
    if (task.status !== 'open') continue;
    views.push({
      taskId: task.taskId,
      elementId: task.elementId,
      name: task.name,
      ...(task.department === undefined ? {} : { department: task.department }),
      outcomes: task.outcomes ?? [],
      ...(task.assignee === undefined ? {} : { assignee: task.assignee }),
      openedAt: task.openedAt,
      ...(task.claimedAt === undefined ? {} : { claimedAt: task.claimedAt }),
      ...(task.sla?.dueAt === undefined || task.held !== undefined ? {} : { dueAt: task.sla.dueAt }),
      ...(task.held === undefined ? {} : { held: true }),
      slaLevel: task.sla?.level ?? 'ok',
    });
  }
  return views;
}

/** The incidents of a run nobody has resolved yet, oldest first: what blocks the ticket now. */
export function openIncidents(state: RunState): IncidentView[] {
  const views: IncidentView[] = [];
  state.internal.incidents.forEach((incident, index) => {
    if (incident.resolvedAt !== undefined || state.status !== 'running') return;
    const view: IncidentView = {
      incidentId: incidentIdAt(incident, index),
      at: incident.at,
      elementId: incident.elementId,
      error: incident.message,
    };
    if (incident.flowId !== undefined) view.flowId = incident.flowId;
    if (incident.expression !== undefined) view.expression = incident.expression;
    views.push(view);
  });
  return views;
}

/** An incident's id: `i<n>` by its place in the list (incidents recorded before ids had none). */
export const incidentIdAt = (incident: Incident, index: number): string => incident.id ?? `i${index + 1}`;

/** An SLA level armed and not yet reached: `timerId` fires at `at` unless the clock changes first. */
export type PendingSlaLevel = { timerId: string; taskId?: string; level: ReachedSlaLevel; at: number };

/**
 * The SLA levels the run will reach if nothing else happens first, soonest first. The worker's
 * escalation watch notifies them on time when the workflow itself lags behind its timers.
 */
export function pendingSlaLevels(state: RunState): PendingSlaLevel[] {
  const pending: PendingSlaLevel[] = [];
  for (const timerId in state.internal.timers) {
    const timer = state.internal.timers[timerId]!;
    if (timer.kind === 'sla')
      pending.push({ timerId, taskId: timer.taskId, level: timer.level, at: timer.at });
    else if (timer.kind === 'ticketSla') pending.push({ timerId, level: timer.level, at: timer.at });
  }
  return pending.sort((a, b) => a.at - b.at || (a.timerId < b.timerId ? -1 : 1));
}
