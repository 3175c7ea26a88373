import type { RunState, TaskView } from '../types.js';

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
