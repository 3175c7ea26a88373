// Time a user task spends on hold (waiting on the customer), kept apart from working time: summed
// over every hold, in wall-clock time and in the stage's business calendar.
import type { Flow, TaskState } from '../types.js';
import { timeBetween } from './time.js';

/** The calendar a stage's business durations count in: its SLA clock's, else the flow's. */
export const stageCalendar = (flow: Flow, task: TaskState): string | undefined =>
  task.sla?.calendar ?? flow.calendar;

export type HeldTime = { heldMs: number; businessHeldMs: number };

/** The task's held time at `now`: its ended holds plus the one in progress, if any. */
export function heldTimeAt(flow: Flow, task: TaskState, now: number): HeldTime {
  let heldMs = task.heldMs ?? 0;
  let businessHeldMs = task.businessHeldMs ?? 0;
  if (task.held !== undefined) {
    heldMs += Math.max(0, now - task.held.since);
    businessHeldMs += timeBetween(flow, stageCalendar(flow, task), task.held.since, now);
  }
  return { heldMs, businessHeldMs };
}
