// sla.targetsChanged: a newer SLA policy (a later flow version's targets) applied to a running
// ticket. The run keeps the targets in internal.slaTargets, so tasks opened later start on them
// (flowOfRun); open clocks of the named elements, and the ticket's clock, take the new target and
// its calendar at once without re-measuring the past (retargetClock), each move one
// sla.recalculated naming the old and new target; a ticket that had no ticket SLA starts one.
import type { Flow, RunEvent, SlaSpec } from '../types.js';
import { slaLevelsValid } from '../sla-levels.js';
import { copyOf, putTask, reject, type Draft } from './draft.js';
import { applyRetiming, armClock, clockCalendar, retargetClock, startClock } from './sla.js';
import { holdingDepartment } from './ticket-clock.js';

type SlaTargetsChanged = Extract<RunEvent, { type: 'sla.targetsChanged' }>;
type TaskTargets = Record<string, SlaSpec | null>;

export function changeSlaTargets(d: Draft, event: SlaTargetsChanged): void {
  if (typeof event.reason !== 'string' || event.reason.trim() === '')
    reject('invalid', 'sla.targetsChanged needs a reason (it goes on the timeline)');
  // The draft's flow is already the run's (flowOfRun): its calendars, and the targets applied before.
  const run = d.flow;
  const tasks = checkedTasks(run, event.tasks);
  const ticketSla =
    event.ticketSla === undefined ? undefined : checkedSpec(run, event.ticketSla, 'the ticket SLA');
  if (Object.keys(tasks).length === 0 && ticketSla === undefined)
    reject('invalid', 'sla.targetsChanged names no task target and no ticket SLA');
  const previous = d.internal.slaTargets;
  const targets: NonNullable<typeof previous> = { tasks: { ...(previous?.tasks ?? {}), ...tasks } };
  const ticketTarget = ticketSla ?? previous?.ticketSla;
  if (ticketTarget !== undefined) targets.ticketSla = ticketTarget;
  d.internal.slaTargets = targets;

  for (const id in d.state.tasks) {
    const task = d.state.tasks[id]!;
    const spec = tasks[task.elementId];
    // null: tasks opened later have no SLA; an open clock keeps the target it was given.
    if (task.status !== 'open' || task.sla === undefined || spec === undefined || spec === null) continue;
    const calendar = clockCalendar(run, spec, task.department);
    const retargeted = retargetClock(run, task.sla, d.now, spec, event.reason, calendar);
    if (retargeted === undefined) continue;
    const running = task.sla.runningSince !== undefined;
    const sla = applyRetiming(d, task.sla, retargeted, event.reason, task.taskId, running);
    putTask(d, copyOf(task, { sla }));
  }
  const clock = d.state.ticketSla;
  if (ticketSla === undefined) return;
  // The ticket's clock follows the department holding it, as it did from its start.
  const holder = holdingDepartment(d.state);
  if (clock === undefined) {
    // A ticket that had no SLA starts one now (not back-dated to its start: an old ticket does
    // not breach a policy it never had); its levels arm as any clock's do.
    d.state.ticketSla = startClock(run, ticketSla, d.now, holder);
    armClock(d, d.state.ticketSla, undefined);
  } else {
    const calendar = clockCalendar(run, ticketSla, holder);
    const retargeted = retargetClock(run, clock, d.now, ticketSla, event.reason, calendar);
    if (retargeted !== undefined)
      d.state.ticketSla = applyRetiming(
        d,
        clock,
        retargeted,
        event.reason,
        undefined,
        clock.runningSince !== undefined,
      );
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The event's task targets, each of a user task of the flow; refuses the event otherwise. */
function checkedTasks(run: Flow, value: unknown): TaskTargets {
  if (value === undefined) return {};
  if (!isRecord(value))
    reject('invalid', 'sla.targetsChanged tasks must be an object of SLA targets (or null) by element id');
  const checked: TaskTargets = {};
  for (const [elementId, spec] of Object.entries(value)) {
    if (run.nodes[elementId]?.kind !== 'userTask')
      reject('invalid', `'${elementId}' is not a user task of flow '${run.id}'`);
    checked[elementId] = spec === null ? null : checkedSpec(run, spec, `the SLA of '${elementId}'`);
  }
  return checked;
}

/** A copy of a valid target on a calendar the run has (`run`: its flow as it stands); refuses otherwise. */
function checkedSpec(run: Flow, value: unknown, what: string): SlaSpec {
  if (!isRecord(value)) reject('invalid', `${what} must be an SLA target`);
  const { iso, targetMs, calendar, warnAt, severeAt } = value;
  if (typeof iso !== 'string' || iso === '') reject('invalid', `${what} needs its ISO duration (iso)`);
  if (typeof targetMs !== 'number' || !Number.isFinite(targetMs) || targetMs <= 0)
    reject('invalid', `${what} needs a target (targetMs) above 0`);
  if (
    typeof warnAt !== 'number' ||
    typeof severeAt !== 'number' ||
    !Number.isFinite(warnAt) ||
    !Number.isFinite(severeAt) ||
    !slaLevelsValid(warnAt, severeAt)
  )
    reject('invalid', `${what} must satisfy 0 < warnAt < 1 < severeAt`);
  if (calendar !== undefined && (typeof calendar !== 'string' || !Object.hasOwn(run.calendars, calendar)))
    reject('invalid', `${what} names calendar '${String(calendar)}', which the run does not have`);
  // Built field by field: the run state must not share objects with the caller's event.
  const spec: SlaSpec = { iso, targetMs, warnAt, severeAt };
  if (calendar !== undefined) spec.calendar = calendar;
  return spec;
}
