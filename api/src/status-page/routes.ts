// The customer's status page (public, by its link's token) and, for agents, issuing and revoking
// a ticket's link. The public routes answer 404 alike for a token that never existed and one
// that was revoked, so a guess learns nothing.
import { ticketMails } from '@baton/db';
import { MESSAGE_RECORDERS } from '../access/roles.js';
import { assertMayRecordMessage, ticketOwners } from '../access/ticket-writes.js';
import { createRateLimiter } from '../auth/rate-limit.js';
import { clientAddress } from '../http/client-address.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { conflict, rateLimited } from '../http/problem.js';
import { IdParam } from '../http/schemas.js';
import { recordCustomerMessage } from '../tickets/customer-message.js';
import type { TicketDetails } from '../tickets/ticket-detail.js';
import { isFinished } from '../tickets/ticket-status.js';
import { customerStatus } from './customer-status.js';
import { liveStatusToken, statusPageUrl } from '@baton/workflows';
import { revokeStatusLink, ticketOfStatusToken } from './status-links.js';

export const TokenParam = z.object({ token: z.string().min(1).max(100) });

export const CustomerStatusSchema = z
  .object({
    number: z.number().int(),
    title: z.string(),
    state: z.enum(['in-progress', 'waiting-for-you', 'done', 'cancelled']),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    departments: z.array(z.string()).openapi({ description: 'Who works on it now, by department name' }),
    agents: z.array(z.string()).openapi({
      description:
        'The people working on it now, by name: only where the admin allows it (BATON_STATUS_PAGE_AGENT_NAMES=on); else empty',
    }),
    expectedBy: z.string().nullable().openapi({
      description:
        "Expected completion from the ticket's open clocks (its resolution target, else its current step's); null when closed or waiting for the customer",
    }),
    expectation: z.string(),
    messages: z.array(z.object({ from: z.enum(['you', 'support']), text: z.string(), at: z.string() })),
    canWrite: z.boolean(),
    rating: z.object({ score: z.number().int(), comment: z.string() }).nullable(),
    canRate: z.boolean().openapi({ description: 'Done and not rated yet' }),
  })
  .openapi('CustomerStatus');

const StatusLinkSchema = z.object({ url: z.string(), token: z.string() });

/** Messages per client address per minute on the public form: a person writes a few, a script many. */
const MESSAGES_PER_MINUTE = 10;

export function statusPageRoutes(deps: AppDeps, tickets: TicketDetails) {
  const app = newRouter();
  const limiter = createRateLimiter({ max: MESSAGES_PER_MINUTE, windowMs: 60_000, now: deps.config.now });
  const appUrl = deps.config.appUrl;

  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/status/{token}',
      tags: ['status page'],
      summary: "A ticket's status as its customer sees it",
      description: 'By the token of the link in Baton’s mail to the customer. Shows nothing internal.',
      request: { params: TokenParam },
      responses: { 200: jsonResponse(CustomerStatusSchema, 'The status') },
    }),
    async (c) => {
      const link = await ticketOfStatusToken(deps.db, c.req.valid('param').token);
      c.header('cache-control', 'no-store');
      return c.json(
        await customerStatus(deps.pool, link.ticketId, { agentNames: deps.config.statusPageAgentNames }),
        200,
      );
    },
  );

  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/status/{token}/messages',
      tags: ['status page'],
      summary: 'The customer adds a message to their open ticket',
      description:
        'Resumes the tasks held for the customer, as their mail would. 409 once the ticket is closed; 429 past 10 messages a minute from one address.',
      request: {
        params: TokenParam,
        body: jsonBody(z.strictObject({ text: z.string().trim().min(1).max(5_000) })),
      },
      responses: { 201: jsonResponse(CustomerStatusSchema, 'Added: the status as it stands now') },
    }),
    async (c) => {
      const verdict = limiter.hit(clientAddress(c));
      if (!verdict.allowed) throw rateLimited('messages', verdict.retryAfterSec);
      const link = await ticketOfStatusToken(deps.db, c.req.valid('param').token);
      if (isFinished(link.status))
        throw conflict('this request is closed; write to us again to open a new one');
      const { text } = c.req.valid('json');
      const from = link.customer.email ?? '';
      // The engine first, then the conversation (receive-mail.ts says why).
      await recordCustomerMessage(deps.runtime, link.ticketId, {
        name: 'customer-reply',
        text,
        ...(from ? { from } : {}),
        channel: 'status-page',
      });
      await deps.db.insert(ticketMails).values({
        ticketId: link.ticketId,
        direction: 'in',
        channel: 'status-page',
        fromAddress: from,
        toAddress: 'status page',
        subject: 'Message from the status page',
        body: text,
      });
      deps.log.info({ ticketId: link.ticketId }, 'customer message from the status page');
      return c.json(
        await customerStatus(deps.pool, link.ticketId, { agentNames: deps.config.statusPageAgentNames }),
        201,
      );
    },
  );

  app.openapi(
    defineRoute(MESSAGE_RECORDERS, {
      method: 'post',
      path: '/tickets/{id}/status-link',
      tags: ['tickets'],
      summary: "The customer's status link (issued now if the ticket has none)",
      description:
        'For those who may reply to the customer. Every reply by e-mail carries the same link until it is revoked.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(StatusLinkSchema, 'The live link') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const { view } = await tickets.visibleTicket(id, principal);
      assertMayRecordMessage(principal, { id, owners: ticketOwners(view.stages) });
      const token = await liveStatusToken(deps.db, id);
      return c.json({ url: statusPageUrl(appUrl, token), token }, 200);
    },
  );

  app.openapi(
    defineRoute(MESSAGE_RECORDERS, {
      method: 'delete',
      path: '/tickets/{id}/status-link',
      tags: ['tickets'],
      summary: "Revoke the customer's status link",
      description: 'The link stops working at once; the next reply to the customer carries a new one.',
      request: { params: IdParam },
      responses: { 200: jsonResponse(z.object({ revoked: z.boolean() }), 'Whether a live link was revoked') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const { view } = await tickets.visibleTicket(id, principal);
      assertMayRecordMessage(principal, { id, owners: ticketOwners(view.stages) });
      const revoked = await revokeStatusLink(deps.db, id);
      deps.log.info({ ticketId: id, userId: principal.id, revoked }, 'status link revoked');
      return c.json({ revoked }, 200);
    },
  );

  return app;
}
