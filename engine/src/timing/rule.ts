// Timing rules: clocks an admin defines per ticket type (or for all types) beside the ones the
// diagram draws. A rule names the ticket events that start, pause, resume and stop its clock, a
// target per priority, the calendar it counts on and its level fractions. A ticket keeps the
// version of each rule that was current when it was created.
import { feelSyntaxError } from '../feel/syntax.js';
import { slaLevelsValid } from '../sla-levels.js';
import { PRIORITIES, type Priority } from '../ticket-vocabulary.js';

/** The ticket events a clock can start, pause, resume or stop on. */
export const CLOCK_TRIGGERS = [
  'ticket.created',
  'task.opened',
  'task.closed',
  'task.held',
  'task.resumed',
  'customer.message',
  'agent.reply',
  'ticket.done',
  'ticket.cancelled',
  /** A done ticket opened again: as a start trigger, it begins a new cycle of a stopped clock. */
  'ticket.reopened',
  /** The ticket's status became the trigger's `status`. */
  'status.changed',
] as const;
export type ClockTriggerType = (typeof CLOCK_TRIGGERS)[number];

/** Triggers that may name the department whose task they are about. */
const DEPARTMENT_TRIGGERS: readonly ClockTriggerType[] = [
  'task.opened',
  'task.closed',
  'task.held',
  'task.resumed',
];

/**
 * The statuses a `status.changed` trigger may name: those the engine's runs take (`replied` is
 * not one of them).
 */
export const CLOCK_STATUSES = ['submitted', 'in_progress', 'pending', 'done', 'cancelled'] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/**
 * An event a clock reacts to; `department` narrows a task event to that department's tasks,
 * `status` names the status a `status.changed` is about (required there, and only there).
 */
export type ClockTrigger = { on: ClockTriggerType; department?: string; status?: ClockStatus };

export type TimingRule = {
  /** Stable across versions, e.g. 'first-response'. */
  key: string;
  name: string;
  /** Ticket types the rule is for; absent or empty: every type. */
  typeIds?: string[];
  /** FEEL over the ticket (priority, category, service, and its form fields); absent: every ticket. */
  filter?: string;
  start: ClockTrigger[];
  pause: ClockTrigger[];
  resume: ClockTrigger[];
  stop: ClockTrigger[];
  /** Target in ms per priority; a priority without one is not timed by this rule. */
  targetsMs: Partial<Record<Priority, number>>;
  /** Calendar key; absent: wall-clock time. */
  calendar?: string;
  /** Count on the hours of the department holding the ticket where it keeps its own. */
  followOwner: boolean;
  /** Fractions of the target: warning below 1, severe above it. */
  warnAt: number;
  severeAt: number;
};

export type TimingRuleProblem = { field: string; message: string };

const KEY = /^[a-z][a-z0-9-]{0,62}$/;
const TRIGGER_LISTS = ['start', 'pause', 'resume', 'stop'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What is wrong with a rule as an admin sent it, each problem naming its field. `calendars`: the
 * calendar keys that exist; `departments`: the department keys that exist.
 */
export function timingRuleProblems(
  rule: unknown,
  known: { calendars: readonly string[]; departments: readonly string[] },
): TimingRuleProblem[] {
  if (!isRecord(rule)) return [{ field: '', message: 'a timing rule must be an object' }];
  const problems: TimingRuleProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  if (typeof rule.key !== 'string' || !KEY.test(rule.key))
    problem('key', 'must be lower-case letters, digits and dashes, starting with a letter (at most 63)');
  if (typeof rule.name !== 'string' || rule.name.trim() === '' || rule.name.length > 120)
    problem('name', 'must be 1 to 120 characters');
  if (
    rule.typeIds !== undefined &&
    !(Array.isArray(rule.typeIds) && rule.typeIds.every((id) => typeof id === 'string'))
  )
    problem('typeIds', 'must be a list of ticket type ids');
  if (rule.filter !== undefined) {
    if (typeof rule.filter !== 'string') problem('filter', 'must be a FEEL expression');
    else {
      const error = feelSyntaxError(rule.filter);
      if (error !== undefined) problem('filter', `is not valid FEEL: ${error}`);
    }
  }
  for (const list of TRIGGER_LISTS) {
    const triggers = rule[list];
    if (!Array.isArray(triggers)) {
      problem(list, 'must be a list of triggers');
      continue;
    }
    triggers.forEach((trigger: unknown, i) => {
      const field = `${list}.${i}`;
      if (!isRecord(trigger) || !CLOCK_TRIGGERS.includes(trigger.on as ClockTriggerType))
        return problem(`${field}.on`, `must be one of ${CLOCK_TRIGGERS.join(', ')}`);
      if (trigger.on === 'status.changed' && !CLOCK_STATUSES.includes(trigger.status as ClockStatus))
        problem(`${field}.status`, `must name the status it changes to: one of ${CLOCK_STATUSES.join(', ')}`);
      if (trigger.on !== 'status.changed' && trigger.status !== undefined)
        problem(`${field}.status`, `only status.changed names a status, not ${String(trigger.on)}`);
      if (trigger.department === undefined) return;
      if (!DEPARTMENT_TRIGGERS.includes(trigger.on as ClockTriggerType))
        problem(`${field}.department`, `only task events name a department, not ${String(trigger.on)}`);
      else if (typeof trigger.department !== 'string' || !known.departments.includes(trigger.department))
        problem(`${field}.department`, `no department "${String(trigger.department)}"`);
    });
  }
  if (Array.isArray(rule.start) && rule.start.length === 0) problem('start', 'needs at least one trigger');
  if (Array.isArray(rule.stop) && rule.stop.length === 0) problem('stop', 'needs at least one trigger');
  if (
    Array.isArray(rule.pause) &&
    Array.isArray(rule.resume) &&
    rule.pause.length > 0 &&
    rule.resume.length === 0
  )
    problem('resume', 'a clock that pauses needs a trigger that resumes it');
  if (!isRecord(rule.targetsMs)) problem('targetsMs', 'must give a target in ms per priority');
  else {
    for (const [priority, target] of Object.entries(rule.targetsMs)) {
      if (!PRIORITIES.includes(priority as Priority))
        problem(`targetsMs.${priority}`, `is not a priority (${PRIORITIES.join(', ')})`);
      else if (
        typeof target !== 'number' ||
        !Number.isInteger(target) ||
        target < 60_000 ||
        target > 366 * 86_400_000
      )
        problem(`targetsMs.${priority}`, 'must be whole ms between 1 minute and 366 days');
    }
    if (Object.keys(rule.targetsMs).length === 0)
      problem('targetsMs', 'must give at least one priority a target');
  }
  if (
    rule.calendar !== undefined &&
    (typeof rule.calendar !== 'string' || !known.calendars.includes(rule.calendar))
  )
    problem('calendar', `no calendar "${String(rule.calendar)}"`);
  if (typeof rule.followOwner !== 'boolean') problem('followOwner', 'must be true or false');
  if (
    typeof rule.warnAt !== 'number' ||
    typeof rule.severeAt !== 'number' ||
    !slaLevelsValid(rule.warnAt, rule.severeAt)
  )
    problem('warnAt', 'warnAt must lie between 0 and 1 and severeAt above 1');
  return problems;
}
