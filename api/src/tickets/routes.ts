// Ticket routes: create, list with filters and cursor pagination, read one with open tasks,
// explained deadlines and the caller's actions, stages, customer messages, cancel.
import { TicketClockSchema } from '../timing/schemas.js';
import { CATEGORIES, PRIORITIES, TICKET_STATUSES } from '@baton/db';
import { importedRun } from '../access/no-run.js';
import {
  INCIDENT_RESOLVERS,
  MESSAGE_RECORDERS,
  TICKET_CANCELLERS,
  TICKET_CREATORS,
  TICKET_READERS,
} from '../access/roles.js';
import { assertMayCancel, assertMayRecordMessage, ticketOwners } from '../access/ticket-writes.js';
import type { CompiledFlows } from '../flows/compiled-flows.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import {
  ExtensionStatusSchema,
  IdParam,
  iso,
  SlaExplanationSchema,
  SlaLevelSchema,
} from '../http/schemas.js';
import { isoText } from '../sql/json-timestamps.js';
import { ImportedFromSchema, OpenTaskSchema } from '../tasks/open-task-json.js';
import { globalTaskId, TASK_ID_DESCRIPTION } from '../tasks/task-id.js';
import { cancelTicket } from './cancel-ticket.js';
import { reopenTicket } from './reopen-ticket.js';
import { createTicket } from './create-ticket.js';
import { listOpenIncidents, retryIncident } from './incidents.js';
import { recordCustomerMessage } from './customer-message.js';
import { listTickets, type TicketListRow } from './list-tickets.js';
import type { TicketDetails } from './ticket-detail.js';

const CustomerSchema = z
  .strictObject({
    name: z.string().max(200).optional(),
    email: z.email().max(320).optional(),
    phone: z.string().max(50).optional(),
    tier: z.string().max(50).optional(),
  })
  .openapi('Customer');

/** One user-task instance of a ticket, as the read model keeps it (db `stages`). */
const StageSchema = z
  .object({
    id: z.string().openapi({ description: TASK_ID_DESCRIPTION }),
    taskId: z.string(),
    elementId: z.string(),
    name: z.string(),
    department: z.string().nullable(),
    assigneeId: z.string().nullable(),
    enteredAt: z.string(),
    claimedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    outcome: z.string().nullable(),
    slaTargetMs: z.number().nullable().openapi({ description: 'Null: the task has no SLA' }),
    dueAt: z.string().nullable(),
    slaLevel: SlaLevelSchema,
    totalMs: z.number().nullable().openapi({ description: 'Entered to closed, wall clock; null while open' }),
    businessTotalMs: z
      .number()
      .nullable()
      .openapi({ description: "Entered to closed in the stage's business calendar; null while open" }),
    queueMs: z.number().nullable().openapi({ description: 'Entered to claimed, wall clock' }),
    workMs: z.number().nullable().openapi({ description: 'Claimed to closed, wall clock' }),
    heldMs: z.number().nullable().openapi({
      description:
        'Time on hold (waiting on the customer), wall clock, every hold summed: once closed, of totalMs (working time = totalMs - heldMs); while open, the holds that have ended (add now - heldSince for the one in progress). Null: unknown, recorded before hold time was kept (reports count it as 0)',
    }),
    businessHeldMs: z.number().nullable().openapi({
      description: "The same in the stage's business calendar, of businessTotalMs. Null: unknown",
    }),
    heldSince: z
      .string()
      .nullable()
      .openapi({ description: 'Open and on hold: when the hold in progress began; null otherwise' }),
  })
  .openapi('Stage');

/** One entry of a ticket's timeline (db `ticket_events`). */
const TicketEventSchema = z
  .object({
    seq: z.number().int().openapi({ description: 'The engine step that wrote it' }),
    type: z.string().openapi({ example: 'task.completed' }),
    at: z.string(),
    actorId: z.string().nullable(),
    taskId: z.string().nullable().openapi({ description: 'The engine task id within the ticket' }),
    data: z.record(z.string(), z.unknown()).openapi({
      description:
        'What the engine event or effect of this `type` carried (e.g. `outcome` of task.completed, `level` of sla.level): its fields vary by type, so they are not declared here.',
    }),
  })
  .openapi('TicketEvent');

/** An extension request as the ticket lists it: its task by the engine task id within the ticket. */
const TicketExtensionRequestSchema = z
  .object({
    id: z.string(),
    taskId: z.string().openapi({ description: 'The engine task id within the ticket' }),
    requestedBy: z.string(),
    extendByMs: z.number().int(),
    reason: z.string(),
    status: ExtensionStatusSchema,
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('TicketExtensionRequest');

/** An open incident: where the flow stopped and why. */
const IncidentSchema = z
  .object({
    id: z.string().openapi({ description: 'The incident id within the ticket (`i<n>`)' }),
    elementId: z.string().openapi({ description: 'The element where the flow stopped (e.g. the gateway)' }),
    flowId: z
      .string()
      .nullable()
      .openapi({ description: 'The sequence flow whose condition failed; null for other incidents' }),
    expression: z.string().nullable().openapi({ description: "That flow's condition (FEEL)" }),
    error: z.string().openapi({ description: 'Why the flow could not go on' }),
    at: z.string(),
  })
  .openapi('Incident');

const IncidentListItemSchema = IncidentSchema.extend({
  ticket: z.object({ id: z.string(), number: z.number().int(), title: z.string(), typeId: z.string() }),
}).openapi('IncidentListItem');

const CustomFieldsSchema = z.record(z.string(), z.unknown()).openapi({
  description: "The ticket type's custom form fields by key; each type defines its own (TicketType.fields).",
});

const TicketDetailSchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    type: z.object({ id: z.string(), name: z.string() }),
    flowVersionId: z.string(),
    title: z.string(),
    priority: z.enum(PRIORITIES),
    category: z.enum(CATEGORIES),
    service: z.string().nullable(),
    status: z.enum(TICKET_STATUSES),
    customer: CustomerSchema,
    fields: CustomFieldsSchema,
    ownerId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    importedFrom: ImportedFromSchema,
    sla: z.object({
      level: SlaLevelSchema,
      dueAt: z.string().nullable(),
      explanation: z
        .union([SlaExplanationSchema, z.null()])
        .openapi({ description: 'Null when the engine did not answer or the ticket has no SLA.' }),
    }),
    clocks: z.array(TicketClockSchema).openapi({
      description:
        "The timing rules' clocks (first response, resolution, …), measured from the ticket's recorded events; their levels are recorded and notified at their instants.",
    }),
    live: z.boolean().openapi({
      description:
        'False when the engine does not run the ticket (an imported one, one an in-memory restart lost) or did not answer: open tasks come from the read model.',
    }),
    openTasks: z.array(OpenTaskSchema),
    stages: z.array(StageSchema),
    timeline: z.array(TicketEventSchema),
    extensionRequests: z.array(TicketExtensionRequestSchema),
    incidents: z.array(IncidentSchema).openapi({
      description:
        'Open incidents, oldest first: the flow stopped there until a process owner retries (POST .../incidents/{incidentId}/retry) or someone cancels the ticket.',
    }),
    reopen: z
      .array(z.object({ elementId: z.string(), name: z.string() }))
      .nullable()
      .openapi({
        description:
          'Where the caller may reopen this done ticket (POST .../reopen), the default first: the stage that closed last. Null when the ticket is not done or the caller may not reopen it.',
      }),
  })
  .openapi('TicketDetail');

const TicketSummarySchema = z
  .object({
    id: z.string(),
    number: z.number().int(),
    typeId: z.string(),
    title: z.string(),
    priority: z.enum(PRIORITIES),
    category: z.enum(CATEGORIES),
    service: z.string().nullable(),
    status: z.enum(TICKET_STATUSES),
    slaLevel: SlaLevelSchema,
    slaDueAt: z.string().nullable(),
    customer: CustomerSchema,
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
        slaLevel: SlaLevelSchema,
      }),
    ),
  })
  .openapi('TicketSummary');

export function ticketRoutes(deps: AppDeps, tickets: TicketDetails, flows: CompiledFlows) {
  const app = newRouter();

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
      const principal = principalOf(c);
      const { ticketId, started } = await createTicket(
        deps,
        principal,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await tickets.detail(ticketId, principal, started), 201);
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
      const { overdue, ...q } = c.req.valid('query');
      const { rows, nextCursor } = await listTickets(deps.pool, principalOf(c), {
        ...q,
        ...(overdue === undefined ? {} : { overdue: overdue === 'true' }),
      });
      return c.json({ items: rows.map(ticketSummary), nextCursor }, 200);
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
    async (c) => c.json(await tickets.detail(c.req.valid('param').id, principalOf(c)), 200),
  );

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/tickets/{id}/stages',
      tags: ['tickets'],
      summary: "The ticket's stages (one per user-task instance) with wall-clock and business durations",
      request: { params: IdParam },
      responses: {
        200: jsonResponse(z.object({ items: z.array(StageSchema) }), 'Stages'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { view } = await tickets.visibleTicket(id, principalOf(c));
      return c.json({ items: view.stages }, 200);
    },
  );

  app.openapi(
    defineRoute(MESSAGE_RECORDERS, {
      method: 'post',
      path: '/tickets/{id}/messages',
      tags: ['tickets'],
      summary: 'Record a customer message: resumes held tasks and feeds message catch events',
      description:
        'The engine receives message `name` (default `customer-reply`) with `{ text, from }`. Recorded by the customer channel (a developer token) or by agents and managers of a department in charge of the ticket now (its open tasks); a former department gets 403.',
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
      const view = await tickets.actionableTicket(id, principal);
      assertMayRecordMessage(principal, { id, owners: ticketOwners(view.stages) });
      await recordCustomerMessage(deps.runtime, id, { ...body, channel: 'api' }, principal.id);
      return c.json({ accepted: true as const }, 202);
    },
  );

  app.openapi(
    defineRoute(TICKET_CANCELLERS, {
      method: 'post',
      path: '/tickets/{id}/cancel',
      tags: ['tickets'],
      summary: 'Cancel a ticket (closes its open tasks)',
      description:
        'Managers (and admins) may cancel any ticket; agents the tickets they created, while a department of theirs is in charge of it (its open tasks).',
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
      const view = await tickets.actionableTicket(id, principal);
      assertMayCancel(principal, { id, createdBy: view.createdBy, owners: ticketOwners(view.stages) });
      await cancelTicket(deps, principal, id, reason, c.get('requestId'), importedRun(view.importedFrom));
      return c.json(await tickets.detail(id, principal), 200);
    },
  );

  app.openapi(
    defineRoute(MESSAGE_RECORDERS, {
      method: 'post',
      path: '/tickets/{id}/reopen',
      tags: ['tickets'],
      summary: 'Reopen a done ticket (the customer says it is not solved)',
      description:
        "The run goes on with a new task at `elementId` (one of the detail's `reopen` places; default: the stage that closed last) and the flow continues from there as drawn; the whole-ticket clock, and the timing rules started by `ticket.reopened`, begin a new cycle. Who may: those who may record the ticket's customer messages (its last department, managers, admins, the customer's channel). 409: the ticket is not done (a cancelled one was given up, not solved).",
      request: {
        params: IdParam,
        body: jsonBody(
          z.strictObject({
            reason: z.string().trim().min(1).max(2000),
            elementId: z.string().min(1).max(200).optional(),
          }),
        ),
      },
      responses: { 200: jsonResponse(TicketDetailSchema, 'Reopened: the ticket as it stands now') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const principal = principalOf(c);
      const { view } = await tickets.visibleTicket(id, principal);
      await reopenTicket(
        deps,
        principal,
        view,
        await flows.get(view.flowVersionId),
        body,
        c.get('requestId'),
      );
      return c.json(await tickets.detail(id, principal), 200);
    },
  );

  app.openapi(
    defineRoute(INCIDENT_RESOLVERS, {
      method: 'get',
      path: '/incidents',
      tags: ['tickets'],
      summary: 'Open incidents of the open tickets the caller may see, newest first',
      description:
        'For process owners (and admins): where flows stopped, with the element, expression and error.',
      request: {
        query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(200) }),
      },
      responses: {
        200: jsonResponse(z.object({ items: z.array(IncidentListItemSchema) }), 'Open incidents'),
      },
    }),
    async (c) => {
      const { limit } = c.req.valid('query');
      return c.json({ items: await listOpenIncidents(deps.pool, principalOf(c), limit) }, 200);
    },
  );

  app.openapi(
    defineRoute(INCIDENT_RESOLVERS, {
      method: 'post',
      path: '/tickets/{id}/incidents/{incidentId}/retry',
      tags: ['tickets'],
      summary: 'Retry an open incident, optionally with corrected form fields',
      description:
        "`fields` are merged into the ticket's form fields, checked by the ticket type's form rule, saved on the ticket and given to the engine; then the flow goes on from where it stopped. A retry that fails again opens a new incident (in the answer's `incidents`). 404: no such incident; 409: already resolved or the ticket is finished.",
      request: {
        params: IdParam.extend({ incidentId: z.string().min(1).max(40) }),
        body: jsonBody(z.strictObject({ fields: z.record(z.string(), z.unknown()).optional() })),
      },
      responses: { 200: jsonResponse(TicketDetailSchema, 'Retried: the ticket as it stands now') },
    }),
    async (c) => {
      const { id, incidentId } = c.req.valid('param');
      const { fields } = c.req.valid('json');
      const principal = principalOf(c);
      const view = await tickets.actionableTicket(id, principal);
      await retryIncident(deps, principal, view, incidentId, fields, c.get('requestId'));
      return c.json(await tickets.detail(id, principal), 200);
    },
  );

  return app;
}

const ticketSummary = (t: TicketListRow) => ({
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
});
