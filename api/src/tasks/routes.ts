// Task routes: my tasks and my departments' queue, the agent actions on one task, extension
// requests and their grant or denial.
import { EXTENSION_STATUSES, PRIORITIES, TICKET_STATUSES } from '@baton/db';
import type { Actor } from '@baton/engine';
import type { TaskEvent } from '@baton/workflows';
import { mayDecideExtension } from '../access/extensions.js';
import { TASK_ACTORS } from '../access/roles.js';
import type { AppDeps, Principal } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { ExtensionStatusSchema, IdParam, iso, SlaLevelSchema } from '../http/schemas.js';
import { actOnTask } from './act-on-task.js';
import {
  denyExtension,
  grantExtension,
  listExtensionRequests,
  requestExtension,
  type Decision,
  type ExtensionRow,
} from './extension-requests.js';
import { ImportedFromSchema, OpenTaskSchema, TaskActionsSchema } from './open-task-json.js';
import type { OpenTasks } from './open-tasks.js';
import { listQueue } from './queue.js';
import type { CompiledFlows } from '../flows/compiled-flows.js';
import { globalTaskId, TASK_ID_DESCRIPTION } from './task-id.js';

const TaskParam = z.object({ id: z.string().min(3).max(400).openapi({ description: TASK_ID_DESCRIPTION }) });

const QueueItemSchema = z
  .object({
    id: z.string().openapi({ description: TASK_ID_DESCRIPTION }),
    ticketId: z.string(),
    ticketNumber: z.number().int(),
    ticketTitle: z.string(),
    priority: z.enum(PRIORITIES),
    importedFrom: ImportedFromSchema,
    taskId: z.string(),
    elementId: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    assigneeId: z.string().nullable(),
    outcomes: z.array(z.string()),
    enteredAt: z.string(),
    claimedAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    slaLevel: SlaLevelSchema,
    actions: TaskActionsSchema,
  })
  .openapi('QueueItem');

const ActResultSchema = z
  .object({
    ticketId: z.string(),
    ticketStatus: z.enum(TICKET_STATUSES).openapi({
      description: "The ticket's status after the action, as the ticket list and detail say it.",
    }),
    task: z
      .union([OpenTaskSchema, z.null()])
      .openapi({ description: 'The task after the action, null once it closed.' }),
    openTasks: z.array(OpenTaskSchema),
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
    status: ExtensionStatusSchema,
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    grantedMs: z.number().int().nullable().openapi({
      description: 'The time granted (the lead may grant less or more than asked); null unless granted.',
    }),
    createdAt: z.string(),
    ticketNumber: z.number().int(),
    ticketTitle: z.string(),
    taskName: z.string().nullable(),
    taskDueAt: z.string().nullable().openapi({ description: "The task's deadline now." }),
    mayDecide: z.boolean().openapi({ description: 'The caller may grant or deny it (while it is pending).' }),
  })
  .openapi('ExtensionRequest');

const extensionJson = (principal: Principal, r: ExtensionRow) => ({
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
  grantedMs: r.granted_ms === null ? null : Number(r.granted_ms),
  createdAt: r.created_at.toISOString(),
  ticketNumber: Number(r.ticket_number),
  ticketTitle: r.ticket_title,
  taskName: r.task_name,
  taskDueAt: iso(r.task_due_at),
  mayDecide: r.status === 'pending' && mayDecideExtension(principal, r.department_key),
});

const EXTEND_BY_MINUTES = z
  .number()
  .int()
  .min(1)
  .max(60 * 24 * 90);

const DecisionBodies = {
  grant: z.strictObject({
    note: z.string().max(2000).optional(),
    extendByMinutes: EXTEND_BY_MINUTES.optional().openapi({
      description: 'The time to grant; default: the time asked for.',
    }),
  }),
  deny: z.strictObject({
    note: z.string().max(2000).optional().openapi({ description: 'Why; the timeline shows it.' }),
  }),
};

export function taskRoutes(deps: AppDeps, openTasks: OpenTasks, flows: CompiledFlows) {
  const app = newRouter();

  app.openapi(
    defineRoute(TASK_ACTORS, {
      method: 'get',
      path: '/tasks',
      tags: ['tasks'],
      summary: "Open tasks: mine, or my departments' queue, soonest due first",
      description:
        '`actions` come from the read model (the queue does not ask the engine per task); the ticket detail has them from the live state.',
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
      const queue = await listQueue(deps.pool, flows, principalOf(c), c.req.valid('query'));
      return c.json(
        {
          items: queue.map(({ row: r, outcomes, actions }) => ({
            id: globalTaskId(r.ticket_id, r.task_id),
            ticketId: r.ticket_id,
            ticketNumber: Number(r.number),
            ticketTitle: r.title,
            priority: r.priority,
            importedFrom: r.imported_from,
            taskId: r.task_id,
            elementId: r.element_id,
            name: r.name,
            department: r.department_key,
            assigneeId: r.assignee_id,
            outcomes,
            enteredAt: r.entered_at.toISOString(),
            claimedAt: iso(r.claimed_at),
            dueAt: iso(r.due_at),
            slaLevel: r.sla_level,
            actions,
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
    build: (taskId: string, actor: Actor, body: z.infer<B>) => TaskEvent,
  ) =>
    app.openapi(
      defineRoute(TASK_ACTORS, {
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
        const principal = principalOf(c);
        const acted = await actOnTask(
          deps,
          principal,
          id,
          (taskId, actor) => build(taskId, actor, payload),
          c.get('requestId'),
        );
        const tasks = await openTasks.afterAction(acted.ticketId, principal, acted.tasks);
        return c.json(
          {
            ticketId: acted.ticketId,
            ticketStatus: acted.status,
            task: tasks.find((t) => t.taskId === acted.taskId) ?? null,
            openTasks: tasks,
          },
          200,
        );
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

  app.openapi(
    defineRoute(TASK_ACTORS, {
      method: 'post',
      path: '/tasks/{id}/extension-requests',
      tags: ['tasks'],
      summary: "Ask the department lead for more time on a task's deadline",
      description:
        'The task must be open, its ticket run by the engine (else 409 ticket-not-running: the ticket was imported, or the engine lost it), have an SLA deadline (else 422) and no request pending (else 409).',
      request: {
        params: TaskParam,
        body: jsonBody(
          z.strictObject({
            extendByMinutes: EXTEND_BY_MINUTES,
            reason: z.string().trim().min(1).max(2000),
          }),
        ),
      },
      responses: { 201: jsonResponse(ExtensionSchema, 'Requested') },
    }),
    async (c) => {
      const { extendByMinutes, reason } = c.req.valid('json');
      const request = await requestExtension(deps, principalOf(c), c.req.valid('param').id, {
        extendByMs: extendByMinutes * 60_000,
        reason,
      });
      return c.json(extensionJson(principalOf(c), request), 201);
    },
  );

  app.openapi(
    defineRoute(TASK_ACTORS, {
      method: 'get',
      path: '/extension-requests',
      tags: ['tasks'],
      summary: 'Extension requests of the departments you lead or manage (admins: all), and your own',
      description:
        '`scope=decide`: only those you decide (the leads’ queue), without the ones you only asked for.',
      // The values inline, not the component: a default on a referenced schema is lost in the document.
      request: {
        query: z.object({
          status: z.enum(EXTENSION_STATUSES).default('pending'),
          scope: z.enum(['all', 'decide']).default('all'),
        }),
      },
      responses: { 200: jsonResponse(z.object({ items: z.array(ExtensionSchema) }), 'Requests') },
    }),
    async (c) => {
      const { status, scope } = c.req.valid('query');
      const principal = principalOf(c);
      const rows = await listExtensionRequests(deps.pool, principal, status, scope);
      return c.json({ items: rows.map((r) => extensionJson(principal, r)) }, 200);
    },
  );

  const decision = (name: 'grant' | 'deny', summary: string, answer: string, decide: Decision) =>
    app.openapi(
      defineRoute(TASK_ACTORS, {
        method: 'post',
        path: `/extension-requests/{id}/${name}`,
        tags: ['tasks'],
        summary,
        request: { params: IdParam, body: jsonBody(DecisionBodies[name]) },
        responses: { 200: jsonResponse(ExtensionSchema, answer) },
      }),
      async (c) => {
        // Parsed again here because the generic route loses its input types.
        const { id } = IdParam.parse(c.req.param());
        const body: { note?: string; extendByMinutes?: number } = DecisionBodies[name].parse(
          await c.req.json(),
        );
        const principal = principalOf(c);
        const decided = await decide(deps, principal, id, {
          ...(body.note === undefined ? {} : { note: body.note }),
          ...(body.extendByMinutes === undefined ? {} : { extendByMs: body.extendByMinutes * 60_000 }),
        });
        return c.json(extensionJson(principal, decided), 200);
      },
    );

  decision(
    'grant',
    "Grant an extension: the task's deadline moves by the time asked, or by `extendByMinutes`",
    'Granted',
    grantExtension,
  );
  decision(
    'deny',
    "Deny an extension request: the deadline stays, the ticket's timeline records the denial",
    'Denied',
    denyExtension,
  );

  return app;
}
