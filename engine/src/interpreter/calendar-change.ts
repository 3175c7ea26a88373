// calendars.changed: edited business calendars reach a running ticket. Its open clocks on a
// changed calendar get new deadlines (sla.recalculated for each that moved, timers re-armed);
// from then on every business-time sum of the run uses the edited calendars (flowOfRun).
import { calendarSpecErrors } from '../calendar/index.js';
import type { CalendarSpec, Flow, RunEvent, SlaClock } from '../types.js';
import { copyOf, putTask, reject, type Draft } from './draft.js';
import { flowOfRun } from './run-calendars.js';
import { armClock, disarmClock, recalculateClock, recalculatedEffect } from './sla.js';

type CalendarsChanged = Extract<RunEvent, { type: 'calendars.changed' }>;

export function changeCalendars(d: Draft, event: CalendarsChanged): void {
  const changed = checkedCalendars(d.flow, event);
  const before = flowOfRun(d.flow, d.state);
  d.internal.calendars = { ...(d.internal.calendars ?? {}), ...changed };
  const after = flowOfRun(d.flow, d.state);
  const retarget = (clock: SlaClock | undefined, taskId: string | undefined): SlaClock | undefined => {
    if (clock?.calendar === undefined || !Object.hasOwn(changed, clock.calendar)) return undefined;
    const recalculation = recalculateClock(before, after, clock, d.now, event.reason);
    if (recalculation?.moved) {
      disarmClock(d, taskId);
      armClock(d, recalculation.clock, taskId);
      d.effects.push(recalculatedEffect(clock, recalculation.clock, event.reason, d.now, taskId));
    }
    return recalculation?.clock;
  };

  for (const id in d.state.tasks) {
    const task = d.state.tasks[id]!;
    if (task.status !== 'open') continue;
    const sla = retarget(task.sla, task.taskId);
    if (sla !== undefined) putTask(d, copyOf(task, { sla }));
  }
  const ticketSla = retarget(d.state.ticketSla, undefined);
  if (ticketSla !== undefined) d.state.ticketSla = ticketSla;
}

/** The event's calendars, each a valid spec of a calendar the flow uses; refuses the event otherwise. */
function checkedCalendars(flow: Flow, event: CalendarsChanged): Record<string, CalendarSpec> {
  if (typeof event.reason !== 'string' || event.reason.trim() === '')
    reject('invalid', 'calendars.changed needs a reason (it goes on the timeline)');
  const calendars: unknown = event.calendars;
  if (typeof calendars !== 'object' || calendars === null || Array.isArray(calendars))
    reject('invalid', 'calendars.changed needs calendars: an object of calendar specs by key');
  const keys = Object.keys(calendars);
  if (keys.length === 0) reject('invalid', 'calendars.changed names no calendar');
  const checked: Record<string, CalendarSpec> = {};
  for (const key of keys) {
    if (!Object.hasOwn(flow.calendars, key))
      reject('invalid', `calendar '${key}' is not used by flow '${flow.id}'`);
    const spec = (calendars as Record<string, unknown>)[key];
    const errors = calendarSpecErrors(spec);
    if (errors.length > 0) reject('invalid', `calendar '${key}' is invalid: ${errors.join('; ')}`);
    // A copy: the run state must not share objects with the caller's event.
    checked[key] = JSON.parse(JSON.stringify(spec)) as CalendarSpec;
  }
  return checked;
}
