// The Hono app: middleware, every route under /api, the OpenAPI document and docs page.
// No listening here (main.ts does that), so tests drive it with app.request().
import { authenticate, SESSION_COOKIE } from './auth/authenticate.js';
import { createPrincipalCache } from './auth/principal-cache.js';
import { limitBodies } from './http/body-limit.js';
import { DOCS_PAGE } from './http/docs-page.js';
import type { AppDeps } from './http/env.js';
import { handleError } from './http/errors.js';
import { idempotency } from './http/idempotency.js';
import { newRouter } from './http/openapi.js';
import { ApiError, problemResponse } from './http/problem.js';
import { authRoutes } from './routes/auth.js';
import { directoryRoutes } from './routes/directory.js';
import { flowRoutes } from './routes/flows.js';
import { reportRoutes } from './routes/reports.js';
import { systemRoutes } from './routes/system.js';
import { taskRoutes } from './routes/tasks.js';
import { ticketRoutes } from './routes/tickets.js';

export type CreateAppOptions = AppDeps;

export function createApp(deps: CreateAppOptions) {
  const app = newRouter();
  app.onError(handleError(deps.log));
  app.notFound((c) =>
    problemResponse(c, new ApiError('not-found', `no route ${c.req.method} ${c.req.path}`)),
  );

  const principals = createPrincipalCache({ ttlMs: deps.config.authCacheMs, now: deps.config.now });
  app.use('/api/*', limitBodies(deps.config), authenticate(deps, principals), idempotency(deps));

  app.route('/api', systemRoutes(deps));
  app.route('/api', authRoutes(deps, principals));
  app.route('/api', directoryRoutes(deps));
  app.route('/api', flowRoutes(deps));
  app.route('/api', ticketRoutes(deps));
  app.route('/api', taskRoutes(deps));
  app.route('/api', reportRoutes(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Baton API',
      version: '0.1.0',
      description:
        'Tickets, tasks, flows and reports of Baton. Errors are RFC 9457 problem documents with a stable `code`. ' +
        'Mutations accept an `Idempotency-Key` header: a repeat returns the first answer and changes nothing.',
    },
  });
  app.get('/api/docs', (c) => c.html(DOCS_PAGE));
  return app;
}

export type BatonApp = ReturnType<typeof createApp>;
