// The ticket list: the caller's visible tickets, newest first, with filters and cursor pagination.
import type { Pool } from 'pg';
import type { Customer } from '@baton/db';
import type { Category, Priority, SlaLevel, TicketStatus } from '@baton/engine';
import { ticketVisibilitySql } from '../access/ticket-visibility.js';
import type { Principal } from '../http/env.js';
import { sqlParameters, type SqlParameters } from '../sql/parameters.js';

export type TicketFilters = {
  type?: string;
  status?: TicketStatus;
  /** Tickets with an open task in this department. */
  department?: string;
  /** Tickets with an open task assigned to this user; 'me' is the caller. */
  assignee?: string;
  priority?: Priority;
  /** true: the ticket's or an open task's SLA is overdue or severe; false: neither. */
  overdue?: boolean;
  /** Searches title, customer e-mail and name, and (`#123` or `123`) the number. */
  q?: string;
  /** The id of the last ticket of the previous page. */
  cursor?: string;
  limit: number;
};

export type TicketListRow = {
  id: string;
  number: string;
  type_id: string;
  title: string;
  priority: Priority;
  category: Category;
  service: string | null;
  status: TicketStatus;
  sla_level: SlaLevel;
  sla_due_at: Date | null;
  customer: Customer;
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  open_tasks: {
    taskId: string;
    name: string;
    department: string | null;
    assigneeId: string | null;
    dueAt: string | null;
    slaLevel: SlaLevel;
  }[];
};

const openStageWhere = (condition: string) =>
  `exists (select 1 from stages s where s.ticket_id = t.id and s.closed_at is null and ${condition})`;

const OVERDUE = `(t.sla_level in ('overdue', 'severe') or ${openStageWhere("s.sla_level in ('overdue', 'severe')")})`;

/** The conditions of the filters, each a predicate on `tickets t`. */
function filterConditions(principal: Principal, f: TicketFilters, params: SqlParameters): string[] {
  const where: string[] = [];
  const visible = ticketVisibilitySql(principal, params);
  if (visible) where.push(visible);
  if (f.type) where.push(`t.type_id = ${params.add(f.type)}`);
  if (f.status) where.push(`t.status = ${params.add(f.status)}`);
  if (f.priority) where.push(`t.priority = ${params.add(f.priority)}`);
  if (f.department) where.push(openStageWhere(`s.department_key = ${params.add(f.department)}`));
  if (f.assignee) {
    const assignee = f.assignee === 'me' ? principal.id : f.assignee;
    where.push(openStageWhere(`s.assignee_id = ${params.add(assignee)}`));
  }
  if (f.overdue !== undefined) where.push(f.overdue ? OVERDUE : `not ${OVERDUE}`);
  if (f.q) {
    const text = f.q.trim();
    const like = params.add(`%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    const number = /^#?\d{1,15}$/.test(text)
      ? ` or t.number = ${params.add(Number(text.replace('#', '')))}`
      : '';
    where.push(
      `(t.title ilike ${like} or t.customer->>'email' ilike ${like} or t.customer->>'name' ilike ${like}${number})`,
    );
  }
  if (f.cursor) {
    where.push(
      `(t.created_at, t.id) < (select k.created_at, k.id from tickets k where k.id = ${params.add(f.cursor)})`,
    );
  }
  return where;
}

/** A page of tickets and the cursor of the next page (null on the last). */
export async function listTickets(
  pool: Pool,
  principal: Principal,
  filters: TicketFilters,
): Promise<{ rows: TicketListRow[]; nextCursor: string | null }> {
  const params = sqlParameters();
  const where = filterConditions(principal, filters, params);
  const limit = params.add(filters.limit + 1);
  const { rows } = await pool.query<TicketListRow>(
    `select t.id, t.number, t.type_id, t.title, t.priority, t.category, t.service, t.status, t.sla_level, t.sla_due_at,
       t.customer, t.created_at, t.updated_at, t.closed_at,
       coalesce((select json_agg(json_build_object('taskId', s.task_id, 'name', s.name, 'department', s.department_key,
           'assigneeId', s.assignee_id, 'dueAt', s.due_at, 'slaLevel', s.sla_level) order by s.entered_at)
         from stages s where s.ticket_id = t.id and s.closed_at is null), '[]') as open_tasks
     from tickets t
     ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
     order by t.created_at desc, t.id desc
     limit ${limit}`,
    params.values,
  );
  const page = rows.slice(0, filters.limit);
  return {
    rows: page,
    nextCursor: rows.length > filters.limit ? (page[page.length - 1]?.id ?? null) : null,
  };
}
