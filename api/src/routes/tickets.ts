// Tickets: create (validated custom fields, started on the type's latest flow version), list
// with filters and cursor pagination, read one with open tasks and explained deadlines, cancel,
// customer messages.
import { desc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Flow } from '@baton/engine';
import {
  CATEGORIES,
  flowVersions,
  PRIORITIES,
  TICKET_STATUSES,
  ticketTypes,
  type FieldDefinition,
} from '@baton/db';
import type { AppDeps, Principal } from '../http/env.js';
import { defineRoute, hasRole, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { conflict, forbidden, invalid, notFound } from '../http/problem.js';
import { IdParam, iso } from '../http/schemas.js';
import { actorFor, readsAllTickets, rejection, visibleDepartments } from '../tickets/access.js';
import { createDetailCache } from '../tickets/detail-cache.js';
import { isoText, maySee, type TicketView } from '../tickets/detail.js';
import { createDetailLoader } from '../tickets/detail-loader.js';
import { fieldErrors } from '../tickets/fields.js';
import { globalTaskId, TASK_ID_DESCRIPTION, taskJson } from '../tickets/task-id.js';

const CustomerSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z.string().max(50).optional(),
    tier: z.string().max(50).optional(),
  })
  .openapi('Customer');

const OpenTaskSchema = z
  .looseObject({
    id: z.string().openapi({ description: TASK_ID_DESCRIPTION }),
    taskId: z.string(),
    elementId: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    outcomes: z.array(z.string()),
    assignee: z.string().nullable(),
    openedAt: z.string(),
    dueAt: z.string().nullable(),
    held: z.boolean(),
    slaLevel: z.string(),
    sla: z.unknown().openapi({
      description:
        'Why the deadline is where it is: business segments, pauses, extensions (null when not live).',
    }),
  })
  .openapi('OpenTask');

const TicketDetailSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    type: z.object({ id: z.string(), name: z.string() }),
    flowVersionId: z.string(),
    title: z.string(),
    priority: z.string(),
    category: z.string(),
    service: z.string().nullable(),
    status: z.string(),
    customer: z.record(z.string(), z.unknown()),
    fields: z.record(z.string(), z.unknown()),
    ownerId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    sla: z.object({ level: z.string(), dueAt: z.string().nullable(), explanation: z.unknown() }),
    live: z.boolean().openapi({
      description:
        'False when the engine does not know the ticket (e.g. an in-memory runtime restarted): open tasks come from the read model.',
    }),
    openTasks: z.array(OpenTaskSchema),
    stages: z.array(z.looseObject({ id: z.string(), taskId: z.string() })),
    timeline: z.array(z.looseObject({ seq: z.number(), type: z.string(), at: z.string() })),
    extensionRequests: z.array(z.looseObject({ id: z.string() })),
  })
  .openapi('TicketDetail');

const TicketSummarySchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    typeId: z.string(),
    title: z.string(),
    priority: z.string(),
    category: z.string(),
    service: z.string().nullable(),
    status: z.string(),
    slaLevel: z.string(),
    slaDueAt: z.string().nullable(),
    customer: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    openTasks: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        department: z.string().nullable(),
        assigneeId: z.string().nullable(),
        dueAt: z.string().nullable(),
        slaLevel: z.string(),
      }),
    ),
  })
  .openapi('TicketSummary');

const TICKET_CREATORS = ['agent', 'manager', 'developer'] as const;
const TICKET_READERS = ['agent', 'manager', 'developer', 'process_owner'] as const;

export function ticketRoutes(deps: AppDeps) {
  const app = newRouter();

  /** The engine's view; when the engine cannot answer, the read model still shows the ticket. */
  async function readLive(ticketId: string) {
    try {
      return await deps.runtime.readState(ticketId);
    } catch (error) {
      deps.log.warn({ err: error, ticketId }, 'engine did not answer readState; showing the read model only');
      return undefined;
    }
  }

  const details = createDetailLoader({
    pool: deps.pool,
    cache: createDetailCache<TicketView>({ maxBytes: deps.config.detailCacheBytes }),
  });

  /** The ticket as the caller may see it; 404 when there is none, 403 when it is not theirs to see. */
  async function visibleTicket(ticketId: string, principal: Principal) {
    const found = await details.load(ticketId);
    if (!found) throw notFound('ticket', ticketId);
    if (!maySee(found.view, principal))
      throw forbidden(`ticket ${ticketId} has not been in any of your departments`);
    return found;
  }

  async function detail(ticketId: string, principal: Principal) {
    const { view, typeName } = await visibleTicket(ticketId, principal);
    const live = view.status === 'done' || view.status === 'cancelled' ? undefined : await readLive(ticketId);
    return {
      id: view.id,
      number: view.number,
      type: { id: view.typeId, name: typeName },
      flowVersionId: view.flowVersionId,
      title: view.title,
      priority: view.priority,
      category: view.category,
      service: view.service,
      status: view.status,
      customer: view.customer,
      fields: view.fields,
      ownerId: view.ownerId,
      createdBy: view.createdBy,
      createdAt: view.createdAt,
      updatedAt: view.updatedAt,
      closedAt: view.closedAt,
      sla: { level: view.slaLevel, dueAt: view.slaDueAt, explanation: live?.sla.ticket ?? null },
      live: live !== undefined,
      openTasks: live
        ? live.tasks.map((t) => ({ ...taskJson(view.id, t), sla: live.sla.tasks[t.taskId] ?? null }))
        : view.openStages,
      stages: view.stages,
      timeline: view.timeline,
      extensionRequests: view.extensionRequests,
    };
  }

  app.openapi(
    defineRoute(TICKET_CREATORS, {
      method: 'post',
      path: '/tickets',
      tags: ['tickets'],
      summary: "Create a ticket and start it on its type's latest flow version",
      description:
        "Custom `fields` are checked against the ticket type's field definitions (required, type, options). If the engine cannot start the ticket, nothing is kept.",
      request: {
        body: jsonBody(
          z.strictObject({
            typeId: z.string().min(1).max(100),
            title: z.string().trim().min(1).max(300),
            priority: z.enum(PRIORITIES).optional(),
            category: z.enum(CATEGORIES).optional(),
            service: z.string().max(200).optional(),
            customer: CustomerSchema.default({}),
            fields: z.record(z.string().max(100), z.unknown()).default({}),
          }),
        ),
      },
      responses: { 201: jsonResponse(TicketDetailSchema, 'Created and started') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const principal = principalOf(c);
      const [type] = await deps.db.select().from(ticketTypes).where(eq(ticketTypes.id, body.typeId));
      if (!type)
        throw invalid(`ticket type '${body.typeId}' does not exist`, [
          { path: 'body.typeId', message: 'unknown ticket type' },
        ]);
      const defaults = type.defaults as {
        priority?: (typeof PRIORITIES)[number];
        category?: (typeof CATEGORIES)[number];
        service?: string;
        fields?: Record<string, unknown>;
      };
      const fields = { ...(defaults.fields ?? {}), ...body.fields };
      const errors = fieldErrors(type.fields as FieldDefinition[], fields);
      if (errors.length > 0) throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
      const [version] = await deps.db
        .select({ id: flowVersions.id, compiled: flowVersions.compiled })
        .from(flowVersions)
        .where(eq(flowVersions.ticketTypeId, type.id))
        .orderBy(desc(flowVersions.version))
        .limit(1);
      if (!version)
        throw invalid(`ticket type '${type.id}' has no deployed flow yet`, [
          { path: 'body.typeId', message: 'no deployed flow' },
        ]);

      const ticket = {
        id: randomUUID(),
        typeId: type.id,
        flowVersionId: version.id,
        title: body.title,
        priority: body.priority ?? defaults.priority ?? 'medium',
        category: body.category ?? defaults.category ?? 'other',
        service: body.service ?? defaults.service ?? null,
        customer: body.customer,
        fields,
      };
      // The API writes no row itself: the run's first recorded step creates the tickets row in the
      // same transaction as its first stage and timeline entry, and startTicket resolves once that
      // is written. So a failed or crashed start leaves no ticket behind, and a started run (on
      // Temporal, even if this process dies now) always ends up with its row.
      try {
        await deps.runtime.startTicket({
          flow: version.compiled as Flow,
          ticket: {
            ticketId: ticket.id,
            typeId: ticket.typeId,
            flowVersionId: ticket.flowVersionId,
            createdBy: principal.id,
            // Form fields are also top-level variables so conditions can say `orderAmount > 100`;
            // the ticket's own attributes win over a field of the same name.
            variables: {
              ...ticket.fields,
              title: ticket.title,
              priority: ticket.priority,
              category: ticket.category,
              service: ticket.service,
              customer: ticket.customer,
              fields: ticket.fields,
            },
          },
        });
      } catch (error) {
        deps.log.error(
          { err: error, ticketId: ticket.id, flowVersionId: version.id },
          'ticket start failed; no ticket was created',
        );
        throw error;
      }
      deps.log.info({ ticketId: ticket.id, typeId: type.id, userId: principal.id }, 'ticket created');
      return c.json(await detail(ticket.id, principal), 201);
    },
  );

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/tickets',
      tags: ['tickets'],
      summary: 'List tickets, newest first, with filters and cursor pagination',
      description:
        '`department` and `assignee` match open tasks (`assignee=me` for yourself); `overdue=true` keeps tickets with an overdue ticket or task SLA; `q` searches title, number and customer. Pass `nextCursor` back as `cursor`. Agents and managers see tickets that have been in their departments or that they created.',
      request: {
        query: z.object({
          type: z.string().max(100).optional(),
          status: z.enum(TICKET_STATUSES).optional(),
          department: z.string().max(100).optional(),
          assignee: z.string().max(200).optional(),
          priority: z.enum(PRIORITIES).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          q: z.string().max(200).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(TicketSummarySchema), nextCursor: z.string().nullable() }),
          'A page of tickets',
        ),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const principal = principalOf(c);
      const values: unknown[] = [];
      const param = (value: unknown) => {
        values.push(value);
        return `$${values.length}`;
      };
      const where: string[] = [];
      if (!readsAllTickets(principal)) {
        const me = param(principal.id);
        where.push(
          `(t.created_by = ${me} or t.owner_id = ${me} or exists (select 1 from stages v where v.ticket_id = t.id and v.department_key = any(${param(visibleDepartments(principal))}::text[])))`,
        );
      }
      if (q.type) where.push(`t.type_id = ${param(q.type)}`);
      if (q.status) where.push(`t.status = ${param(q.status)}`);
      if (q.priority) where.push(`t.priority = ${param(q.priority)}`);
      if (q.department)
        where.push(
          `exists (select 1 from stages s where s.ticket_id = t.id and s.closed_at is null and s.department_key = ${param(q.department)})`,
        );
      if (q.assignee) {
        where.push(
          `exists (select 1 from stages s where s.ticket_id = t.id and s.closed_at is null and s.assignee_id = ${param(q.assignee === 'me' ? principal.id : q.assignee)})`,
        );
      }
      if (q.overdue === 'true') {
        where.push(
          `(t.sla_level in ('overdue', 'severe') or exists (select 1 from stages s where s.ticket_id = t.id and s.closed_at is null and s.sla_level in ('overdue', 'severe')))`,
        );
      } else if (q.overdue === 'false') {
        where.push(
          `not (t.sla_level in ('overdue', 'severe') or exists (select 1 from stages s where s.ticket_id = t.id and s.closed_at is null and s.sla_level in ('overdue', 'severe')))`,
        );
      }
      if (q.q) {
        const text = q.q.trim();
        const like = param(`%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
        const number = /^#?\d{1,15}$/.test(text)
          ? ` or t.number = ${param(Number(text.replace('#', '')))}`
          : '';
        where.push(
          `(t.title ilike ${like} or t.customer->>'email' ilike ${like} or t.customer->>'name' ilike ${like}${number})`,
        );
      }
      if (q.cursor) {
        const cursor = param(q.cursor);
        where.push(
          `(t.created_at, t.id) < (select k.created_at, k.id from tickets k where k.id = ${cursor})`,
        );
      }
      const limit = param(q.limit + 1);
      const { rows } = await deps.pool.query<{
        id: string;
        number: string;
        type_id: string;
        title: string;
        priority: string;
        category: string;
        service: string | null;
        status: string;
        sla_level: string;
        sla_due_at: Date | null;
        customer: Record<string, unknown>;
        created_at: Date;
        updated_at: Date;
        closed_at: Date | null;
        open_tasks: {
          taskId: string;
          name: string;
          department: string | null;
          assigneeId: string | null;
          dueAt: string | null;
          slaLevel: string;
        }[];
      }>(
        `select t.id, t.number, t.type_id, t.title, t.priority, t.category, t.service, t.status, t.sla_level, t.sla_due_at,
           t.customer, t.created_at, t.updated_at, t.closed_at,
           coalesce((select json_agg(json_build_object('taskId', s.task_id, 'name', s.name, 'department', s.department_key,
               'assigneeId', s.assignee_id, 'dueAt', s.due_at, 'slaLevel', s.sla_level) order by s.entered_at)
             from stages s where s.ticket_id = t.id and s.closed_at is null), '[]') as open_tasks
         from tickets t
         ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
         order by t.created_at desc, t.id desc
         limit ${limit}`,
        values,
      );
      const page = rows.slice(0, q.limit);
      return c.json(
        {
          items: page.map((t) => ({
            id: t.id,
            number: Number(t.number),
            typeId: t.type_id,
            title: t.title,
            priority: t.priority,
            category: t.category,
            service: t.service,
            status: t.status,
            slaLevel: t.sla_level,
            slaDueAt: iso(t.sla_due_at),
            customer: t.customer,
            createdAt: t.created_at.toISOString(),
            updatedAt: t.updated_at.toISOString(),
            closedAt: iso(t.closed_at),
            openTasks: t.open_tasks.map((s) => ({
              id: globalTaskId(t.id, s.taskId),
              name: s.name,
              department: s.department,
              assigneeId: s.assigneeId,
              dueAt: isoText(s.dueAt),
              slaLevel: s.slaLevel,
            })),
          })),
          nextCursor: rows.length > q.limit ? (page[page.length - 1]?.id ?? null) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/tickets/{id}',
      tags: ['tickets'],
      summary:
        'One ticket: fields, open tasks with explained deadlines, stages, timeline, extension requests',
      request: { params: IdParam },
      responses: { 200: jsonResponse(TicketDetailSchema, 'The ticket') },
    }),
    async (c) => c.json(await detail(c.req.valid('param').id, principalOf(c)), 200),
  );

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/tickets/{id}/stages',
      tags: ['tickets'],
      summary: "The ticket's stages (one per user-task instance) with wall-clock and business durations",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(z.looseObject({ id: z.string(), taskId: z.string() })) }),
          'Stages',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { view } = await visibleTicket(id, principalOf(c));
      return c.json({ items: view.stages }, 200);
    },
  );

  async function actionableTicket(id: string, principal: Principal) {
    const { view } = await visibleTicket(id, principal);
    if (view.status === 'done' || view.status === 'cancelled')
      throw conflict(`ticket ${id} is already ${view.status}`);
    return view;
  }

  app.openapi(
    defineRoute(['agent', 'manager', 'developer'], {
      method: 'post',
      path: '/tickets/{id}/messages',
      tags: ['tickets'],
      summary: 'Record a customer message: resumes held tasks and feeds message catch events',
      description: 'The engine receives message `name` (default `customer-reply`) with `{ text, from }`.',
      request: {
        params: IdParam,
        body: jsonBody(
          z.strictObject({
            text: z.string().trim().min(1).max(20_000),
            name: z
              .string()
              .regex(/^[A-Za-z][\w.-]{0,99}$/)
              .default('customer-reply'),
            from: z.string().max(320).optional(),
          }),
        ),
      },
      responses: { 202: jsonResponse(z.object({ accepted: z.literal(true) }), 'Delivered to the engine') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = principalOf(c);
      await actionableTicket(id, principal);
      try {
        await deps.runtime.sendMessage(id, body.name, {
          text: body.text,
          from: body.from ?? null,
          recordedBy: principal.id,
        });
      } catch (error) {
        if (error instanceof Error && /not running/.test(error.message))
          throw conflict(`ticket ${id} is not running in the engine`);
        throw error;
      }
      return c.json({ accepted: true as const }, 202);
    },
  );

  app.openapi(
    defineRoute(['agent', 'manager'], {
      method: 'post',
      path: '/tickets/{id}/cancel',
      tags: ['tickets'],
      summary: 'Cancel a ticket (closes its open tasks)',
      description: 'Agents may cancel tickets they created; managers tickets of their departments.',
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ reason: z.string().max(2000).optional() })),
      },
      responses: { 200: jsonResponse(TicketDetailSchema, 'Cancelled') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      const principal = principalOf(c);
      const ticket = await actionableTicket(id, principal);
      if (!hasRole(principal, ['manager']) && ticket.createdBy !== principal.id) {
        throw forbidden('agents may cancel only the tickets they created');
      }
      const result = await deps.runtime.cancel(id, actorFor(principal), reason);
      if (!result.ok) throw rejection(result.rejected, `cancel ticket ${id}`);
      return c.json(await detail(id, principal), 200);
    },
  );

  return app;
}
