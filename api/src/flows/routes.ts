// Flow routes: ticket types, their flow drafts (BPMN XML), validation, deployment as immutable
// versions.
import { CATEGORIES, PRIORITIES, type FieldDefinition } from '@baton/db';
import { FLOW_DRAFT_READERS, FLOW_EDITORS, FLOW_VALIDATORS } from '../access/roles.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { problemsAnswer } from '../http/problem-answers.js';
import { FieldDefinitionSchema, IdParam, iso, RunningTicketsSchema, Slug } from '../http/schemas.js';
import { applySlaTargets, runningTicketsByVersion } from './apply-sla-targets.js';
import { compileAgainstInstallation } from './compile-draft.js';
import { deployFlow } from './deploy-flow.js';
import { draftXml, readDraft, saveDraft } from './flow-drafts.js';
import { flowVersionOrFail, listFlowVersions, type VersionSummary } from './flow-versions.js';
import {
  createTicketType,
  listTicketTypes,
  ticketTypeOrFail,
  updateTicketType,
  setPublicForm,
  type TicketTypeInput,
} from './ticket-types.js';

const DiagnosticSchema = z
  .object({
    code: z.string(),
    message: z.string(),
    elementId: z.string().optional(),
    severity: z.enum(['error', 'warning']),
  })
  .openapi('Diagnostic');

const DefaultsFields = {
  priority: z.enum(PRIORITIES).optional(),
  category: z.enum(CATEGORIES).optional(),
  service: z.string().max(200).optional(),
};

const TicketTypeDefaultsSchema = z
  .object({
    ...DefaultsFields,
    fields: z.record(z.string(), z.unknown()).optional().openapi({
      description:
        'Custom field values a new ticket starts with, by field key (set by seeds; not taken by PUT).',
    }),
  })
  .openapi('TicketTypeDefaults', {
    description: 'What a new ticket of the type starts with when its request does not say.',
  });

/** An origin as a browser sends it: scheme, host and port, no path. */
function isOrigin(value: string): boolean {
  // zod runs this refinement even on a value its url check refused: it must not throw.
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
}
const Origin = z.string().max(300).refine(isOrigin, {
  message: 'must be an origin such as https://www.example.com (scheme and host, no path or slash)',
});

const PublicFormSchema = z
  .object({
    published: z.boolean().openapi({ description: 'Served at /forms/{id} for anyone, no account needed' }),
    allowedOrigins: z
      .array(z.string())
      .openapi({ description: 'Origins whose pages may embed the form in an iframe' }),
  })
  .openapi('PublicForm');

const TicketTypeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    fields: z.array(FieldDefinitionSchema),
    defaults: TicketTypeDefaultsSchema,
    latestVersion: z.object({ id: z.string(), version: z.number().int() }).nullable(),
    hasDraft: z.boolean(),
    publicForm: PublicFormSchema,
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

/** The 404 of a route that reads the saved draft: an unknown type and a type without one differ. */
const NoDraftOrType = problemsAnswer(
  'Unknown ticket type (`not-found`), or the type has no draft saved yet (`no-draft`)',
  ['not-found', 'no-draft'],
);

const MAX_XML = 5 * 1024 * 1024;
const XmlBody = z.strictObject({ xml: z.string().min(1).max(MAX_XML) });

const TicketTypeBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(5000).default(''),
  fields: z.array(FieldDefinitionSchema).max(100).default([]),
  defaults: z.strictObject(DefaultsFields).default({}),
});

/** The body as the use cases take it (the schema checked the form fields' shape). */
const ticketTypeInput = (body: z.output<typeof TicketTypeBody>): TicketTypeInput => ({
  ...body,
  fields: body.fields as FieldDefinition[],
});

export function flowRoutes(deps: AppDeps) {
  const app = newRouter();
  const { db } = deps;

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ticket-types',
      tags: ['flows'],
      summary: 'Ticket types with their form fields and latest deployed version',
      responses: { 200: jsonResponse(z.object({ items: z.array(TicketTypeSchema) }), 'Ticket types') },
    }),
    async (c) => c.json({ items: await listTicketTypes(db) }, 200),
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
    async (c) => c.json(await ticketTypeOrFail(db, c.req.valid('param').id), 200),
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
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
      const { id, ...body } = c.req.valid('json');
      return c.json(await createTicketType(db, id, ticketTypeInput(body)), 201);
    },
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
      method: 'put',
      path: '/ticket-types/{id}/public-form',
      tags: ['flows'],
      summary: "Publish or withdraw the type's public web form, and say which sites may embed it",
      description:
        'A published form is served at /forms/{id}: anyone may open a ticket of this type with it (rate-limited, with a honeypot). Pages of `allowedOrigins` may show it in an iframe; other sites may not frame it.',
      request: {
        params: IdParam,
        body: jsonBody(
          z.strictObject({ published: z.boolean(), allowedOrigins: z.array(Origin).max(50).default([]) }),
        ),
      },
      responses: { 200: jsonResponse(TicketTypeSchema, 'Updated') },
    }),
    async (c) => c.json(await setPublicForm(db, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
      method: 'put',
      path: '/ticket-types/{id}',
      tags: ['flows'],
      summary:
        "Replace a ticket type's name, description, form fields and defaults (tickets already created keep their fields)",
      request: { params: IdParam, body: jsonBody(TicketTypeBody) },
      responses: { 200: jsonResponse(TicketTypeSchema, 'Updated') },
    }),
    async (c) =>
      c.json(await updateTicketType(db, c.req.valid('param').id, ticketTypeInput(c.req.valid('json'))), 200),
  );

  app.openapi(
    defineRoute(FLOW_DRAFT_READERS, {
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
        404: NoDraftOrType,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const draft = await readDraft(db, id);
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
    defineRoute(FLOW_EDITORS, {
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
      const now = new Date(deps.config.now());
      await saveDraft(db, id, xml, principalOf(c).id, now);
      return c.json({ ticketTypeId: id, updatedAt: now.toISOString() }, 200);
    },
  );

  app.openapi(
    defineRoute(FLOW_VALIDATORS, {
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
        404: NoDraftOrType,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const xml = await draftXml(db, id, c.req.valid('json').xml);
      const result = await compileAgainstInstallation(db, deps.activities, xml, id);
      return c.json(
        { ok: result.ok, errors: result.ok ? [] : result.errors, warnings: result.warnings },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
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
        404: NoDraftOrType,
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const userId = principalOf(c).id;
      const { version, warnings } = await deployFlow(db, id, {
        activities: deps.activities,
        maxCompiledFlowBytes: deps.config.maxCompiledFlowBytes,
        userId,
        now: new Date(deps.config.now()),
      });
      deps.log.info({ ticketTypeId: id, version: version.version, userId }, 'flow deployed');
      return c.json({ ...versionSummary(version), warnings }, 201);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/ticket-types/{id}/flow/versions',
      tags: ['flows'],
      summary: 'Deployed versions, newest first',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              VersionSummarySchema.extend({
                runningTickets: z.number().int().openapi({
                  description: 'Running tickets that started on this version (and keep it)',
                }),
              }),
            ),
          }),
          'Versions',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const rows = await listFlowVersions(db, id);
      const running = await runningTicketsByVersion(db, id);
      return c.json(
        {
          items: rows.map((row) => ({
            ...versionSummary(row),
            runningTickets: running.get(row.version) ?? 0,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
      method: 'post',
      path: '/ticket-types/{id}/flow/versions/{version}/apply-sla',
      tags: ['flows'],
      summary: "Apply a version's SLA targets to the running tickets that started on older versions",
      description:
        "Running tickets keep the version they started with; this gives those of older versions this version's SLA targets, by element id (user tasks the version lacks keep theirs; a task it gives no SLA has none when opened later, while one open now keeps its clock). Each open clock keeps the business time it counted and its extensions; levels not yet reached get new deadlines for the new target, levels already reached stay (a timeline entry says from when to when and why); held clocks get them when they resume; closed clocks never change. `runningTickets` says how many running tickets it reached, and lists those it could not (retry by applying again: a repeat moves nothing twice). A refused request reaches no ticket.",
      request: {
        params: IdParam.extend({
          version: z.coerce.number().int().min(1).openapi({ description: 'The version number (1, 2…)' }),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ version: z.number().int(), runningTickets: RunningTicketsSchema }),
          'Applied',
        ),
      },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const runningTickets = await applySlaTargets(deps, principalOf(c), id, version);
      deps.log.info(
        { ticketTypeId: id, version, runningTickets: runningTickets.total, userId: principalOf(c).id },
        'SLA targets applied to running tickets',
      );
      return c.json({ version, runningTickets }, 200);
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
        200: jsonResponse(
          VersionSummarySchema.extend({
            xml: z.string(),
            compiled: z.record(z.string(), z.unknown()).openapi({
              description:
                "The compiled Flow the engine runs (nodes, flows, lanes, SLAs...): the engine's own data type, which changes with the engine, so it is not declared here.",
            }),
          }),
          'Version',
        ),
      },
    }),
    async (c) => {
      const row = await flowVersionOrFail(db, c.req.valid('param').id);
      return c.json({ ...versionSummary(row), xml: row.xml, compiled: row.compiled }, 200);
    },
  );

  return app;
}

const versionSummary = (row: VersionSummary) => ({
  id: row.id,
  ticketTypeId: row.ticketTypeId,
  version: row.version,
  deployedAt: iso(row.deployedAt)!,
  deployedBy: row.deployedBy,
});
