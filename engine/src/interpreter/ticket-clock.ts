// The ticket's clock follows the department holding the ticket: when a task opens in a department
// that keeps other hours (Flow.departmentCalendars), the whole-ticket clock counts on that
// department's calendar from then on. The time counted so far stays as the old calendar measured
// it; deadlines not yet reached move, and the move is on the timeline (sla.recalculated).
import type { RunState } from '../types.js';
import type { Draft } from './draft.js';
import { applyRetiming, clockCalendar, switchCalendar } from './sla.js';

export function followHoldingDepartment(d: Draft, department: string | undefined): void {
  const spec = d.flow.ticketSla;
  const clock = d.state.ticketSla;
  if (spec === undefined || clock === undefined || d.flow.departmentCalendars === undefined) return;
  const calendar = clockCalendar(d.flow, spec, department);
  const reason = `the ticket moved to ${department ?? 'no department'}${
    calendar === undefined ? ', counted in wall-clock time' : `, whose hours are calendar '${calendar}'`
  }`;
  const switched = switchCalendar(d.flow, clock, d.now, calendar, reason);
  if (switched === undefined) return;
  d.state.ticketSla = applyRetiming(d, clock, switched, reason, undefined, clock.runningSince !== undefined);
}

/**
 * The department holding the ticket: the one of the task opened last, which the ticket's clock
 * followed (undefined before any task, or when that task sits in no lane). Tasks are only ever
 * added to the run's map, as they open, so its last entry is the one opened last.
 */
export function holdingDepartment(state: RunState): string | undefined {
  let department: string | undefined;
  for (const id in state.tasks) department = state.tasks[id]!.department;
  return department;
}
