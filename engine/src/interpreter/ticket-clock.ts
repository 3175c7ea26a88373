// The ticket's clock follows the department holding the ticket: when a task opens in a department
// that keeps other hours (Flow.departmentCalendars), the whole-ticket clock counts on that
// department's calendar from then on. The time counted so far stays as the old calendar measured
// it; deadlines not yet reached move, and the move is on the timeline (sla.recalculated).
import type { Draft } from './draft.js';
import { armClock, clockCalendar, disarmClock, recalculatedEffect, switchCalendar } from './sla.js';

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
  if (clock.runningSince !== undefined) {
    disarmClock(d, undefined);
    armClock(d, switched.clock, undefined);
  }
  if (switched.moved) d.effects.push(recalculatedEffect(clock, switched.clock, reason, d.now));
  d.state.ticketSla = switched.clock;
}
