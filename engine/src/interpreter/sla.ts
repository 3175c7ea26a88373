// SLA clocks: a target in business time, consumed while the clock runs (not while held),
// stretched by extensions, with warning / overdue / severe deadlines at fractions of the target.
// A level is reached only when the timer armed for it fires.
import type {
  Effect,
  Flow,
  ReachedSlaLevel,
  Recalculation,
  SlaClock,
  SlaSpec,
  TaskState,
  TimerState,
} from '../types.js';
import { cancelTimersWhere, copyOf, putTimer, type Draft } from './draft.js';
import { addTimes, timeBetween } from './time.js';

export const LEVELS: readonly ReachedSlaLevel[] = ['warning', 'overdue', 'severe'];
const RANK = { ok: 0, warning: 1, overdue: 2, severe: 3 } as const;

export const TICKET_TIMER_PREFIX = 'sla:ticket';
export const taskTimerPrefix = (taskId: string): string => `sla:${taskId}`;

export function effectiveTargetMs(clock: SlaClock): number {
  let target = clock.targetMs;
  for (const extension of clock.extensions) target += extension.byMs;
  return target;
}

function thresholdMs(clock: SlaClock, level: ReachedSlaLevel, target: number): number {
  const fraction = level === 'warning' ? clock.warnFraction : level === 'overdue' ? 1 : clock.severeFraction;
  return Math.round(fraction * target);
}

/** Business time the clock has counted up to `now`. */
export function consumedMs(flow: Flow, clock: SlaClock, now: number): number {
  return clock.runningSince === undefined
    ? clock.consumedMs
    : clock.consumedMs + timeBetween(flow, clock.calendar, clock.runningSince, now);
}

/** The clock with its deadlines recomputed from the remaining business time (none while held). */
function withDeadlines(flow: Flow, clock: SlaClock): SlaClock {
  return setDeadlines(flow, withoutDeadlines(clock));
}

/** Sets the deadlines of a clock record made for this event (not yet shared with any state). */
function setDeadlines(flow: Flow, next: SlaClock): SlaClock {
  const since = next.runningSince;
  if (since === undefined) return next;
  const target = effectiveTargetMs(next);
  const [warningAt, dueAt, severeAt] = addTimes(flow, next.calendar, since, [
    Math.max(0, thresholdMs(next, 'warning', target) - next.consumedMs),
    Math.max(0, thresholdMs(next, 'overdue', target) - next.consumedMs),
    Math.max(0, thresholdMs(next, 'severe', target) - next.consumedMs),
  ]);
  next.warningAt = warningAt as number;
  next.dueAt = dueAt as number;
  next.severeAt = severeAt as number;
  return next;
}

/**
 * A copy without deadlines (and without runningSince when stopping), built field by field (no
 * rest/spread, no delete: this is the hot path).
 */
function withoutDeadlines(clock: SlaClock, running = true): SlaClock {
  const next: SlaClock = {
    targetMs: clock.targetMs,
    startedAt: clock.startedAt,
    level: clock.level,
    pauses: clock.pauses,
    extensions: clock.extensions,
    warnFraction: clock.warnFraction,
    severeFraction: clock.severeFraction,
    consumedMs: clock.consumedMs,
  };
  if (clock.calendar !== undefined) next.calendar = clock.calendar;
  if (running && clock.runningSince !== undefined) next.runningSince = clock.runningSince;
  if (clock.recalculations !== undefined) next.recalculations = clock.recalculations;
  if (clock.calendarSince !== undefined) next.calendarSince = clock.calendarSince;
  return next;
}

/**
 * The calendar a clock of `spec` counts on while `department` holds the work: the department's
 * own hours where it keeps them (the calendar follows the owner), else the spec's, else the flow's.
 */
export function clockCalendar(flow: Flow, spec: SlaSpec, department: string | undefined): string | undefined {
  const departmentCalendar = department === undefined ? undefined : flow.departmentCalendars?.[department];
  return departmentCalendar ?? spec.calendar ?? flow.calendar;
}

export function startClock(flow: Flow, spec: SlaSpec, now: number, department?: string): SlaClock {
  const calendar = clockCalendar(flow, spec, department);
  const clock: SlaClock = {
    targetMs: spec.targetMs,
    startedAt: now,
    level: 'ok',
    pauses: [],
    extensions: [],
    warnFraction: spec.warnAt,
    severeFraction: spec.severeAt,
    consumedMs: 0,
  };
  // Same key order as every other clock record (withoutDeadlines): states serialize alike.
  if (calendar !== undefined) clock.calendar = calendar;
  clock.runningSince = now;
  return setDeadlines(flow, clock);
}

/** The instant the clock reaches `level` (absent while held). */
export const deadlineOf = (clock: SlaClock, level: ReachedSlaLevel): number | undefined =>
  level === 'warning' ? clock.warningAt : level === 'overdue' ? clock.dueAt : clock.severeAt;

/**
 * Arms the timer of the next level above the clock's current one (the clock must be running).
 * One pending SLA timer per clock: when it fires, the level after it is armed.
 */
export function armClock(d: Draft, clock: SlaClock, taskId: string | undefined): void {
  for (const level of LEVELS) {
    const at = deadlineOf(clock, level);
    if (RANK[level] <= RANK[clock.level] || at === undefined) continue;
    if (taskId === undefined) putTimer(d, TICKET_TIMER_IDS[level], { kind: 'ticketSla', at, level });
    else putTimer(d, taskTimerId(taskId, level), { kind: 'sla', at, taskId, level });
    return;
  }
}

type TimerIds = Readonly<Record<ReachedSlaLevel, string>>;

const timerIds = (prefix: string): TimerIds => ({
  warning: `${prefix}:warning`,
  overdue: `${prefix}:overdue`,
  severe: `${prefix}:severe`,
});
const TICKET_TIMER_IDS = timerIds(TICKET_TIMER_PREFIX);
const MAX_CACHED_TASK_TIMER_IDS = 10_000;
const taskTimerIds = new Map<string, TimerIds>();

/**
 * `sla:<taskId>:<level>`. Task ids repeat across tickets (t1, t2, ...), so the ids are kept: a
 * string already used as a property key is stored into the timer map without being built and
 * hashed again. Same text either way, so the cache never changes a result.
 */
function taskTimerId(taskId: string, level: ReachedSlaLevel): string {
  let ids = taskTimerIds.get(taskId);
  if (ids === undefined) {
    if (taskTimerIds.size >= MAX_CACHED_TASK_TIMER_IDS) taskTimerIds.clear();
    ids = timerIds(taskTimerPrefix(taskId));
    taskTimerIds.set(taskId, ids);
  }
  return ids[level];
}

/**
 * Whether `timer` is one of the clock's level timers (`sla:<taskId>:<level>`, or
 * `sla:ticket:<level>` when taskId is undefined): armClock is the only place that makes timers
 * of these kinds, always under those ids, so the record tells without building the ids.
 */
const isClockTimer = (timer: TimerState, taskId: string | undefined): boolean =>
  taskId === undefined ? timer.kind === 'ticketSla' : timer.kind === 'sla' && timer.taskId === taskId;

export function disarmClock(d: Draft, taskId: string | undefined): void {
  cancelTimersWhere(d, isClockTimer, taskId);
}

/** Stops counting for good (task closed, ticket finished). */
export function finishClock(flow: Flow, clock: SlaClock, now: number): SlaClock {
  const stopped = clock.runningSince === undefined ? copyOf(clock) : stopClock(flow, clock, now);
  stopped.stoppedAt = now;
  return stopped;
}

/** Stops counting (hold or close); deadlines stay as they were for the record. */
export function stopClock(flow: Flow, clock: SlaClock, now: number): SlaClock {
  if (clock.runningSince === undefined) return clock;
  const next = withoutDeadlines(clock, false);
  next.consumedMs = consumedMs(flow, clock, now);
  if (clock.warningAt !== undefined) next.warningAt = clock.warningAt;
  if (clock.dueAt !== undefined) next.dueAt = clock.dueAt;
  if (clock.severeAt !== undefined) next.severeAt = clock.severeAt;
  return next;
}

export function pauseClock(flow: Flow, clock: SlaClock, now: number, reason: string): SlaClock {
  const next = withoutDeadlines(stopClock(flow, clock, now));
  next.pauses = [...clock.pauses, { from: now, reason }];
  return next;
}

export function resumeClock(flow: Flow, clock: SlaClock, now: number): SlaClock {
  const pauses = clock.pauses.map((pause, i) =>
    i === clock.pauses.length - 1 && pause.to === undefined ? copyOf(pause, { to: now }) : pause,
  );
  return withDeadlines(flow, copyOf(clock, { pauses, runningSince: now }));
}

/**
 * Adds `byMs` to the target. The level drops back to what the consumed time reaches under the
 * new target (an extension is granted so the ticket is no longer overdue); higher levels are
 * re-armed and fire again if the new deadlines pass.
 */
export function extendClock(flow: Flow, clock: SlaClock, now: number, byMs: number, by: string): SlaClock {
  const consumed = consumedMs(flow, clock, now);
  const extended = copyOf(clock, { extensions: [...clock.extensions, { at: now, byMs, by }] });
  const target = effectiveTargetMs(extended);
  let level: SlaClock['level'] = 'ok';
  for (const candidate of LEVELS) {
    if (RANK[candidate] <= RANK[clock.level] && consumed >= thresholdMs(extended, candidate, target))
      level = candidate;
  }
  const rebased =
    extended.runningSince === undefined
      ? extended
      : copyOf(extended, { consumedMs: consumed, runningSince: now });
  return withDeadlines(flow, copyOf(rebased, { level }));
}

/**
 * The clock after its calendar changed at `now` (`before` and `after`: the run's flow with the
 * old and the new calendars). The business time counted so far stays as the old calendar
 * measured it (the clock is rebased at `now`, so the new one never re-measures the past); the
 * levels not yet reached get new deadlines on the new calendar, those reached keep theirs.
 * `moved` says whether a deadline changed. Undefined for a held or stopped clock: a held clock
 * counts on the new calendar when it resumes.
 */
export function recalculateClock(
  before: Flow,
  after: Flow,
  clock: SlaClock,
  now: number,
  reason: string,
): { clock: SlaClock; moved: boolean } | undefined {
  if (clock.runningSince === undefined || clock.stoppedAt !== undefined || clock.dueAt === undefined)
    return undefined;
  const rebased = withoutDeadlines(clock);
  rebased.consumedMs = consumedMs(before, clock, now);
  rebased.runningSince = now;
  return retargeted(clock, setDeadlines(after, rebased), now, reason);
}

/**
 * The clock counting on `calendar` from `now` on (the ticket moved to a department that keeps
 * other hours, or a department's hours changed). The time counted so far stays as the old
 * calendar measured it (in `counted`: the run's flow before a calendars.changed, else `flow`); a
 * running clock's levels not yet reached get deadlines on the new one in `flow` (`moved`, with a
 * recalculation, when one changed); a held clock counts on the new calendar when it resumes.
 * Undefined when nothing changes: the same calendar, or a stopped clock.
 */
export function switchCalendar(
  flow: Flow,
  clock: SlaClock,
  now: number,
  calendar: string | undefined,
  reason: string,
  counted: Flow = flow,
): { clock: SlaClock; moved: boolean } | undefined {
  if (clock.stoppedAt !== undefined || clock.calendar === calendar) return undefined;
  const running = clock.runningSince !== undefined;
  const next = withoutDeadlines(clock, running);
  next.consumedMs = consumedMs(counted, clock, now);
  if (running) next.runningSince = now;
  if (calendar === undefined) delete next.calendar;
  else next.calendar = calendar;
  const history = clock.calendarSince ?? [{ from: clock.startedAt, calendar: clock.calendar }];
  const since = history.filter((entry) => entry.from < now);
  // Switched in the instant the clock started (the ticket's first task): it starts on this
  // calendar, with nothing counted and nothing moved.
  const fresh = since.length === 0;
  if (fresh) delete next.calendarSince;
  else next.calendarSince = [...since, calendar === undefined ? { from: now } : { from: now, calendar }];
  if (!running) return { clock: next, moved: false };
  const retargetedClock = setDeadlines(flow, next);
  return fresh ? { clock: retargetedClock, moved: false } : retargeted(clock, retargetedClock, now, reason);
}

/**
 * The clock measured against `spec`'s target and level fractions from `now` on (an SLA policy
 * applied to a running ticket), counting on `calendar` from `now` on (the spec's, unless the
 * department's own hours govern: clockCalendar). The business time counted so far stays as
 * the old calendar measured it, and extensions stay on top of the new target; a running clock's
 * levels not yet reached get the deadlines a clock started with this target would have at this
 * consumption, those reached keep theirs (`moved`, with one recalculation naming the old and new
 * target and calendar, when one changed). A held clock takes the target and calendar and gets its
 * deadlines when it resumes. Undefined when nothing changes: the same target, fractions and
 * calendar, or a stopped clock.
 */
export function retargetClock(
  flow: Flow,
  clock: SlaClock,
  now: number,
  spec: SlaSpec,
  reason: string,
  calendar: string | undefined,
): { clock: SlaClock; moved: boolean } | undefined {
  if (clock.stoppedAt !== undefined) return undefined;
  const sameTarget =
    clock.targetMs === spec.targetMs &&
    clock.warnFraction === spec.warnAt &&
    clock.severeFraction === spec.severeAt;
  if (sameTarget && calendar === clock.calendar) return undefined;
  // The time counted so far stays as the old calendar measured it; from now on the new one counts.
  const onCalendar = switchCalendar(flow, clock, now, calendar, reason)?.clock ?? clock;
  const running = clock.runningSince !== undefined;
  const next = withoutDeadlines(onCalendar, running);
  next.targetMs = spec.targetMs;
  next.warnFraction = spec.warnAt;
  next.severeFraction = spec.severeAt;
  if (!running) return { clock: next, moved: false };
  next.consumedMs = consumedMs(flow, onCalendar, now);
  next.runningSince = now;
  return retargeted(clock, setDeadlines(flow, next), now, reason);
}

/**
 * `next` keeps the deadlines of the levels `clock` already reached; a move is recorded, with the
 * target and the calendar before and after where they changed.
 */
function retargeted(
  clock: SlaClock,
  next: SlaClock,
  now: number,
  reason: string,
): { clock: SlaClock; moved: boolean } {
  if (RANK[clock.level] >= RANK.warning) next.warningAt = clock.warningAt as number;
  if (RANK[clock.level] >= RANK.overdue) next.dueAt = clock.dueAt;
  if (RANK[clock.level] >= RANK.severe) next.severeAt = clock.severeAt as number;
  const moved =
    next.warningAt !== clock.warningAt || next.dueAt !== clock.dueAt || next.severeAt !== clock.severeAt;
  if (moved) {
    const move: Recalculation = {
      at: now,
      fromDueAt: clock.dueAt as number,
      toDueAt: next.dueAt as number,
      reason,
    };
    if (next.targetMs !== clock.targetMs) move.targetMs = { from: clock.targetMs, to: next.targetMs };
    if (next.calendar !== clock.calendar)
      move.calendar = {
        ...(clock.calendar === undefined ? {} : { from: clock.calendar }),
        ...(next.calendar === undefined ? {} : { to: next.calendar }),
      };
    next.recalculations = [...(clock.recalculations ?? []), move];
  }
  return { clock: next, moved };
}

/** The effect saying a clock's deadline moved from `from`'s to `to`'s, and why. */
export const recalculatedEffect = (
  from: SlaClock,
  to: SlaClock,
  reason: string,
  at: number,
  taskId?: string,
): Extract<Effect, { type: 'sla.recalculated' }> => ({
  type: 'sla.recalculated',
  ...(taskId === undefined ? {} : { taskId }),
  fromDueAt: from.dueAt as number,
  toDueAt: to.dueAt as number,
  reason,
  at,
});

/**
 * Puts a re-timed clock (`retimed`, from recalculateClock, switchCalendar or retargetClock) in force: its level
 * timers re-armed when `rearm` says its deadlines may differ from `from`'s, and sla.recalculated
 * when one moved. Answers the clock to store.
 */
export function applyRetiming(
  d: Draft,
  from: SlaClock,
  retimed: { clock: SlaClock; moved: boolean },
  reason: string,
  taskId: string | undefined,
  rearm: boolean,
): SlaClock {
  if (rearm) {
    disarmClock(d, taskId);
    armClock(d, retimed.clock, taskId);
  }
  if (retimed.moved) d.effects.push(recalculatedEffect(from, retimed.clock, reason, d.now, taskId));
  return retimed.clock;
}

/**
 * Who hears about a task reaching a level, each level adding the next person responsible for the
 * task's department: the assignee (or its group), then the lead, then the manager. `role:manager`
 * of a department's task means that department's manager(s), which the read model resolves
 * (workflows/src/activities/notifications.ts).
 */
export function taskRecipients(
  task: Pick<TaskState, 'assignee' | 'department'>,
  level: ReachedSlaLevel,
): string[] {
  const handler =
    task.assignee !== undefined ? `user:${task.assignee}` : task.department && `group:${task.department}`;
  const lead = task.department && `lead:${task.department}`;
  const to =
    level === 'warning' ? [handler] : level === 'overdue' ? [handler, lead] : [handler, lead, 'role:manager'];
  const recipients = to.filter((r): r is string => typeof r === 'string' && r !== '');
  return recipients.length > 0 ? recipients : ['role:manager'];
}

/**
 * Who hears about a clock of the whole ticket reaching a level: the people responsible for each
 * open task (taskRecipients), and at severe the managers (of the departments holding the ticket,
 * as the read model resolves `role:manager` for a notice of no task); every manager when no task
 * is open.
 */
export function ticketRecipients(
  openTasks: readonly Pick<TaskState, 'assignee' | 'department'>[],
  level: ReachedSlaLevel,
): string[] {
  const to = new Set<string>(level === 'severe' ? ['role:manager'] : []);
  for (const task of openTasks) for (const recipient of taskRecipients(task, level)) to.add(recipient);
  return to.size > 0 ? [...to] : ['role:manager'];
}

export const RANKS = RANK;
