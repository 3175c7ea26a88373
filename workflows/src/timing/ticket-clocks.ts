// A ticket's timing-rule clocks, measured from what the read model recorded: the timeline
// (stages opened and closed, holds, resumes, customer messages, completion) and the conversation
// (mails in, agents' replies). The engine's pure fold measures each clock, so the same record
// always gives the same ledger, whether the API's detail or an escalation refresh reads it.
import {
  measureRuleClock,
  ruleApplies,
  type CalendarSpec,
  type ClockFact,
  type Priority,
  type RuleClockCycles,
  type TimingRule,
} from '@baton/engine';

/**
 * A rule of a ticket with the version it was created under, and the later versions applied to it
 * since (oldest first).
 */
export type VersionedRule = TimingRule & {
  version: number;
  applied?: readonly { version: number; rule: TimingRule; at: number }[];
};

/** One entry of the ticket's timeline (ticket_events), as the read model keeps it. */
export type TimelineEntry = {
  type: string;
  at: string;
  taskId: string | null;
  data: Record<string, unknown>;
};

/** The ticket as its clocks read it: what its rules' filters test, and its recorded events. */
export type ClockedTicket = {
  typeId: string;
  priority: Priority;
  category: string;
  service: string | null;
  fields: Record<string, unknown>;
  createdAt: string;
  status: string;
  closedAt: string | null;
  timeline: readonly TimelineEntry[];
};

export type TicketClock = RuleClockCycles & {
  key: string;
  name: string;
  version: number;
  /** Why the rule's filter could not decide (the clock is then not measured). */
  filterError?: string;
};

/** A mail of the ticket's conversation, as the clocks read it. */
export type ConversationEvent = { direction: 'in' | 'out'; authorId: string | null; at: string };

const ms = (iso: string) => Date.parse(iso);
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** The ticket's events in time order (ties keep the timeline's order, then the conversation's). */
export function clockFactsOf(view: ClockedTicket, mails: readonly ConversationEvent[]): ClockFact[] {
  const departmentOf = new Map<string, string | undefined>();
  const facts: ClockFact[] = [{ type: 'ticket.created', at: ms(view.createdAt) }];
  const task = (entry: TimelineEntry) => {
    const taskId = entry.taskId ?? undefined;
    const department = taskId === undefined ? undefined : departmentOf.get(taskId);
    return {
      ...(taskId === undefined ? {} : { taskId }),
      ...(department === undefined ? {} : { department }),
    };
  };
  for (const entry of view.timeline) {
    const at = ms(entry.at);
    switch (entry.type) {
      case 'stage.opened':
        if (entry.taskId) departmentOf.set(entry.taskId, text(entry.data.department));
        facts.push({ type: 'task.opened', at, ...task(entry) });
        break;
      case 'stage.closed':
        facts.push({ type: 'task.closed', at, ...task(entry) });
        break;
      case 'task.held': {
        const reason = text(entry.data.reason);
        facts.push({ type: 'task.held', at, ...task(entry), ...(reason ? { reason } : {}) });
        break;
      }
      case 'task.resumed':
        facts.push({ type: 'task.resumed', at, ...task(entry) });
        break;
      case 'message.received':
        // A customer's message names the channel it came by; a flow's own messages do not.
        if (isRecord(entry.data.data) && typeof entry.data.data.channel === 'string')
          facts.push({ type: 'customer.message', at });
        break;
      case 'ticket.reopened':
        facts.push({ type: 'ticket.reopened', at });
        break;
      case 'ticket.status': {
        const status = text(entry.data.to);
        if (status) facts.push({ type: 'status.changed', at, status });
        break;
      }
      case 'ticket.completed':
        facts.push({ type: entry.data.outcome === 'cancelled' ? 'ticket.cancelled' : 'ticket.done', at });
        break;
    }
  }
  // A ticket finished outside Baton's engine (an imported one) has no completion on its timeline.
  const finished = facts.some((fact) => fact.type === 'ticket.done' || fact.type === 'ticket.cancelled');
  if (!finished && view.closedAt !== null && (view.status === 'done' || view.status === 'cancelled'))
    facts.push({ type: view.status === 'done' ? 'ticket.done' : 'ticket.cancelled', at: ms(view.closedAt) });
  for (const mail of mails) {
    if (mail.direction === 'in') facts.push({ type: 'customer.message', at: ms(mail.at) });
    else if (mail.authorId !== null) facts.push({ type: 'agent.reply', at: ms(mail.at) });
  }
  // A stable sort: events of one instant keep their order.
  return facts
    .map((fact, i) => ({ fact, i }))
    .sort((a, b) => a.fact.at - b.fact.at || a.i - b.i)
    .map(({ fact }) => fact);
}

/** Each rule that times the ticket, measured as of `now`. */
export function ticketClocks(
  view: ClockedTicket,
  rules: readonly VersionedRule[],
  mails: readonly ConversationEvent[],
  calendars: { specs: Record<string, CalendarSpec>; ofDepartment: Record<string, string> },
  now: number,
): TicketClock[] {
  const facts = clockFactsOf(view, mails);
  const clocks: TicketClock[] = [];
  for (const rule of rules) {
    const verdict = ruleApplies(rule, view);
    const named = { key: rule.key, name: rule.name, version: rule.version };
    if ('error' in verdict) {
      clocks.push({
        ...named,
        state: 'waiting',
        targetMs: rule.targetsMs[view.priority] ?? 0,
        level: 'ok',
        pendingLevels: [],
        cycle: 1,
        earlier: [],
        filterError: verdict.error,
      });
      continue;
    }
    if (!verdict.applies) continue;
    const applied = rule.applied ?? [];
    const measured = measureRuleClock(
      rule,
      facts,
      {
        priority: view.priority,
        calendars: calendars.specs,
        departmentCalendars: calendars.ofDepartment,
        now,
      },
      applied.map((change) => ({
        at: change.at,
        rule: change.rule,
        reason: `version ${change.version} of timing rule "${change.rule.name}" was applied`,
      })),
    );
    clocks.push({ ...named, version: applied.at(-1)?.version ?? rule.version, ...measured });
  }
  return clocks;
}
