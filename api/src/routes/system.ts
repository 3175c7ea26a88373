// Health and the custom-activity catalogue.
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonResponse, newRouter, z } from '../http/openapi.js';

const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded']),
    database: z.object({ mode: z.string(), ok: z.boolean(), latencyMs: z.number().optional() }),
    engine: z.object({ mode: z.string(), durable: z.boolean(), warning: z.string().nullable() }),
  })
  .openapi('Health');

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
      const started = performance.now();
      const ok = await deps.pool.query('select 1').then(
        () => true,
        (error: unknown) => {
          deps.log.error({ err: error }, 'health check: database query failed');
          return false;
        },
      );
      const body = {
        status: ok ? ('ok' as const) : ('degraded' as const),
        database: {
          mode: deps.databaseMode ?? 'url',
          ok,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
        engine: {
          mode: deps.runtime.mode,
          durable: deps.runtime.durable,
          warning: deps.runtimeWarning ?? null,
        },
      };
      return ok ? c.json(body, 200) : c.json(body, 503);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/activities',
      tags: ['system'],
      summary: 'Custom activities a service task can call (type, title, input JSON schema)',
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(z.looseObject({ type: z.string(), title: z.string() })) }),
          'Catalogue',
        ),
      },
    }),
    (c) => c.json({ items: [...deps.activities] }, 200),
  );

  return app;
}
