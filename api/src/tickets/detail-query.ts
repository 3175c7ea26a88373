// Reads tickets with their stages, timeline and extension requests (the hottest read of the
// inbox) and shapes them for the API. Callers say which `detail_version` (db/migrations/0004) of
// each ticket they already hold, and get the detail only for tickets that changed since.
import type { Customer, ExtensionStatus } from '@baton/db';
import type { Category, Priority, SlaLevel, TicketStatus } from '@baton/engine';
import type { Queryable } from '../sql/queryable.js';
import { isoText } from '../sql/json-timestamps.js';
import { globalTaskId } from '../tasks/task-id.js';

// One row per asked ticket that exists. The detail travels as one json text column, and only when
// the caller's version is stale (null = none held): node-postgres builds a parser table per row
// description, a large share of this read's cost when the detail came as ~20 columns.
const TICKET_DETAILS_SQL = `
select k.id, current.version, current.type_name, current.detail
from json_to_recordset($1::json) as k(id text, known bigint)
cross join lateral (
  select t.detail_version::text as version, tt.name as type_name,
    case when t.detail_version = k.known then null else (select row_to_json(d)::text from (
      select t.id, t.number, t.type_id, t.flow_version_id, t.title, t.priority, t.category, t.service,
        t.status, t.customer, t.fields, t.owner_id, t.created_by, t.created_at, t.updated_at, t.closed_at,
        t.sla_due_at, t.sla_level, t.imported_from,
        coalesce((select json_agg(json_build_object(
            'taskId', s.task_id, 'elementId', s.element_id, 'name', s.name, 'department', s.department_key,
            'assigneeId', s.assignee_id, 'enteredAt', s.entered_at, 'claimedAt', s.claimed_at, 'closedAt', s.closed_at,
            'outcome', s.outcome, 'slaTargetMs', s.sla_target_ms, 'dueAt', s.due_at, 'slaLevel', s.sla_level,
            'totalMs', s.total_ms, 'businessTotalMs', s.business_total_ms, 'queueMs', s.queue_ms, 'workMs', s.work_ms,
            'heldMs', s.held_ms, 'businessHeldMs', s.business_held_ms, 'heldSince', s.held_since)
            order by s.entered_at, s.task_id) from stages s where s.ticket_id = t.id), '[]') as stages,
        coalesce((select json_agg(json_build_object(
            'seq', e.seq, 'type', e.type, 'at', e.at, 'actorId', e.actor_id, 'taskId', e.task_id, 'data', e.data)
            order by e.seq, e.ord) from (
          select seq, ord, type, at, actor_id, task_id, data from ticket_events where ticket_id = t.id
          -- A timing rule version applied to the ticket, after the step recorded before it: the
          -- engine's run knows nothing of timing rules, so no step of its records this.
          union all
          select coalesce((select max(p.seq) from ticket_events p where p.ticket_id = t.id and p.at <= a.applied_at), 0),
            2147483647, 'timing.ruleApplied', a.applied_at, a.applied_by, null,
            jsonb_build_object('key', a.key, 'version', a.version, 'name', r.rule->>'name')
          from timing_rule_applications a join timing_rules r on r.key = a.key and r.version = a.version
          where a.ticket_id = t.id) e), '[]') as timeline,
        coalesce((select json_agg(json_build_object(
            'id', x.id, 'taskId', x.task_id, 'requestedBy', x.requested_by, 'extendByMs', x.extend_by_ms, 'reason', x.reason,
            'status', x.status, 'decidedBy', x.decided_by, 'decidedAt', x.decided_at, 'decisionNote', x.decision_note, 'createdAt', x.created_at)
            order by x.created_at) from extension_requests x where x.ticket_id = t.id), '[]') as extension_requests
    ) d) end as detail
  from tickets t join ticket_types tt on tt.id = t.type_id
  where t.id = k.id
  -- A fence: looked up by primary key per asked id. Flattened into a join, the planner hashes
  -- the whole tickets table whenever it is small, about four times the work of the lookups.
  offset 0
) current`;

type StageRow = {
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
  slaLevel: SlaLevel;
  totalMs: number | null;
  businessTotalMs: number | null;
  queueMs: number | null;
  workMs: number | null;
  heldMs: number | null;
  businessHeldMs: number | null;
  heldSince: string | null;
};

/** What TICKET_DETAIL_SQL's json holds. */
type TicketDetailRow = {
  id: string;
  number: number;
  type_id: string;
  flow_version_id: string;
  title: string;
  priority: Priority;
  category: Category;
  service: string | null;
  status: TicketStatus;
  customer: Customer;
  fields: Record<string, unknown>;
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  sla_due_at: string | null;
  sla_level: SlaLevel;
  imported_from: string | null;
  stages: StageRow[];
  timeline: {
    seq: number;
    type: string;
    at: string;
    actorId: string | null;
    taskId: string | null;
    data: Record<string, unknown>;
  }[];
  extension_requests: {
    id: string;
    /** The engine task id (within the ticket). */
    taskId: string;
    requestedBy: string;
    extendByMs: number;
    reason: string;
    status: ExtensionStatus;
    decidedBy: string | null;
    decidedAt: string | null;
    decisionNote: string | null;
    createdAt: string;
  }[];
};

/**
 * A ticket as the read model knows it, shaped for the API, the same for every caller: what may
 * be kept between requests. The engine's live view and the type's name are added per request.
 */
export type TicketView = ReturnType<typeof viewOf>;

function viewOf(row: TicketDetailRow) {
  const stages = row.stages.map((s) => ({
    ...s,
    id: globalTaskId(row.id, s.taskId),
    enteredAt: isoText(s.enteredAt)!,
    claimedAt: isoText(s.claimedAt),
    closedAt: isoText(s.closedAt),
    dueAt: isoText(s.dueAt),
    heldSince: isoText(s.heldSince),
  }));
  return {
    id: row.id,
    number: Number(row.number),
    typeId: row.type_id,
    flowVersionId: row.flow_version_id,
    title: row.title,
    priority: row.priority,
    category: row.category,
    service: row.service,
    status: row.status,
    customer: row.customer,
    fields: row.fields,
    ownerId: row.owner_id,
    createdBy: row.created_by,
    createdAt: isoText(row.created_at)!,
    updatedAt: isoText(row.updated_at)!,
    closedAt: isoText(row.closed_at),
    slaLevel: row.sla_level,
    slaDueAt: isoText(row.sla_due_at),
    /** tickets.imported_from: set, no engine runs the ticket. */
    importedFrom: row.imported_from,
    stages,
    /** Open tasks as the read model has them, for when the engine cannot answer. */
    openStages: stages
      .filter((s) => s.closedAt === null)
      .map((s) => ({
        id: s.id,
        taskId: s.taskId,
        elementId: s.elementId,
        name: s.name,
        department: s.department,
        outcomes: [] as string[],
        assignee: s.assigneeId,
        openedAt: s.enteredAt,
        claimedAt: s.claimedAt,
        dueAt: s.dueAt,
        held: false,
        slaLevel: s.slaLevel,
        sla: null,
      })),
    /** Every department the ticket has been in: who may see it. */
    departments: [...new Set(stages.flatMap((s) => (s.department ? [s.department] : [])))],
    timeline: row.timeline.map((e) => ({ ...e, at: isoText(e.at)! })),
    extensionRequests: row.extension_requests.map((x) => ({
      ...x,
      decidedAt: isoText(x.decidedAt),
      createdAt: isoText(x.createdAt)!,
    })),
  };
}

export type DetailAsk = { ticketId: string; knownVersion: string | null };
export type DetailAnswer = {
  ticketId: string;
  version: string;
  typeName: string;
  /** Undefined when the asked version is still current. */
  fresh?: { view: TicketView; bytes: number };
};

/** One round trip for any number of tickets; tickets that do not exist are left out. */
export async function queryTicketDetails(pool: Queryable, asks: DetailAsk[]): Promise<DetailAnswer[]> {
  const { rows } = await pool.query<{
    id: string;
    version: string;
    type_name: string;
    detail: string | null;
  }>({
    name: 'ticket-details',
    text: TICKET_DETAILS_SQL,
    values: [JSON.stringify(asks.map((a) => ({ id: a.ticketId, known: a.knownVersion })))],
  });
  return rows.map((row) => ({
    ticketId: row.id,
    version: row.version,
    typeName: row.type_name,
    ...(row.detail === null
      ? {}
      : {
          fresh: {
            view: deepFreeze(viewOf(JSON.parse(row.detail) as TicketDetailRow)),
            bytes: row.detail.length,
          },
        }),
  }));
}

// Kept views are shared by concurrent requests: a handler that changed one would change what
// every later caller sees, so that fails loudly instead.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
