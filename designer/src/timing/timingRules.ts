// Timing rules as people read and write them: the events a clock reacts to in words, a ticket
// clock's state in one line, and the rule form's values to and from the API's body.
import { timingRuleProblems } from '@baton/engine';
import type { ClockTrigger, TicketClock, TimingRuleBody, TimingRuleVersion } from '../api/types.js';
import { formatDuration } from '../tasks/timeLeft.js';

export const CLOCK_EVENTS: readonly { value: ClockTrigger['on']; label: string; task: boolean }[] = [
  { value: 'ticket.created', label: 'the ticket is created', task: false },
  { value: 'task.opened', label: 'a task opens', task: true },
  { value: 'task.closed', label: 'a task closes', task: true },
  { value: 'task.held', label: 'a task is put on hold', task: true },
  { value: 'task.resumed', label: 'a held task resumes', task: true },
  { value: 'customer.message', label: 'the customer writes', task: false },
  { value: 'agent.reply', label: 'an agent replies to the customer', task: false },
  { value: 'ticket.done', label: 'the ticket is done', task: false },
  { value: 'ticket.cancelled', label: 'the ticket is cancelled', task: false },
  { value: 'ticket.reopened', label: 'the ticket is reopened', task: false },
  { value: 'status.changed', label: 'the ticket’s status becomes', task: false },
];

/** The statuses a `status.changed` trigger names, in words. */
export const CLOCK_STATUS_LABELS: Record<NonNullable<ClockTrigger['status']>, string> = {
  submitted: 'submitted',
  in_progress: 'in progress',
  pending: 'pending (on hold)',
  done: 'done',
  cancelled: 'cancelled',
};
export const isTaskEvent = (on: ClockTrigger['on']) => CLOCK_EVENTS.some((e) => e.value === on && e.task);

export const PRIORITY_ORDER = ['urgent', 'high', 'medium', 'low'] as const;
export type PriorityKey = (typeof PRIORITY_ORDER)[number];

/** "a task opens in Refunds", "the customer writes". */
export function triggerLabel(trigger: ClockTrigger, departmentName: (key: string) => string): string {
  const label = CLOCK_EVENTS.find((e) => e.value === trigger.on)?.label ?? trigger.on;
  if (trigger.status) return `${label} ${CLOCK_STATUS_LABELS[trigger.status]}`;
  return trigger.department ? `${label} in ${departmentName(trigger.department)}` : label;
}

/** "the ticket is created, or the customer writes". */
export const triggersLabel = (triggers: readonly ClockTrigger[], departmentName: (key: string) => string) =>
  triggers.length ? triggers.map((t) => triggerLabel(t, departmentName)).join(', or ') : 'never';

/** One cycle of a ticket's clock, as its summary reads it. */
type ClockCycle = Pick<TicketClock, 'state' | 'targetMs' | 'met' | 'explanation'> & { filterError?: string };

/** One line for a ticket's clock (or one cycle of it): where it stands against its target. */
export function clockSummary(clock: ClockCycle, now: number): string {
  if (clock.filterError) return `not measured: its filter failed (${clock.filterError})`;
  const target = formatDuration(clock.targetMs);
  const used = clock.explanation?.consumedMs ?? 0;
  switch (clock.state) {
    case 'waiting':
      return `not started · target ${target}`;
    case 'stopped':
      return clock.met
        ? `met · took ${formatDuration(used)} of ${target}`
        : `missed · took ${formatDuration(used)}, ${formatDuration(used - clock.targetMs)} over ${target}`;
    case 'paused':
      return `paused · ${formatDuration(used)} of ${target} used`;
    case 'running': {
      const dueAt = clock.explanation?.dueAt;
      if (dueAt === undefined) return `running · ${formatDuration(used)} of ${target} used`;
      const left = dueAt - now;
      return left >= 0
        ? `running · due in ${formatDuration(left)} (${formatDuration(used)} of ${target} used)`
        : `running · overdue ${formatDuration(left)} (target ${target})`;
    }
  }
}

/** `status`: for `status.changed` only, the status it names ('' until one is chosen). */
export type TriggerRow = { on: ClockTrigger['on']; department: string; status?: ClockTrigger['status'] | '' };
export type TimingRuleForm = {
  key: string;
  name: string;
  typeIds: string[];
  filter: string;
  start: TriggerRow[];
  pause: TriggerRow[];
  resume: TriggerRow[];
  stop: TriggerRow[];
  /** Hours per priority as typed ("4", "0.5"); empty: that priority is not timed. */
  targetHours: Record<PriorityKey, string>;
  calendar: string;
  followOwner: boolean;
  /** Percent of the target, as typed. */
  warnPercent: string;
  severePercent: string;
  active: boolean;
};

const HOUR = 3_600_000;
const rows = (triggers: readonly ClockTrigger[]): TriggerRow[] =>
  triggers.map((t) => ({
    on: t.on,
    department: t.department ?? '',
    ...(t.status ? { status: t.status } : {}),
  }));
const hoursText = (ms: number | undefined) =>
  ms === undefined ? '' : String(Math.round((ms / HOUR) * 1000) / 1000);

/** A new rule starts as a resolution clock paused while waiting on the customer. */
export function newRuleForm(): TimingRuleForm {
  return {
    key: '',
    name: '',
    typeIds: [],
    filter: '',
    start: [{ on: 'ticket.created', department: '' }],
    pause: [{ on: 'task.held', department: '' }],
    resume: [
      { on: 'task.resumed', department: '' },
      { on: 'customer.message', department: '' },
    ],
    stop: [{ on: 'ticket.done', department: '' }],
    targetHours: { urgent: '4', high: '8', medium: '24', low: '40' },
    calendar: '',
    followOwner: true,
    warnPercent: '80',
    severePercent: '150',
    active: true,
  };
}

export function ruleForm(version: TimingRuleVersion): TimingRuleForm {
  const { rule } = version;
  return {
    key: version.key,
    name: rule.name,
    typeIds: [...(rule.typeIds ?? [])],
    filter: rule.filter ?? '',
    start: rows(rule.start),
    pause: rows(rule.pause),
    resume: rows(rule.resume),
    stop: rows(rule.stop),
    targetHours: {
      urgent: hoursText(rule.targetsMs.urgent),
      high: hoursText(rule.targetsMs.high),
      medium: hoursText(rule.targetsMs.medium),
      low: hoursText(rule.targetsMs.low),
    },
    calendar: rule.calendar ?? '',
    followOwner: rule.followOwner,
    warnPercent: String(Math.round(rule.warnAt * 1000) / 10),
    severePercent: String(Math.round(rule.severeAt * 1000) / 10),
    active: version.active,
  };
}

const triggers = (list: readonly TriggerRow[]): ClockTrigger[] =>
  list.map((row) => ({
    on: row.on,
    ...(row.department && isTaskEvent(row.on) ? { department: row.department } : {}),
    ...(row.on === 'status.changed' && row.status ? { status: row.status } : {}),
  }));

/**
 * The API's body. A target typed as something other than a number is sent as NaN → null, so the
 * API names the field; whole minutes, as the API requires whole ms of at least a minute.
 */
export function ruleBody(form: TimingRuleForm): { rule: TimingRuleBody; active: boolean } {
  const targetsMs: TimingRuleBody['targetsMs'] = {};
  for (const priority of PRIORITY_ORDER) {
    const text = form.targetHours[priority].trim().replace(',', '.');
    if (text !== '') targetsMs[priority] = Math.round(Number(text) * 60) * 60_000;
  }
  const filter = form.filter.trim();
  return {
    rule: {
      name: form.name.trim(),
      ...(form.typeIds.length ? { typeIds: [...form.typeIds] } : {}),
      ...(filter ? { filter } : {}),
      start: triggers(form.start),
      pause: triggers(form.pause),
      resume: triggers(form.resume),
      stop: triggers(form.stop),
      targetsMs,
      ...(form.calendar ? { calendar: form.calendar } : {}),
      followOwner: form.followOwner,
      warnAt: Number(form.warnPercent.replace(',', '.')) / 100,
      severeAt: Number(form.severePercent.replace(',', '.')) / 100,
    },
    active: form.active,
  };
}

/**
 * What the API would refuse, by field, before sending: the engine's own rule (the API checks the
 * same), against the calendars and departments the directory lists.
 */
export function ruleFormProblems(
  form: TimingRuleForm,
  known: { calendars: readonly string[]; departments: readonly string[] },
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const problem of timingRuleProblems({ key: form.key, ...ruleBody(form).rule }, known))
    problems[problem.field] ??= problem.message;
  return problems;
}
