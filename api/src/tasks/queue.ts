// The task queue: my open tasks, or my departments' (an admin's: every department's), soonest due
// first, the more urgent first at equal deadlines, each with the caller's actions on it.
//
// The queue reads only the read model, so the engine-side flags come from the read-model rules
// (access/read-model-verdicts.ts), with what the rows below tell them:
// - held: the task's last hold came after its last resume and after the ticket's last customer
//   message (a message resumes every held task);
// - handed over by: the engine's own word, which the run writes with the stage (stages
//   handed_over_by); a stage written before it was recorded offers no return;
// - a ticket imported from an older system (tickets.imported_from) has no run: its tasks offer
//   nothing the engine decides, nor an extension request, and only an admin may cancel it (which
//   closes it in the read model, as for a ticket the engine lost);
// - any other ticket runs in the engine while the read model says it is not finished (an engine
//   that lost it answers any action with 409).
import type { Pool } from 'pg';
import type { Priority, SlaLevel, TicketStatus } from '@baton/engine';
import { importedRun } from '../access/no-run.js';
import { readModelVerdicts } from '../access/read-model-verdicts.js';
import { actorFor, queueDepartments } from '../access/task-access.js';
import { taskActions } from '../access/task-actions.js';
import { mayCancelNow, ticketOwners } from '../access/ticket-writes.js';
import { ticketVisibilitySql } from '../access/ticket-visibility.js';
import type { CompiledFlows } from '../flows/compiled-flows.js';
import type { Principal } from '../http/env.js';
import { sqlParameters } from '../sql/parameters.js';
import { isFinished } from '../tickets/ticket-status.js';

export type QueueQuery = { scope: 'mine' | 'department'; department?: string; limit: number };

type QueueRow = {
  ticket_id: string;
  number: string;
  title: string;
  priority: Priority;
  status: TicketStatus;
  created_by: string | null;
  imported_from: string | null;
  /** The departments of the ticket's open tasks (this one among them): who is in charge of it. */
  open_departments: (string | null)[];
  flow_version_id: string;
  visible: boolean;
  task_id: string;
  element_id: string;
  name: string;
  department_key: string | null;
  assignee_id: string | null;
  entered_at: Date;
  claimed_at: Date | null;
  due_at: Date | null;
  sla_level: SlaLevel;
  has_sla: boolean;
  pending_extension: boolean;
  held: boolean;
  handed_over_by: string | null;
};

/** The task rows the scope selects, as a condition on `stages s`; 403 for a department not the caller's. */
function scopeCondition(principal: Principal, q: QueueQuery, add: (value: unknown) => string): string {
  if (q.scope === 'mine') return `s.assignee_id = ${add(principal.id)}`;
  const departments = queueDepartments(principal, q.department);
  return departments === undefined ? 'true' : `s.department_key = any(${add(departments)}::text[])`;
}

export async function listQueue(pool: Pool, flows: CompiledFlows, principal: Principal, q: QueueQuery) {
  const params = sqlParameters();
  const limit = params.add(q.limit);
  const filter = scopeCondition(principal, q, params.add);
  // The queue shows tasks of tickets one may not see (another department's task assigned to me):
  // those offer no cancel.
  const visible = ticketVisibilitySql(principal, params) ?? 'true';
  const { rows } = await pool.query<QueueRow>(
    `select s.ticket_id, t.number, t.title, t.priority, t.status, t.created_by, t.imported_from, t.flow_version_id,
       array(select o.department_key from stages o where o.ticket_id = s.ticket_id and o.closed_at is null)
         as open_departments,
       ${visible} as visible,
       s.task_id, s.element_id, s.name, s.department_key, s.assignee_id, s.entered_at, s.claimed_at, s.due_at,
       s.sla_level, s.sla_target_ms is not null as has_sla,
       exists (select 1 from extension_requests x
         where x.ticket_id = s.ticket_id and x.task_id = s.task_id and x.status = 'pending') as pending_extension,
       coalesce((select e.type = 'task.held' from ticket_events e
         where e.ticket_id = s.ticket_id
           and ((e.task_id = s.task_id and e.type in ('task.held', 'task.resumed')) or e.type = 'message.received')
         order by e.seq desc, e.ord desc limit 1), false) as held,
       s.handed_over_by
     from stages s join tickets t on t.id = s.ticket_id
     where s.closed_at is null and ${filter}
     order by s.due_at asc nulls last,
       case t.priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, s.entered_at
     limit ${limit}`,
    params.values,
  );
  return Promise.all(
    rows.map(async (r) => {
      const flow = await flows.get(r.flow_version_id);
      const node = flow?.nodes[r.element_id];
      const facts = {
        elementId: r.element_id,
        department: r.department_key,
        assignee: r.assignee_id,
        held: r.held,
        ...(r.handed_over_by === null ? {} : { handedOverBy: r.handed_over_by }),
      };
      const noRun = importedRun(r.imported_from);
      const stage = {
        department: r.department_key,
        closed: false,
        hasSla: r.has_sla,
        pendingExtension: r.pending_extension,
        ...(noRun ? { noRun } : {}),
      };
      const ticket = {
        createdBy: r.created_by,
        owners: ticketOwners(r.open_departments.map((department) => ({ department, closedAt: null }))),
        finished: isFinished(r.status),
      };
      const cancel = r.visible && mayCancelNow(principal, ticket, noRun ? 'lost' : 'accepts');
      const engine = readModelVerdicts(flow, facts, actorFor(principal, r.department_key));
      return {
        row: r,
        outcomes: node?.kind === 'userTask' ? node.outcomes : [],
        actions: taskActions(principal, stage, engine, cancel),
      };
    }),
  );
}
