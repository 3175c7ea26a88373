// Satisfaction: the customer rates a done ticket from the status page (public, by the link's
// token); managers and leads list the open reviews of bad ratings in their departments and close
// them with a note.
import { REPORT_READERS } from '../access/roles.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { customerStatus } from '../status-page/customer-status.js';
import { CustomerStatusSchema, TokenParam } from '../status-page/routes.js';
import { ticketOfStatusToken } from '../status-page/status-links.js';
import { BAD_RATING_AT, rateTicket } from './rate-ticket.js';
import { closeReview, openReviews } from './reviews.js';

const ReviewSchema = z
  .object({
    ticketId: z.string(),
    number: z.number().int(),
    title: z.string(),
    score: z.number().int(),
    comment: z.string(),
    ratedAt: z.string(),
    department: z.string().nullable(),
    agentId: z.string().nullable(),
    late: z.boolean().openapi({ description: "The ticket's last stage closed overdue or severe" }),
  })
  .openapi('RatingReview');

export function satisfactionRoutes(deps: AppDeps) {
  const app = newRouter();

  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/status/{token}/rating',
      tags: ['status page'],
      summary: 'The customer rates their done request (1-5, with a comment)',
      description: `Once per request. A score of ${BAD_RATING_AT} or less opens a review for the managers of the department that finished it, and tells them in the app. 409: not done yet, or already rated.`,
      request: {
        params: TokenParam,
        body: jsonBody(
          z.strictObject({
            score: z.number().int().min(1).max(5),
            comment: z.string().trim().max(2_000).default(''),
          }),
        ),
      },
      responses: { 201: jsonResponse(CustomerStatusSchema, 'Rated: the status as it stands now') },
    }),
    async (c) => {
      const link = await ticketOfStatusToken(deps.db, c.req.valid('param').token);
      await rateTicket(deps, link.ticketId, c.req.valid('json'));
      return c.json(
        await customerStatus(deps.pool, link.ticketId, { agentNames: deps.config.statusPageAgentNames }),
        201,
      );
    },
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'get',
      path: '/reviews',
      tags: ['reports'],
      summary: 'Open reviews of bad ratings in the departments the caller answers for, oldest first',
      responses: { 200: jsonResponse(z.object({ items: z.array(ReviewSchema) }), 'Open reviews') },
    }),
    async (c) => c.json({ items: await openReviews(deps.pool, principalOf(c)) }, 200),
  );

  app.openapi(
    defineRoute(REPORT_READERS, {
      method: 'post',
      path: '/reviews/{ticketId}/close',
      tags: ['reports'],
      summary: 'Close the review of a bad rating, with what was done about it',
      description: "403: another department's review; 409: no open review.",
      request: {
        params: z.object({ ticketId: z.string().min(1).max(200) }),
        body: jsonBody(z.strictObject({ note: z.string().trim().min(1).max(2_000) })),
      },
      responses: { 200: jsonResponse(z.object({ closed: z.literal(true) }), 'Closed') },
    }),
    async (c) => {
      await closeReview(deps, principalOf(c), c.req.valid('param').ticketId, c.req.valid('json').note);
      return c.json({ closed: true as const }, 200);
    },
  );

  return app;
}
