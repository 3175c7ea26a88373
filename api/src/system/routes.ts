// System routes: health and the custom-activity catalogue.
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonResponse, newRouter, z } from '../http/openapi.js';
import { checkHealth } from './health.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ mode: z.string(), ok: z.boolean(), latencyMs: z.number().optional() }),
    engine: z.object({ mode: z.string(), durable: z.boolean(), warning: z.string().nullable() }),
  })
  .openapi('Health');

/** A custom activity a service task can call (workflows' CatalogueEntry). */
const ActivitySchema = z
  .object({
    type: z.string().openapi({ description: 'What a service task names in baton:activity' }),
    title: z.string(),
    description: z.string(),
    inputSchema: z.record(z.string(), z.unknown()).openapi({
      description:
        "The JSON Schema (2020-12) of the activity's input, an object schema: each property is one <baton:input>. A standard vocabulary, so its keywords are not declared here.",
    }),
    retries: z
      .number()
      .int()
      .openapi({ description: 'Attempts after the first when the diagram sets no baton:retries' }),
    timeoutMs: z
      .number()
      .int()
      .openapi({ description: 'Per attempt, when the diagram sets no baton:timeout' }),
  })
  .openapi('Activity');

export function systemRoutes(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/health',
      tags: ['system'],
      summary: 'Database and engine status',
      description: 'Answers 503 when the database does not respond.',
      responses: {
        200: jsonResponse(HealthSchema, 'Healthy'),
        503: jsonResponse(HealthSchema, 'Database down'),
      },
    }),
    async (c) => {
      const health = await checkHealth(deps);
      return health.database.ok ? c.json(health, 200) : c.json(health, 503);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/activities',
      tags: ['system'],
      summary: 'Custom activities a service task can call (type, title, input JSON schema)',
      responses: {
        200: jsonResponse(z.object({ items: z.array(ActivitySchema) }), 'Catalogue'),
      },
    }),
    (c) => c.json({ items: [...deps.activities] }, 200),
  );

  return app;
}
