// Ticket types, their flow drafts (BPMN XML), validation, deployment as immutable versions.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { compileFlow, type Diagnostic } from '@baton/engine';
import {
  calendars,
  CATEGORIES,
  flows,
  flowVersions,
  PRIORITIES,
  ticketTypes,
  type FieldDefinition,
} from '@baton/db';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { invalid, notFound } from '../http/problem.js';
import { FieldDefinitionSchema, IdParam, iso, Slug } from '../http/schemas.js';
import type { CalendarSpec } from '@baton/engine';

const DiagnosticSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    elementId: z.string().optional(),
    severity: z.enum(['error', 'warning']),
  })
  .openapi('Diagnostic');

const TicketTypeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    fields: z.array(FieldDefinitionSchema),
    defaults: z.record(z.string(), z.unknown()),
    latestVersion: z.object({ id: z.string(), version: z.number().int() }).nullable(),
    hasDraft: z.boolean(),
  })
  .openapi('TicketType');

const VersionSummarySchema = z
  .object({
    id: z.string(),
    ticketTypeId: z.string(),
    version: z.number().int(),
    deployedAt: z.string(),
    deployedBy: z.string().nullable(),
  })
  .openapi('FlowVersionSummary');

const MAX_XML = 5 * 1024 * 1024;
const XmlBody = z.strictObject({ xml: z.string().min(1).max(MAX_XML) });

const TicketTypeBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  fields: z.array(FieldDefinitionSchema).max(100).default([]),
  defaults: z
    .strictObject({
      priority: z.enum(PRIORITIES).optional(),
      category: z.enum(CATEGORIES).optional(),
      service: z.string().max(200).optional(),
    })
    .default({}),
});

/** The stored columns of a ticket type body; refuses a form with two fields under one key. */
function ticketTypeValues(body: z.output<typeof TicketTypeBody>) {
  const keys = body.fields.map((f) => f.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate)
    throw invalid(`field key '${duplicate}' is used twice`, [
      { path: 'body.fields', message: `duplicate key ${duplicate}` },
    ]);
  return {
    name: body.name,
    description: body.description,
    fields: body.fields as FieldDefinition[],
    defaults: body.defaults,
  };
}

export function flowRoutes(deps: AppDeps) {
  const app = newRouter();
  const { db } = deps;

  const ticketTypeRows = (id?: string) =>
    db
      .select({
        id: ticketTypes.id,
        name: ticketTypes.name,
        description: ticketTypes.description,
        fields: ticketTypes.fields,
        defaults: ticketTypes.defaults,
        latestVersion: sql<{
          id: string;
          version: number;
        } | null>`(select json_build_object('id', v.id, 'version', v.version)
          from flow_versions v where v.ticket_type_id = ticket_types.id order by v.version desc limit 1)`,
        hasDraft: sql<boolean>`exists (select 1 from flows f where f.ticket_type_id = ticket_types.id)`,
      })
      .from(ticketTypes)
      .where(id ? eq(ticketTypes.id, id) : undefined)
      .orderBy(asc(ticketTypes.name));

  async function requireType(id: string) {
    const [row] = await db.select({ id: ticketTypes.id }).from(ticketTypes).where(eq(ticketTypes.id, id));
    if (!row) throw notFound('ticket type', id);
  }

  async function compile(xml: string) {
    const calendarRows = await db.select({ key: calendars.key, spec: calendars.spec }).from(calendars);
    const calendarMap = Object.fromEntries(calendarRows.map((r) => [r.key, r.spec as CalendarSpec]));
    return compileFlow(xml, { calendars: calendarMap, activities: deps.activities.map((a) => a.type) });
  }

  async function draftXml(typeId: string, given?: string): Promise<string> {
    if (given !== undefined) return given;
    const [draft] = await db.select({ xml: flows.xml }).from(flows).where(eq(flows.ticketTypeId, typeId));
    if (!draft) throw notFound('flow draft of ticket type', typeId);
    return draft.xml;
  }

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ticket-types',
      tags: ['flows'],
      summary: 'Ticket types with their form fields and latest deployed version',
      responses: { 200: jsonResponse(z.object({ items: z.array(TicketTypeSchema) }), 'Ticket types') },
    }),
    async (c) => c.json({ items: await ticketTypeRows() }, 200),
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ticket-types/{id}',
      tags: ['flows'],
      summary: 'One ticket type',
      request: { params: IdParam },
      responses: { 200: jsonResponse(TicketTypeSchema, 'Ticket type') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [row] = await ticketTypeRows(id);
      if (!row) throw notFound('ticket type', id);
      return c.json(row, 200);
    },
  );

  app.openapi(
    defineRoute(['process_owner'], {
      method: 'post',
      path: '/ticket-types',
      tags: ['flows'],
      summary: 'Create a ticket type with its form fields',
      request: {
        body: jsonBody(TicketTypeBody.extend({ id: Slug })),
      },
      responses: { 201: jsonResponse(TicketTypeSchema, 'Created') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await db.insert(ticketTypes).values({ id: body.id, ...ticketTypeValues(body) });
      const [row] = await ticketTypeRows(body.id);
      return c.json(row!, 201);
    },
  );

  app.openapi(
    defineRoute(['process_owner'], {
      method: 'put',
      path: '/ticket-types/{id}',
      tags: ['flows'],
      summary:
        "Replace a ticket type's name, description, form fields and defaults (tickets already created keep their fields)",
      request: { params: IdParam, body: jsonBody(TicketTypeBody) },
      responses: { 200: jsonResponse(TicketTypeSchema, 'Updated') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireType(id);
      await db
        .update(ticketTypes)
        .set(ticketTypeValues(c.req.valid('json')))
        .where(eq(ticketTypes.id, id));
      const [row] = await ticketTypeRows(id);
      return c.json(row!, 200);
    },
  );

  app.openapi(
    defineRoute(['process_owner', 'developer', 'manager'], {
      method: 'get',
      path: '/ticket-types/{id}/flow',
      tags: ['flows'],
      summary: 'The editable draft (BPMN XML) of a ticket type',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({
            ticketTypeId: z.string(),
            xml: z.string(),
            updatedAt: z.string(),
            updatedBy: z.string().nullable(),
          }),
          'Draft',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireType(id);
      const [draft] = await db.select().from(flows).where(eq(flows.ticketTypeId, id));
      if (!draft) throw notFound('flow draft of ticket type', id);
      return c.json(
        {
          ticketTypeId: id,
          xml: draft.xml,
          updatedAt: draft.updatedAt.toISOString(),
          updatedBy: draft.updatedBy,
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(['process_owner'], {
      method: 'put',
      path: '/ticket-types/{id}/flow',
      tags: ['flows'],
      summary: 'Save the draft (BPMN XML, up to 5 MB); it is not checked until validate or deploy',
      request: { params: IdParam, body: jsonBody(XmlBody) },
      responses: {
        200: jsonResponse(z.object({ ticketTypeId: z.string(), updatedAt: z.string() }), 'Saved'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { xml } = c.req.valid('json');
      await requireType(id);
      const now = new Date(deps.config.now());
      const userId = principalOf(c).id;
      await db
        .insert(flows)
        .values({ ticketTypeId: id, xml, updatedAt: now, updatedBy: userId })
        .onConflictDoUpdate({ target: flows.ticketTypeId, set: { xml, updatedAt: now, updatedBy: userId } });
      return c.json({ ticketTypeId: id, updatedAt: now.toISOString() }, 200);
    },
  );

  app.openapi(
    defineRoute(['process_owner', 'developer'], {
      method: 'post',
      path: '/ticket-types/{id}/flow/validate',
      tags: ['flows'],
      summary: 'Compile the draft (or the XML in the body) and return diagnostics with element ids',
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ xml: z.string().min(1).max(MAX_XML).optional() })),
      },
      responses: {
        200: jsonResponse(
          z.object({
            ok: z.boolean(),
            errors: z.array(DiagnosticSchema),
            warnings: z.array(DiagnosticSchema),
          }),
          'Diagnostics',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireType(id);
      const result = await compile(await draftXml(id, c.req.valid('json').xml));
      return c.json(
        { ok: result.ok, errors: result.ok ? [] : result.errors, warnings: result.warnings },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(['process_owner'], {
      method: 'post',
      path: '/ticket-types/{id}/flow/deploy',
      tags: ['flows'],
      summary:
        'Deploy the draft as a new immutable version (refused with 422 and diagnostics while it has errors)',
      description:
        'New tickets start on the latest version; running tickets keep theirs. A compiled flow over 1 MB is refused.',
      request: { params: IdParam, body: jsonBody(z.strictObject({ note: z.string().max(1000).optional() })) },
      responses: {
        201: jsonResponse(VersionSummarySchema.extend({ warnings: z.array(DiagnosticSchema) }), 'Deployed'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireType(id);
      const xml = await draftXml(id);
      const result = await compile(xml);
      if (!result.ok) {
        throw invalid(
          `the flow has ${result.errors.length} error(s); fix them before deploying`,
          diagnosticErrors(result.errors),
          {
            diagnostics: [...result.errors, ...result.warnings],
          },
        );
      }
      const compiledSize = Buffer.byteLength(JSON.stringify(result.flow));
      if (compiledSize > deps.config.maxCompiledFlowBytes) {
        throw invalid(
          `the compiled flow is ${compiledSize} bytes; at most ${deps.config.maxCompiledFlowBytes} are allowed`,
          [{ path: 'body', message: 'flow too large' }],
        );
      }
      const userId = principalOf(c).id;
      const now = new Date(deps.config.now());
      const row = await db.transaction(async (tx) => {
        // Lock the type so two deploys cannot pick the same version number.
        await tx.execute(sql`select 1 from ticket_types where id = ${id} for update`);
        const [last] = await tx
          .select({ version: flowVersions.version })
          .from(flowVersions)
          .where(eq(flowVersions.ticketTypeId, id))
          .orderBy(desc(flowVersions.version))
          .limit(1);
        const version = (last?.version ?? 0) + 1;
        const [inserted] = await tx
          .insert(flowVersions)
          .values({
            id: `${id}-v${version}`,
            ticketTypeId: id,
            version,
            xml,
            compiled: result.flow,
            deployedAt: now,
            deployedBy: userId,
          })
          .returning();
        return inserted!;
      });
      deps.log.info({ ticketTypeId: id, version: row.version, userId }, 'flow deployed');
      return c.json({ ...versionSummary(row), warnings: result.warnings }, 201);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ticket-types/{id}/flow/versions',
      tags: ['flows'],
      summary: 'Deployed versions, newest first',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ items: z.array(VersionSummarySchema) }), 'Versions') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await requireType(id);
      const rows = await db
        .select({
          id: flowVersions.id,
          ticketTypeId: flowVersions.ticketTypeId,
          version: flowVersions.version,
          deployedAt: flowVersions.deployedAt,
          deployedBy: flowVersions.deployedBy,
        })
        .from(flowVersions)
        .where(eq(flowVersions.ticketTypeId, id))
        .orderBy(desc(flowVersions.version));
      return c.json({ items: rows.map(versionSummary) }, 200);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/flow-versions/{id}',
      tags: ['flows'],
      summary: 'One deployed version: its XML and compiled flow',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(VersionSummarySchema.extend({ xml: z.string(), compiled: z.unknown() }), 'Version'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const [row] = await db
        .select()
        .from(flowVersions)
        .where(and(eq(flowVersions.id, id)));
      if (!row) throw notFound('flow version', id);
      return c.json({ ...versionSummary(row), xml: row.xml, compiled: row.compiled }, 200);
    },
  );

  return app;
}

const versionSummary = (row: {
  id: string;
  ticketTypeId: string;
  version: number;
  deployedAt: Date;
  deployedBy: string | null;
}) => ({
  id: row.id,
  ticketTypeId: row.ticketTypeId,
  version: row.version,
  deployedAt: iso(row.deployedAt)!,
  deployedBy: row.deployedBy,
});

const diagnosticErrors = (errors: Diagnostic[]) =>
  errors.map((d) => ({
    path: d.elementId ? `flow.${d.elementId}` : 'flow',
    message: d.message,
    code: d.code,
  }));
