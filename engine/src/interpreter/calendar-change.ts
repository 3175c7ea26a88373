// calendars.changed: edited business calendars, and departments' changed hours, reach a running
// ticket. Its open clocks held by a department whose hours changed switch to that department's
// calendar (the calendar follows the owner, also when the owner's hours change); its other open
// clocks on an edited calendar get new deadlines. Either way the time counted so far stays as it
// was measured, each move is an sla.recalculated and the timers are re-armed; from then on every
// business-time sum of the run uses the changed calendars (flowOfRun).
import { calendarSpecErrors } from '../calendar/index.js';
import type { CalendarSpec, Flow, RunEvent, SlaClock, SlaSpec } from '../types.js';
import { copyOf, putTask, reject, type Draft } from './draft.js';
import { flowOfRun } from './run-calendars.js';
import { applyRetiming, clockCalendar, recalculateClock, switchCalendar } from './sla.js';
import { holdingDepartment } from './ticket-clock.js';

type CalendarsChanged = Extract<RunEvent, { type: 'calendars.changed' }>;
type DepartmentCalendars = Record<string, string | null>;

export function changeCalendars(d: Draft, event: CalendarsChanged): void {
  if (typeof event.reason !== 'string' || event.reason.trim() === '')
    reject('invalid', 'calendars.changed needs a reason (it goes on the timeline)');
  const before = flowOfRun(d.flow, d.state);
  const departments = checkedDepartments(d.flow, event.departmentCalendars);
  const changed = checkedCalendars(before, event.calendars, departments);
  const anyCalendar = Object.keys(changed).length > 0;
  const anyDepartment = Object.keys(departments).length > 0;
  if (!anyCalendar && !anyDepartment)
    reject('invalid', 'calendars.changed names no calendar and no department calendar');
  if (anyCalendar) d.internal.calendars = { ...(d.internal.calendars ?? {}), ...changed };
  if (anyDepartment)
    d.internal.departmentCalendars = { ...(d.internal.departmentCalendars ?? {}), ...departments };
  const after = flowOfRun(d.flow, d.state);

  /** The clock re-timed (undefined: unchanged), `holder` and `spec` saying which calendar it follows. */
  const retime = (
    clock: SlaClock,
    holder: string | undefined,
    spec: SlaSpec | undefined,
    taskId: string | undefined,
  ): SlaClock | undefined => {
    if (spec !== undefined && holder !== undefined && Object.hasOwn(departments, holder)) {
      const calendar = clockCalendar(after, spec, holder);
      const switched = switchCalendar(after, clock, d.now, calendar, event.reason, before);
      if (switched !== undefined)
        return applyRetiming(d, clock, switched, event.reason, taskId, clock.runningSince !== undefined);
    }
    if (clock.calendar === undefined || !Object.hasOwn(changed, clock.calendar)) return undefined;
    const recalculation = recalculateClock(before, after, clock, d.now, event.reason);
    return recalculation && applyRetiming(d, clock, recalculation, event.reason, taskId, recalculation.moved);
  };

  for (const id in d.state.tasks) {
    const task = d.state.tasks[id]!;
    if (task.status !== 'open' || task.sla === undefined) continue;
    // The run's node: its SLA as applied since the start (sla.targetsChanged) names the calendar.
    const node = after.nodes[task.elementId];
    const spec = node?.kind === 'userTask' ? node.sla : undefined;
    const sla = retime(task.sla, task.department, spec, task.taskId);
    if (sla !== undefined) putTask(d, copyOf(task, { sla }));
  }
  if (d.state.ticketSla !== undefined) {
    const holder = anyDepartment ? holdingDepartment(d.state) : undefined;
    const ticketSla = retime(d.state.ticketSla, holder, after.ticketSla, undefined);
    if (ticketSla !== undefined) d.state.ticketSla = ticketSla;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event's department calendars, each of a department of the flow; refuses the event otherwise. */
function checkedDepartments(flow: Flow, value: unknown): DepartmentCalendars {
  if (value === undefined) return {};
  if (!isRecord(value))
    reject(
      'invalid',
      'calendars.changed departmentCalendars must be an object of calendar keys (or null) by department',
    );
  const checked: DepartmentCalendars = {};
  for (const [department, calendar] of Object.entries(value)) {
    if (!flow.departments.includes(department))
      reject('invalid', `department '${department}' is not in flow '${flow.id}'`);
    if (calendar !== null && (typeof calendar !== 'string' || calendar === ''))
      reject(
        'invalid',
        `department '${department}' needs a calendar key, or null for no calendar of its own`,
      );
    checked[department] = calendar;
  }
  return checked;
}

/**
 * The event's calendars, each a valid spec of a calendar the run uses or `departments` names,
 * with a spec for every calendar `departments` names that the run lacks; refuses the event
 * otherwise. `run`: the run's flow before the change.
 */
function checkedCalendars(
  run: Flow,
  value: unknown,
  departments: DepartmentCalendars,
): Record<string, CalendarSpec> {
  if (value !== undefined && !isRecord(value))
    reject('invalid', 'calendars.changed needs calendars: an object of calendar specs by key');
  const named = new Set(Object.values(departments));
  const checked: Record<string, CalendarSpec> = {};
  for (const [key, spec] of Object.entries(value ?? {})) {
    if (!Object.hasOwn(run.calendars, key) && !named.has(key))
      reject('invalid', `calendar '${key}' is not used by flow '${run.id}'`);
    const errors = calendarSpecErrors(spec);
    if (errors.length > 0) reject('invalid', `calendar '${key}' is invalid: ${errors.join('; ')}`);
    // A copy: the run state must not share objects with the caller's event.
    checked[key] = JSON.parse(JSON.stringify(spec)) as CalendarSpec;
  }
  for (const [department, calendar] of Object.entries(departments)) {
    if (calendar !== null && !Object.hasOwn(checked, calendar) && !Object.hasOwn(run.calendars, calendar))
      reject(
        'invalid',
        `calendar '${calendar}' of department '${department}' is new to the run: calendars.changed must carry its spec`,
      );
  }
  return checked;
}
