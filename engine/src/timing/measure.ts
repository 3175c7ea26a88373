// A timing rule's clock over a ticket's events: a pure fold, so the same events always give the
// same ledger. It drives the SLA clock records the interpreter uses for its own clocks
// (interpreter/sla.ts), so pauses, calendar switches and deadlines obey one set of rules, and
// explainSla draws its ledger. A level counts as reached when its deadline passes while the clock
// runs, as a level timer would fire.
import { NEVER } from '../calendar/index.js';
import { evaluateCondition } from '../feel/index.js';
import { explainSla, type SlaExplanation } from '../interpreter/explain.js';
import {
  consumedMs,
  deadlineOf,
  effectiveTargetMs,
  finishClock,
  LEVELS,
  pauseClock,
  RANKS,
  resumeClock,
  retargetClock,
  startClock,
  switchCalendar,
} from '../interpreter/sla.js';
import type { Priority } from '../ticket-vocabulary.js';
import {
  FLOW_SCHEMA_VERSION,
  type CalendarSpec,
  type Flow,
  type ReachedSlaLevel,
  type SlaClock,
  type SlaLevel,
} from '../types.js';
import type { ClockTrigger, ClockTriggerType, TimingRule } from './rule.js';

/** One event of a ticket, as the clocks see it. `taskId` and `department`: for task events. */
export type ClockFact = {
  type: ClockTriggerType;
  at: number;
  taskId?: string;
  department?: string;
  /** Why a task was held: the pause's reason. */
  reason?: string;
  /** status.changed: the status the ticket took. */
  status?: string;
};

/** The ticket as a rule's filter reads it. */
export type TimedTicket = {
  typeId: string;
  priority: Priority;
  category: string;
  service: string | null;
  fields: Record<string, unknown>;
};

export type RuleVerdict = { applies: boolean } | { applies: false; error: string };

/** Whether the rule times this ticket: its type listed (or none listed) and its filter true. */
export function ruleApplies(rule: TimingRule, ticket: TimedTicket): RuleVerdict {
  if (rule.typeIds !== undefined && rule.typeIds.length > 0 && !rule.typeIds.includes(ticket.typeId))
    return { applies: false };
  if (rule.targetsMs[ticket.priority] === undefined) return { applies: false };
  if (rule.filter === undefined || rule.filter.trim() === '') return { applies: true };
  const verdict = evaluateCondition(rule.filter, {
    ...ticket.fields,
    priority: ticket.priority,
    category: ticket.category,
    service: ticket.service,
  });
  return verdict.ok ? { applies: verdict.holds } : { applies: false, error: verdict.error };
}

export type RuleClockState = 'waiting' | 'running' | 'paused' | 'stopped';

export type RuleClockMeasure = {
  state: RuleClockState;
  targetMs: number;
  level: SlaLevel;
  /** Stopped: whether the time counted stayed within the target. */
  met?: boolean;
  startedAt?: number;
  stoppedAt?: number;
  /** Absent while waiting for its start. */
  explanation?: SlaExplanation;
  /**
   * Running: the levels above the one reached, each with the instant it falls due if the clock
   * keeps running (what an escalation watch arms). Empty otherwise.
   */
  pendingLevels: { level: ReachedSlaLevel; at: number }[];
  /** 1 for the clock's first run; one more for each reopen that started it again. */
  cycle: number;
};

/** A rule's clock: its current cycle, and the cycles that stopped before a reopen, oldest first. */
export type RuleClockCycles = RuleClockMeasure & { earlier: RuleClockMeasure[] };

export type MeasureContext = {
  priority: Priority;
  calendars: Record<string, CalendarSpec>;
  /** Departments that keep their own hours, and their calendar keys. */
  departmentCalendars: Record<string, string>;
  now: number;
};

const matches = (triggers: readonly ClockTrigger[], fact: ClockFact): boolean =>
  triggers.some(
    (trigger) =>
      trigger.on === fact.type &&
      (trigger.department === undefined || trigger.department === fact.department) &&
      (trigger.status === undefined || trigger.status === fact.status),
  );

/**
 * The clock functions read only a flow's calendars; a rule's clock has no diagram, so it gets a
 * flow that holds nothing else.
 */
const calendarsFlow = (context: MeasureContext): Flow => ({
  schemaVersion: FLOW_SCHEMA_VERSION,
  id: 'timing-rule',
  starts: [],
  nodes: {},
  flows: {},
  departments: [],
  entryTasks: {},
  calendars: context.calendars,
  departmentCalendars: context.departmentCalendars,
});

/** The level a running clock reached by `at`: each deadline passed while it ran. */
function reached(clock: SlaClock, at: number): SlaClock {
  if (clock.runningSince === undefined) return clock;
  let level = clock.level;
  for (const candidate of LEVELS) {
    const deadline = deadlineOf(clock, candidate);
    if (deadline !== undefined && deadline <= at && RANKS[candidate] > RANKS[level]) level = candidate;
  }
  return level === clock.level ? clock : { ...clock, level };
}

/**
 * A later version of the rule put in force on a running ticket at `at` (an admin applied it):
 * from then on its triggers decide, and an open clock takes its target, fractions and calendar
 * as an SLA policy applied to a running ticket does (retargetClock): the time counted so far and
 * the levels already reached stay, the levels ahead get new deadlines, and the move is recorded
 * with `reason`. A stopped clock never changes. A version that does not time the ticket's
 * priority changes nothing.
 */
export type RuleChange = { at: number; rule: TimingRule; reason: string };

/**
 * The rule's clock after `facts` (in time order), as of `context.now`, with `changes` (in time
 * order) applied where they fall. A stop ends the clock's cycle; only a reopen among the rule's
 * start triggers begins a new one (the stopped cycle is kept in `earlier`). A start while it
 * runs, a pause while paused and a resume while running change nothing.
 */
export function measureRuleClock(
  first: TimingRule,
  facts: readonly ClockFact[],
  context: MeasureContext,
  changes: readonly RuleChange[] = [],
): RuleClockCycles {
  const flow = calendarsFlow(context);
  let rule = first;
  const specOf = (of: TimingRule, calendar: string | undefined) => ({
    iso: '',
    targetMs: of.targetsMs[context.priority] ?? 0,
    warnAt: of.warnAt,
    severeAt: of.severeAt,
    ...(calendar ? { calendar } : {}),
  });
  const openTasks = new Map<string, string | undefined>();
  const holder = () => [...openTasks.values()].reverse().find((department) => department !== undefined);
  const calendarFor = (department: string | undefined) =>
    (rule.followOwner && department !== undefined ? context.departmentCalendars[department] : undefined) ??
    rule.calendar;
  let clock: SlaClock | undefined;
  const earlier: SlaClock[] = [];
  let nextChange = 0;
  /** Puts in force the changes made by `until`. */
  const applyChanges = (until: number) => {
    for (; nextChange < changes.length && changes[nextChange]!.at <= until; nextChange++) {
      const change = changes[nextChange]!;
      if (change.rule.targetsMs[context.priority] === undefined) continue;
      rule = change.rule;
      if (clock === undefined || clock.stoppedAt !== undefined) continue;
      clock = reached(clock, change.at);
      const calendar = calendarFor(holder());
      const retimed = retargetClock(flow, clock, change.at, specOf(rule, calendar), change.reason, calendar);
      if (retimed !== undefined) clock = retimed.clock;
    }
  };

  for (const fact of facts) {
    if (fact.at > context.now) break;
    applyChanges(fact.at);
    if (fact.type === 'task.opened' && fact.taskId !== undefined) openTasks.set(fact.taskId, fact.department);
    if (fact.type === 'task.closed' && fact.taskId !== undefined) openTasks.delete(fact.taskId);
    if (clock?.stoppedAt !== undefined) {
      if (fact.type !== 'ticket.reopened' || !matches(rule.start, fact)) continue;
      earlier.push(clock);
      clock = undefined;
    }
    if (clock !== undefined) clock = reached(clock, fact.at);

    if (clock === undefined) {
      if (matches(rule.start, fact)) clock = startClock(flow, specOf(rule, calendarFor(holder())), fact.at);
      continue;
    }
    if (matches(rule.stop, fact)) {
      clock = finishClock(flow, clock, fact.at);
      continue;
    }
    if (clock.runningSince !== undefined && matches(rule.pause, fact))
      clock = pauseClock(flow, clock, fact.at, fact.reason ?? fact.type);
    else if (clock.runningSince === undefined && matches(rule.resume, fact))
      clock = resumeClock(flow, clock, fact.at);
    if (rule.followOwner && (fact.type === 'task.opened' || fact.type === 'task.closed')) {
      const department = holder();
      const switched = switchCalendar(
        flow,
        clock,
        fact.at,
        calendarFor(department),
        `the ticket moved to ${department ?? 'no department'}`,
      );
      if (switched !== undefined) clock = switched.clock;
    }
  }
  applyChanges(context.now);
  const cycle = earlier.length + 1;
  const current: RuleClockMeasure =
    clock === undefined
      ? {
          state: 'waiting',
          targetMs: rule.targetsMs[context.priority] ?? 0,
          level: 'ok',
          pendingLevels: [],
          cycle,
        }
      : measureOf(
          flow,
          clock.stoppedAt === undefined ? reached(clock, context.now) : clock,
          context.now,
          cycle,
        );
  return { ...current, earlier: earlier.map((stopped, i) => measureOf(flow, stopped, context.now, i + 1)) };
}

/** What a started clock (one cycle of it) says as of `now`. */
function measureOf(flow: Flow, clock: SlaClock, now: number, cycle: number): RuleClockMeasure {
  const explanation = explainSla(flow, clock, now);
  const state: RuleClockState =
    clock.stoppedAt !== undefined ? 'stopped' : clock.runningSince === undefined ? 'paused' : 'running';
  const pendingLevels =
    state !== 'running'
      ? []
      : LEVELS.filter((level) => RANKS[level] > RANKS[clock.level]).flatMap((level) => {
          const at = deadlineOf(clock, level);
          // NEVER: a calendar that does not open again in the horizon.
          return at === undefined || at >= NEVER ? [] : [{ level, at }];
        });
  return {
    state,
    targetMs: clock.targetMs,
    level: clock.level,
    pendingLevels,
    cycle,
    startedAt: clock.startedAt,
    ...(clock.stoppedAt === undefined
      ? {}
      : {
          stoppedAt: clock.stoppedAt,
          met: consumedMs(flow, clock, clock.stoppedAt) <= effectiveTargetMs(clock),
        }),
    explanation,
  };
}
