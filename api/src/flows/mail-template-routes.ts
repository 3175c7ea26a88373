// Mail template routes: a ticket type's templates, kept by process owners and read by everyone
// who works tickets (the reply form offers them; the flow's email-customer tasks send them).
import { TEMPLATE_PLACEHOLDERS } from '@baton/workflows';
import { FLOW_EDITORS, TICKET_READERS } from '../access/roles.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { Slug } from '../http/schemas.js';
import { deleteMailTemplate, listMailTemplates, saveMailTemplate } from './mail-templates.js';

const PLACEHOLDERS_DOC = `Placeholders: ${Object.keys(TEMPLATE_PLACEHOLDERS)
  .map((name) => `\`{{${name}}}\``)
  .join(', ')} and \`{{fields.<key>}}\` for each of the type's fields.`;

export const MailTemplateSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    subject: z.string(),
    body: z.string(),
    updatedAt: z.string(),
  })
  .openapi('MailTemplate');

const TypeParam = z.object({ id: z.string().min(1).max(200) });
const TemplateParams = TypeParam.extend({ key: Slug });

export function mailTemplateRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/ticket-types/{id}/mail-templates',
      tags: ['ticket types'],
      summary: "The ticket type's mail templates",
      description: PLACEHOLDERS_DOC,
      request: { params: TypeParam },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(MailTemplateSchema),
            placeholders: z
              .record(z.string(), z.string())
              .openapi({ description: 'Each placeholder with what it holds' }),
          }),
          'By name',
        ),
      },
    }),
    async (c) =>
      c.json(
        { items: await listMailTemplates(db, c.req.valid('param').id), placeholders: TEMPLATE_PLACEHOLDERS },
        200,
      ),
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
      method: 'put',
      path: '/ticket-types/{id}/mail-templates/{key}',
      tags: ['ticket types'],
      summary: 'Create or replace a mail template',
      description: `${PLACEHOLDERS_DOC} An unknown placeholder is refused, named with where it is. The flow's \`email-customer\` service tasks send it by key (\`template\` input).`,
      request: {
        params: TemplateParams,
        body: jsonBody(
          z.strictObject({
            name: z.string().trim().min(1).max(200),
            subject: z.string().trim().min(1).max(300),
            body: z.string().trim().min(1).max(20_000),
          }),
        ),
      },
      responses: { 200: jsonResponse(MailTemplateSchema, 'Saved') },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      return c.json(await saveMailTemplate(db, id, key, c.req.valid('json'), principalOf(c).id), 200);
    },
  );

  app.openapi(
    defineRoute(FLOW_EDITORS, {
      method: 'delete',
      path: '/ticket-types/{id}/mail-templates/{key}',
      tags: ['ticket types'],
      summary: 'Delete a mail template',
      description:
        "A flow's email-customer task that still sends it fails without retrying: the ticket's `error` variable names the missing template, for the flow to route on.",
      request: { params: TemplateParams },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      await deleteMailTemplate(db, id, key);
      return c.body(null, 204);
    },
  );

  return app;
}
