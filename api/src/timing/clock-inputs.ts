// What a ticket's timing-rule clocks are measured from besides its detail, in one round trip: the
// rule versions current when it was created, its conversation's mails, the calendars and the
// departments' own calendars as they are now.
import type { CalendarSpec, TimingRule } from '@baton/engine';
import type { Queryable } from '../sql/queryable.js';
import { ticketClocks, type ConversationEvent, type TicketClock } from './ticket-clocks.js';
import type { VersionedRule } from './timing-rules.js';
import type { TicketView } from '../tickets/detail-query.js';

const CLOCK_INPUTS_SQL = `
select
  coalesce((select json_agg(r order by r.key) from (
      select distinct on (key) key, version, active, rule from timing_rules
       where created_at <= $2 order by key, version desc) r where r.active), '[]') as rules,
  coalesce((select json_agg(json_build_object('direction', m.direction, 'authorId', m.author_id, 'at', m.at) order by m.at, m.id)
      from ticket_mails m where m.ticket_id = $1), '[]') as mails,
  coalesce((select json_object_agg(c.key, c.spec) from calendars c), '{}') as calendars,
  coalesce((select json_object_agg(d.key, d.calendar_key) from departments d where d.calendar_key is not null), '{}') as department_calendars`;

type Row = {
  rules: { key: string; version: number; rule: Omit<TimingRule, 'key'> }[];
  mails: ConversationEvent[];
  calendars: Record<string, CalendarSpec>;
  department_calendars: Record<string, string>;
};

export type TicketClocks = (view: TicketView, now: number) => Promise<TicketClock[]>;

export function createTicketClocks(pool: Queryable): TicketClocks {
  return async (view, now) => {
    const { rows } = await pool.query<Row>(CLOCK_INPUTS_SQL, [view.id, view.createdAt]);
    const row = rows[0]!;
    const rules: VersionedRule[] = row.rules.map((r) => ({ ...r.rule, key: r.key, version: r.version }));
    if (rules.length === 0) return [];
    return ticketClocks(
      view,
      rules,
      row.mails,
      { specs: row.calendars, ofDepartment: row.department_calendars },
      now,
    );
  };
}
