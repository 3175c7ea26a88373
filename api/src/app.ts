// The Hono app: middleware, every route under /api, the OpenAPI document and docs page.
// No listening here (main.ts does that), so tests drive it with app.request().
import { clocksOfTicket } from '@baton/workflows';
import { authenticate, SESSION_COOKIE } from './auth/authenticate.js';
import { refuseCrossSite } from './auth/cross-site.js';
import { createPrincipalCache } from './auth/principal-cache.js';
import { authRoutes } from './auth/routes.js';
import { directoryRoutes } from './directory/routes.js';
import { createCompiledFlows } from './flows/compiled-flows.js';
import { flowRoutes } from './flows/routes.js';
import { embeddableForms } from './intake/embeddable-forms.js';
import { webFormRoutes } from './intake/web-form-routes.js';
import { limitBodies } from './http/body-limit.js';
import { DOCS_PAGE, DOCS_SCRIPT, DOCS_STYLE } from './http/docs-page.js';
import type { AppDeps } from './http/env.js';
import { handleError } from './http/errors.js';
import { idempotency } from './http/idempotency.js';
import { newRouter } from './http/openapi.js';
import { mailTemplateRoutes } from './flows/mail-template-routes.js';
import { webhookRoutes } from './webhooks/routes.js';
import { notificationRoutes } from './notifications/routes.js';
import { ApiError, problemResponse, sentPath } from './http/problem.js';
import { securityHeaders } from './http/security-headers.js';
import { reportRoutes } from './reports/routes.js';
import { satisfactionRoutes } from './satisfaction/routes.js';
import { statusPageRoutes } from './status-page/routes.js';
import { systemRoutes } from './system/routes.js';
import { createOpenTasks } from './tasks/open-tasks.js';
import { taskRoutes } from './tasks/routes.js';
import { createDetailCache } from './tickets/detail-cache.js';
import type { TicketView } from './tickets/detail-query.js';
import { createDetailLoader } from './tickets/detail-loader.js';
import { conversationRoutes } from './tickets/conversation-routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { createTicketDetails } from './tickets/ticket-detail.js';
import { timingRuleRoutes } from './timing/routes.js';

export type CreateAppOptions = AppDeps;

export function createApp(deps: CreateAppOptions) {
  const app = newRouter();
  // Outside the security headers, which it relaxes for published forms' pages only.
  app.use('/forms/*', embeddableForms(deps));
  // First, so every answer has them: routes, errors, the designer's files (static.ts) and 404s.
  app.use('*', securityHeaders(deps.config));
  app.onError(handleError(deps.log));
  app.notFound((c) =>
    problemResponse(c, new ApiError('not-found', `no route ${c.req.method} ${sentPath(c)}`)),
  );

  const principals = createPrincipalCache({ ttlMs: deps.config.authCacheMs, now: deps.config.now });
  app.use(
    '/api/*',
    limitBodies(deps.config),
    refuseCrossSite(deps.config),
    authenticate(deps, principals),
    idempotency(deps),
  );

  // Shared by the ticket and task routes: one kept copy of each ticket detail and compiled flow.
  const details = createDetailLoader({
    pool: deps.pool,
    cache: createDetailCache<TicketView>({ maxBytes: deps.config.detailCacheBytes }),
  });
  const flows = createCompiledFlows(deps.pool);
  const openTasks = createOpenTasks({ ...deps, flows, details, now: deps.config.now });

  app.route('/api', systemRoutes(deps));
  app.route('/api', authRoutes(deps, principals));
  app.route('/api', directoryRoutes(deps, principals));
  app.route('/api', flowRoutes(deps));
  const ticketDetails = createTicketDetails({
    details,
    openTasks,
    clocks: (view, now) => clocksOfTicket(deps.db, view.id, view, now),
    flows,
    now: deps.config.now,
  });
  app.route('/api', ticketRoutes(deps, ticketDetails, flows));
  app.route('/api', conversationRoutes(deps, ticketDetails));
  app.route('/api', statusPageRoutes(deps, ticketDetails));
  app.route('/api', webFormRoutes(deps));
  app.route('/api', satisfactionRoutes(deps));
  app.route('/api', taskRoutes(deps, openTasks, flows));
  app.route('/api', reportRoutes(deps));
  app.route('/api', notificationRoutes(deps));
  app.route('/api', webhookRoutes(deps));
  app.route('/api', mailTemplateRoutes(deps));
  app.route('/api', timingRuleRoutes(deps));

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
  app.get('/api/docs/docs.js', (c) => c.body(DOCS_SCRIPT, 200, { 'content-type': 'text/javascript' }));
  app.get('/api/docs/docs.css', (c) => c.body(DOCS_STYLE, 200, { 'content-type': 'text/css' }));
  return app;
}

export type BatonApp = ReturnType<typeof createApp>;
