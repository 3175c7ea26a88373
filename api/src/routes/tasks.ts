// Tasks: my tasks and my departments' queue, and the agent actions on one task (through the
// engine runtime); extension requests and their grant/deny by leads and managers.
import { randomUUID } from 'node:crypto';
import type { AppDeps, Principal } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { conflict, forbidden, notFound } from '../http/problem.js';
import { IdParam, iso } from '../http/schemas.js';
import type { TaskEvent } from '../runtime.js';
import { actorFor, assertMayActOn, isAdmin, rejection } from '../tickets/access.js';
import { globalTaskId, parseTaskId, TASK_ID_DESCRIPTION, taskJson } from '../tickets/task-id.js';

const TaskParam = z.object({ id: z.string().min(3).max(400).openapi({ description: TASK_ID_DESCRIPTION }) });

const QueueItemSchema = z
  .object({
    id: z.string().openapi({ description: TASK_ID_DESCRIPTION }),
    ticketId: z.string(),
    ticketNumber: z.number().int(),
    ticketTitle: z.string(),
    priority: z.string(),
    taskId: z.string(),
    elementId: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    assigneeId: z.string().nullable(),
    outcomes: z.array(z.string()),
    enteredAt: z.string(),
    claimedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    slaLevel: z.string(),
  })
  .openapi('QueueItem');

const ActResultSchema = z
  .object({
    ticketId: z.string(),
    ticketStatus: z.string(),
    task: z
      .looseObject({ id: z.string() })
      .nullable()
      .openapi({ description: 'The task after the action, null once it closed.' }),
    openTasks: z.array(z.looseObject({ id: z.string() })),
  })
  .openapi('ActResult');

const ExtensionSchema = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    taskId: z.string().openapi({ description: TASK_ID_DESCRIPTION }),
    department: z.string().nullable(),
    requestedBy: z.string(),
    extendByMs: z.number().int(),
    reason: z.string(),
    status: z.enum(['pending', 'granted', 'denied']),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ExtensionRequest');

type StageRow = { department_key: string | null; closed_at: Date | null; status: string };

export function taskRoutes(deps: AppDeps) {
  const app = newRouter();

  /** The task's stage row, checked for existence and the caller's department. */
  async function stageFor(id: string, principal: Principal) {
    const { ticketId, taskId } = parseTaskId(id);
    const { rows } = await deps.pool.query<StageRow>(
      `select s.department_key, s.closed_at, t.status from stages s join tickets t on t.id = s.ticket_id
       where s.ticket_id = $1 and s.task_id = $2`,
      [ticketId, taskId],
    );
    const stage = rows[0];
    if (!stage) throw notFound('task', id);
    assertMayActOn(principal, stage.department_key, id);
    return { ticketId, taskId, stage };
  }

  async function act(
    id: string,
    principal: Principal,
    build: (taskId: string, actor: ReturnType<typeof actorFor>) => TaskEvent,
  ) {
    const { ticketId, taskId, stage } = await stageFor(id, principal);
    const result = await deps.runtime.act(ticketId, build(taskId, actorFor(principal, stage.department_key)));
    if (!result.ok) throw rejection(result.rejected, `task ${id}`);
    const task = result.tasks.find((t) => t.taskId === taskId);
    return {
      ticketId,
      ticketStatus: result.state.status,
      task: task ? taskJson(ticketId, task) : null,
      openTasks: result.tasks.map((t) => taskJson(ticketId, t)),
    };
  }

  app.openapi(
    defineRoute(['agent', 'manager'], {
      method: 'get',
      path: '/tasks',
      tags: ['tasks'],
      summary: "Open tasks: mine, or my departments' queue, soonest due first",
      request: {
        query: z.object({
          scope: z.enum(['mine', 'department']).default('mine'),
          department: z.string().max(100).optional().openapi({
            description:
              'scope=department: one of your departments (default: all of them; for admins, every department)',
          }),
          limit: z.coerce.number().int().min(1).max(500).default(200),
        }),
      },
      responses: { 200: jsonResponse(z.object({ items: z.array(QueueItemSchema) }), 'Open tasks') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const principal = principalOf(c);
      const values: unknown[] = [q.limit];
      let filter: string;
      if (q.scope === 'mine') {
        values.push(principal.id);
        filter = 's.assignee_id = $2';
      } else {
        if (q.department && !isAdmin(principal) && !principal.departments.includes(q.department)) {
          throw forbidden(`you are not a member of department '${q.department}'`);
        }
        if (!q.department && isAdmin(principal)) {
          filter = 'true'; // an admin's queue is every department's, member or not
        } else {
          values.push(q.department ? [q.department] : principal.departments);
          filter = 's.department_key = any($2::text[])';
        }
      }
      const { rows } = await deps.pool.query<{
        ticket_id: string;
        number: string;
        title: string;
        priority: string;
        task_id: string;
        element_id: string;
        name: string;
        department_key: string | null;
        assignee_id: string | null;
        outcomes: string[] | null;
        entered_at: Date;
        claimed_at: Date | null;
        due_at: Date | null;
        sla_level: string;
      }>(
        `select s.ticket_id, t.number, t.title, t.priority, s.task_id, s.element_id, s.name, s.department_key, s.assignee_id,
           fv.compiled->'nodes'->s.element_id->'outcomes' as outcomes, s.entered_at, s.claimed_at, s.due_at, s.sla_level
         from stages s join tickets t on t.id = s.ticket_id join flow_versions fv on fv.id = t.flow_version_id
         where s.closed_at is null and ${filter}
         order by s.due_at asc nulls last,
           case t.priority when 'urgent' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, s.entered_at
         limit $1`,
        values,
      );
      return c.json(
        {
          items: rows.map((r) => ({
            id: globalTaskId(r.ticket_id, r.task_id),
            ticketId: r.ticket_id,
            ticketNumber: Number(r.number),
            ticketTitle: r.title,
            priority: r.priority,
            taskId: r.task_id,
            elementId: r.element_id,
            name: r.name,
            department: r.department_key,
            assigneeId: r.assignee_id,
            outcomes: Array.isArray(r.outcomes) ? r.outcomes : [],
            enteredAt: r.entered_at.toISOString(),
            claimedAt: iso(r.claimed_at),
            dueAt: iso(r.due_at),
            slaLevel: r.sla_level,
          })),
        },
        200,
      );
    },
  );

  const action = <B extends z.ZodType>(
    name: string,
    summary: string,
    body: B,
    build: (taskId: string, actor: ReturnType<typeof actorFor>, body: z.infer<B>) => TaskEvent,
  ) =>
    app.openapi(
      defineRoute(['agent', 'manager'], {
        method: 'post',
        path: `/tasks/{id}/${name}`,
        tags: ['tasks'],
        summary,
        description:
          "Only members of the task's department (or admins). The engine decides: a closed or taken task answers 409, an outcome not offered 422.",
        request: { params: TaskParam, body: jsonBody(body) },
        responses: { 200: jsonResponse(ActResultSchema, 'Applied') },
      }),
      async (c) => {
        // Already validated by the route; parsed again here because the generic route loses its input types.
        const { id } = TaskParam.parse(c.req.param());
        const payload = body.parse(await c.req.json());
        return c.json(await act(id, principalOf(c), (taskId, actor) => build(taskId, actor, payload)), 200);
      },
    );

  action('claim', 'Claim a task (assign it to yourself)', z.strictObject({}), (taskId, actor) => ({
    type: 'task.claimed',
    taskId,
    actor,
  }));
  action(
    'complete',
    'Complete a task with one of its outcomes and optional data',
    z.strictObject({
      outcome: z.string().max(100).optional(),
      data: z.record(z.string().max(100), z.unknown()).optional(),
    }),
    (taskId, actor, b) => ({
      type: 'task.completed',
      taskId,
      actor,
      ...(b.outcome ? { outcome: b.outcome } : {}),
      ...(b.data ? { data: b.data } : {}),
    }),
  );
  action(
    'transfer',
    "Transfer the ticket to another department's entry task",
    z.strictObject({ department: z.string().min(1).max(100), reason: z.string().max(2000).optional() }),
    (taskId, actor, b) => ({
      type: 'task.transferred',
      taskId,
      actor,
      department: b.department,
      ...(b.reason ? { reason: b.reason } : {}),
    }),
  );
  action(
    'return',
    'Return the ticket to the task that handed it over',
    z.strictObject({ reason: z.string().max(2000).optional() }),
    (taskId, actor, b) => ({
      type: 'task.returned',
      taskId,
      actor,
      ...(b.reason ? { reason: b.reason } : {}),
    }),
  );
  action(
    'hold',
    'Put a task on hold (pauses its SLA clock), e.g. waiting for the customer',
    z.strictObject({ reason: z.string().trim().min(1).max(2000) }),
    (taskId, actor, b) => ({ type: 'task.held', taskId, actor, reason: b.reason }),
  );
  action('resume', 'Resume a held task', z.strictObject({}), (taskId, actor) => ({
    type: 'task.resumed',
    taskId,
    actor,
  }));

  const extensionSelect = `select x.id, x.ticket_id, x.task_id, s.department_key, x.requested_by, x.extend_by_ms, x.reason, x.status,
      x.decided_by, x.decided_at, x.decision_note, x.created_at
    from extension_requests x left join stages s on s.ticket_id = x.ticket_id and s.task_id = x.task_id`;
  type ExtensionRow = {
    id: string;
    ticket_id: string;
    task_id: string;
    department_key: string | null;
    requested_by: string;
    extend_by_ms: string;
    reason: string;
    status: 'pending' | 'granted' | 'denied';
    decided_by: string | null;
    decided_at: Date | null;
    decision_note: string | null;
    created_at: Date;
  };
  const extensionJson = (r: ExtensionRow) => ({
    id: r.id,
    ticketId: r.ticket_id,
    taskId: globalTaskId(r.ticket_id, r.task_id),
    department: r.department_key,
    requestedBy: r.requested_by,
    extendByMs: Number(r.extend_by_ms),
    reason: r.reason,
    status: r.status,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionNote: r.decision_note,
    createdAt: r.created_at.toISOString(),
  });
  const loadExtension = async (id: string) => {
    const { rows } = await deps.pool.query<ExtensionRow>(`${extensionSelect} where x.id = $1`, [id]);
    return rows[0];
  };

  /** The request a principal may decide, or the 404/403 that says why not. */
  const decidableRequest = async (id: string, principal: Principal) => {
    const request = await loadExtension(id);
    if (!request) throw notFound('extension request', id);
    assertMayDecide(principal, request.department_key, id);
    return request;
  };

  app.openapi(
    defineRoute(['agent', 'manager'], {
      method: 'post',
      path: '/tasks/{id}/extension-requests',
      tags: ['tasks'],
      summary: "Ask the department lead for more time on a task's deadline",
      request: {
        params: TaskParam,
        body: jsonBody(
          z.strictObject({
            extendByMinutes: z
              .number()
              .int()
              .min(1)
              .max(60 * 24 * 90),
            reason: z.string().trim().min(1).max(2000),
          }),
        ),
      },
      responses: { 201: jsonResponse(ExtensionSchema, 'Requested') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = principalOf(c);
      const { ticketId, taskId, stage } = await stageFor(id, principal);
      if (stage.closed_at) throw conflict(`task ${id} is already closed`);
      const pending = await deps.pool.query(
        "select 1 from extension_requests where ticket_id = $1 and task_id = $2 and status = 'pending'",
        [ticketId, taskId],
      );
      if (pending.rowCount) throw conflict(`task ${id} already has a pending extension request`);
      const requestId = randomUUID();
      await deps.pool.query(
        `insert into extension_requests (id, ticket_id, task_id, requested_by, extend_by_ms, reason, created_at)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [
          requestId,
          ticketId,
          taskId,
          principal.id,
          body.extendByMinutes * 60_000,
          body.reason,
          new Date(deps.config.now()),
        ],
      );
      return c.json(extensionJson((await loadExtension(requestId))!), 201);
    },
  );

  app.openapi(
    defineRoute(['agent', 'manager'], {
      method: 'get',
      path: '/extension-requests',
      tags: ['tasks'],
      summary: 'Extension requests of the departments you lead or manage (admins: all)',
      request: { query: z.object({ status: z.enum(['pending', 'granted', 'denied']).default('pending') }) },
      responses: { 200: jsonResponse(z.object({ items: z.array(ExtensionSchema) }), 'Requests') },
    }),
    async (c) => {
      const { status } = c.req.valid('query');
      const principal = principalOf(c);
      const all = isAdmin(principal);
      const { rows } = await deps.pool.query<ExtensionRow>(
        `${extensionSelect} where x.status = $1 and ($2::boolean or s.department_key = any($3::text[]) or x.requested_by = $4)
         order by x.created_at`,
        [status, all, decidingDepartments(principal), principal.id],
      );
      return c.json({ items: rows.map(extensionJson) }, 200);
    },
  );

  /** Leads of the department, managers in it, and admins decide. */
  function assertMayDecide(principal: Principal, department: string | null, id: string) {
    if (isAdmin(principal)) return;
    if (!department || !decidingDepartments(principal).includes(department)) {
      throw forbidden(
        `only the lead or a manager of department '${department ?? 'none'}' may decide extension request ${id}`,
      );
    }
  }

  const DecisionBody = z.strictObject({ note: z.string().max(2000).optional() });

  app.openapi(
    defineRoute(['agent', 'manager'], {
      method: 'post',
      path: '/extension-requests/{id}/grant',
      tags: ['tasks'],
      summary: "Grant an extension: the task's deadline moves by the requested time",
      request: { params: IdParam, body: jsonBody(DecisionBody) },
      responses: { 200: jsonResponse(ExtensionSchema, 'Granted') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { note } = c.req.valid('json');
      const principal = principalOf(c);
      const request = await decidableRequest(id, principal);
      // Lock the request so two grants cannot extend the deadline twice.
      const client = await deps.pool.connect();
      try {
        await client.query('begin');
        const locked = await client.query<{ status: string }>(
          'select status from extension_requests where id = $1 for update',
          [id],
        );
        if (locked.rows[0]?.status !== 'pending')
          throw conflict(`extension request ${id} is already ${locked.rows[0]?.status}`);
        const result = await deps.runtime.act(request.ticket_id, {
          type: 'task.extensionGranted',
          taskId: request.task_id,
          actor: actorFor(principal, request.department_key),
          extendByMs: Number(request.extend_by_ms),
        });
        if (!result.ok) throw rejection(result.rejected, `grant extension request ${id}`);
        await client.query(
          "update extension_requests set status = 'granted', decided_by = $2, decided_at = $3, decision_note = $4 where id = $1",
          [id, principal.id, new Date(deps.config.now()), note ?? null],
        );
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      return c.json(extensionJson((await loadExtension(id))!), 200);
    },
  );

  app.openapi(
    defineRoute(['agent', 'manager'], {
      method: 'post',
      path: '/extension-requests/{id}/deny',
      tags: ['tasks'],
      summary: 'Deny an extension request (the deadline stays)',
      request: { params: IdParam, body: jsonBody(DecisionBody) },
      responses: { 200: jsonResponse(ExtensionSchema, 'Denied') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { note } = c.req.valid('json');
      const principal = principalOf(c);
      const request = await decidableRequest(id, principal);
      const updated = await deps.pool.query(
        "update extension_requests set status = 'denied', decided_by = $2, decided_at = $3, decision_note = $4 where id = $1 and status = 'pending'",
        [id, principal.id, new Date(deps.config.now()), note ?? null],
      );
      if (updated.rowCount === 0) throw conflict(`extension request ${id} is already ${request.status}`);
      return c.json(extensionJson((await loadExtension(id))!), 200);
    },
  );

  return app;
}

/** Departments whose extension requests the principal decides: those they lead, and as manager those they belong to. */
const decidingDepartments = (p: Principal) => [
  ...new Set([...p.leads, ...(p.roles.includes('manager') ? p.departments : [])]),
];
