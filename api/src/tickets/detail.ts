// Loads one ticket with its stages, timeline and extension requests in a single round trip
// (this is the hottest read of the inbox), plus whether the caller may see it.
import type { Pool } from 'pg';
import type { Principal } from '../http/env.js';
import { readsAllTickets, visibleDepartments } from './access.js';

// One json column instead of ~20: node-postgres builds a parser table and a row template from the
// row description of every result, a large share of this read's allocations (and GC pauses).
const TICKET_DETAIL_SQL = `
select row_to_json(d) as detail from (
select t.id, t.number, t.type_id, tt.name as type_name, t.flow_version_id, t.title, t.priority, t.category, t.service,
  t.status, t.customer, t.fields, t.owner_id, t.created_by, t.created_at, t.updated_at, t.closed_at, t.sla_due_at, t.sla_level,
  ($2::boolean or t.created_by = $3 or t.owner_id = $3
    or exists (select 1 from stages v where v.ticket_id = t.id and v.department_key = any($4::text[]))) as visible,
  coalesce((select json_agg(json_build_object(
      'taskId', s.task_id, 'elementId', s.element_id, 'name', s.name, 'department', s.department_key,
      'assigneeId', s.assignee_id, 'enteredAt', s.entered_at, 'claimedAt', s.claimed_at, 'closedAt', s.closed_at,
      'outcome', s.outcome, 'slaTargetMs', s.sla_target_ms, 'dueAt', s.due_at, 'slaLevel', s.sla_level,
      'totalMs', s.total_ms, 'businessTotalMs', s.business_total_ms, 'queueMs', s.queue_ms, 'workMs', s.work_ms)
      order by s.entered_at, s.task_id) from stages s where s.ticket_id = t.id), '[]') as stages,
  coalesce((select json_agg(json_build_object(
      'seq', e.seq, 'type', e.type, 'at', e.at, 'actorId', e.actor_id, 'taskId', e.task_id, 'data', e.data)
      order by e.seq, e.ord) from ticket_events e where e.ticket_id = t.id), '[]') as timeline,
  coalesce((select json_agg(json_build_object(
      'id', x.id, 'taskId', x.task_id, 'requestedBy', x.requested_by, 'extendByMs', x.extend_by_ms, 'reason', x.reason,
      'status', x.status, 'decidedBy', x.decided_by, 'decidedAt', x.decided_at, 'decisionNote', x.decision_note, 'createdAt', x.created_at)
      order by x.created_at) from extension_requests x where x.ticket_id = t.id), '[]') as extension_requests
from tickets t join ticket_types tt on tt.id = t.type_id
where t.id = $1) d`;

export type StageJson = {
  taskId: string;
  elementId: string;
  name: string;
  department: string | null;
  assigneeId: string | null;
  enteredAt: string;
  claimedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  slaTargetMs: number | null;
  dueAt: string | null;
  slaLevel: string;
  totalMs: number | null;
  businessTotalMs: number | null;
  queueMs: number | null;
  workMs: number | null;
};

export type TicketDetailRow = {
  id: string;
  number: number;
  type_id: string;
  type_name: string;
  flow_version_id: string;
  title: string;
  priority: string;
  category: string;
  service: string | null;
  status: string;
  customer: Record<string, unknown>;
  fields: Record<string, unknown>;
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  sla_due_at: string | null;
  sla_level: string;
  visible: boolean;
  stages: StageJson[];
  timeline: {
    seq: number;
    type: string;
    at: string;
    actorId: string | null;
    taskId: string | null;
    data: Record<string, unknown>;
  }[];
  extension_requests: Record<string, unknown>[];
};

export async function loadTicket(
  pool: Pool,
  ticketId: string,
  principal: Principal,
): Promise<TicketDetailRow | undefined> {
  const { rows } = await pool.query<{ detail: TicketDetailRow }>({
    name: 'ticket-detail',
    text: TICKET_DETAIL_SQL,
    values: [ticketId, readsAllTickets(principal), principal.id, visibleDepartments(principal)],
  });
  return rows[0]?.detail;
}

/**
 * JSON renders timestamps in the session zone; normalise to ISO 8601 UTC with milliseconds.
 * A UTC session's `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00` is rewritten as text (a detail carries a
 * dozen or more timestamps, and Date parsing was a visible share of the request); anything else
 * goes through Date. Both truncate the fraction to milliseconds.
 */
export function isoText(value: string | null | undefined): string | null {
  if (!value) return null;
  const utc =
    value.length >= 25 &&
    value.length <= 32 &&
    value[10] === 'T' &&
    (value.length === 25 || value[19] === '.') &&
    value.endsWith('+00:00');
  if (!utc) return new Date(value).toISOString();
  const seconds = value.slice(0, 19);
  const fraction = value.length === 25 ? '' : value.slice(20, -6);
  return `${seconds}.${(fraction + '000').slice(0, 3)}Z`;
}
