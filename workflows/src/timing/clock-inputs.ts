// What a ticket's timing-rule clocks are measured from, in one round trip: the rule versions
// current when the ticket was created, its conversation's mails, the calendars and the
// departments' own calendars as they are now, and (when the caller has not read it already) the
// ticket with its timeline and open stages. The API's ticket detail and the read model's
// escalations (./rule-clocks.ts) read them alike.
import type { CalendarSpec, TimingRule } from '@baton/engine';
import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '@baton/db';
import {
  ticketClocks,
  type ClockedTicket,
  type ConversationEvent,
  type TicketClock,
  type VersionedRule,
} from './ticket-clocks.js';

type Row = {
  rules: {
    key: string;
    version: number;
    rule: Omit<TimingRule, 'key'>;
    applied: { version: number; rule: Omit<TimingRule, 'key'>; at: number }[];
  }[];
  mails: ConversationEvent[];
  calendars: Record<string, CalendarSpec>;
  department_calendars: Record<string, string>;
  ticket: (ClockedTicket & { openStages: OpenStage[]; lastSeq: number }) | null;
};

/** An open stage: who answers for it while it is open (an escalation's recipients). */
export type OpenStage = { taskId: string; department: string | null; assignee: string | null };

// With no rule to time the ticket, the rest is not read: a recorded step pays one index lookup.
const inputsQuery = (ticketId: string, withTicket: boolean) => sql`
with r as (
  select coalesce(json_agg(json_build_object('key', r.key, 'version', r.version, 'rule', r.rule,
      'applied', coalesce((select json_agg(json_build_object('version', a.version, 'rule', later.rule,
          'at', (extract(epoch from a.applied_at) * 1000)::bigint) order by a.applied_at, a.version)
        from timing_rule_applications a join timing_rules later on later.key = a.key and later.version = a.version
        where a.ticket_id = ${ticketId} and a.key = r.key), '[]')) order by r.key), '[]') as rules from (
    select distinct on (key) key, version, active, rule from timing_rules
     where created_at <= (select created_at from tickets where id = ${ticketId})
     order by key, version desc) r where r.active)
select r.rules, timed.*
from r left join lateral (
  select
    coalesce((select json_agg(json_build_object('direction', m.direction, 'authorId', m.author_id, 'at', m.at) order by m.at, m.id)
        from ticket_mails m where m.ticket_id = ${ticketId}), '[]') as mails,
    coalesce((select json_object_agg(c.key, c.spec) from calendars c), '{}') as calendars,
    coalesce((select json_object_agg(d.key, d.calendar_key) from departments d where d.calendar_key is not null), '{}') as department_calendars,
    ${
      withTicket
        ? sql`(select json_build_object(
            'typeId', t.type_id, 'priority', t.priority, 'category', t.category, 'service', t.service,
            'fields', t.fields, 'createdAt', t.created_at, 'status', t.status, 'closedAt', t.closed_at, 'lastSeq', t.last_seq,
            'timeline', coalesce((select json_agg(json_build_object('type', e.type, 'at', e.at, 'taskId', e.task_id, 'data', e.data)
                order by e.seq, e.ord) from ticket_events e where e.ticket_id = t.id), '[]'),
            'openStages', coalesce((select json_agg(json_build_object('taskId', s.task_id, 'department', s.department_key, 'assignee', s.assignee_id)
                order by s.entered_at, s.task_id) from stages s where s.ticket_id = t.id and s.closed_at is null), '[]'))
          from tickets t where t.id = ${ticketId})`
        : sql`null::json`
    } as ticket
) timed on json_array_length(r.rules) > 0`;

type Measured = { clocks: TicketClock[]; openStages: OpenStage[]; lastSeq: number };

async function measure(
  db: Database | Transaction,
  ticketId: string,
  view: ClockedTicket | undefined,
  now: number,
): Promise<Measured | undefined> {
  const { rows } = await db.execute<Row>(inputsQuery(ticketId, view === undefined));
  const row = rows[0];
  if (row === undefined || row.rules.length === 0) return { clocks: [], openStages: [], lastSeq: 0 };
  const ticket = view ?? row.ticket ?? undefined;
  if (ticket === undefined) return undefined;
  const rules: VersionedRule[] = row.rules.map((r) => ({
    ...r.rule,
    key: r.key,
    version: r.version,
    applied: r.applied.map((a) => ({ version: a.version, at: a.at, rule: { ...a.rule, key: r.key } })),
  }));
  const clocks = ticketClocks(
    ticket,
    rules,
    row.mails,
    { specs: row.calendars, ofDepartment: row.department_calendars },
    now,
  );
  return { clocks, openStages: row.ticket?.openStages ?? [], lastSeq: row.ticket?.lastSeq ?? 0 };
}

/** The clocks of a ticket the caller has read (the API's detail), as of `now`. */
export async function clocksOfTicket(
  db: Database | Transaction,
  ticketId: string,
  view: ClockedTicket,
  now: number,
) {
  return (await measure(db, ticketId, view, now))?.clocks ?? [];
}

/** The clocks of a ticket read here, with its open stages; undefined when there is no such ticket. */
export const measureTicketClocks = (db: Database | Transaction, ticketId: string, now: number) =>
  measure(db, ticketId, undefined, now);
