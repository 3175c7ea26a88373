// Ticket types published as public web forms: the form's definition, and opening a ticket with
// it, no account needed. Abuse controls: a rate limit per client address, a honeypot field that
// people never see (a bot that fills it is answered as if it worked, and nothing is kept), and
// the API's body limits. The customer gets a confirmation mail with their status link.
import { and, eq } from 'drizzle-orm';
import { ticketTypes } from '@baton/db';
import { createRateLimiter } from '../auth/rate-limit.js';
import { FieldDefinitionSchema } from '../http/schemas.js';
import { clientAddress } from '../http/client-address.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, z } from '../http/openapi.js';
import { ApiError, rateLimited } from '../http/problem.js';
import { queueCustomerMail } from '../tickets/conversation.js';
import { createTicket } from '../tickets/create-ticket.js';

const TypeParam = z.object({ typeId: z.string().min(1).max(100) });

const PublicFormDefinition = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    fields: z.array(FieldDefinitionSchema),
  })
  .openapi('PublicFormDefinition');

/** The honeypot's name: a field a person never sees, which form-filling bots fill. */
export const HONEYPOT_FIELD = 'website';

const Submission = z.strictObject({
  title: z.string().trim().min(1).max(200),
  name: z.string().trim().max(200).optional(),
  email: z.email().max(320),
  phone: z.string().trim().max(50).optional(),
  fields: z.record(z.string(), z.unknown()).default({}),
  [HONEYPOT_FIELD]: z.string().max(500).optional(),
});

/** Tickets per client address per 10 minutes: a person sends one or two, a script hundreds. */
const SUBMISSIONS_PER_WINDOW = 5;

export function webFormRoutes(deps: AppDeps) {
  const app = newRouter();
  const limiter = createRateLimiter({
    max: SUBMISSIONS_PER_WINDOW,
    windowMs: 10 * 60_000,
    now: deps.config.now,
  });
  const noForm = (typeId: string) => new ApiError('not-found', `there is no public form '${typeId}'`);

  async function publishedType(typeId: string) {
    const [type] = await deps.db
      .select()
      .from(ticketTypes)
      .where(and(eq(ticketTypes.id, typeId), eq(ticketTypes.formPublished, true)));
    if (!type) throw noForm(typeId);
    return type;
  }

  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/forms/{typeId}',
      tags: ['web forms'],
      summary: 'A published web form: its name, description and fields',
      request: { params: TypeParam },
      responses: { 200: jsonResponse(PublicFormDefinition, 'The form') },
    }),
    async (c) => {
      const type = await publishedType(c.req.valid('param').typeId);
      return c.json(
        { id: type.id, name: type.name, description: type.description, fields: type.fields },
        200,
      );
    },
  );

  app.openapi(
    defineRoute('public', {
      method: 'post',
      path: '/forms/{typeId}/tickets',
      tags: ['web forms'],
      summary: 'Open a ticket with a published web form',
      description:
        'Fields are checked as `POST /api/tickets` checks them (422 names each). 429 past 5 tickets in 10 minutes from one address. The customer is mailed a confirmation with their status link.',
      request: { params: TypeParam, body: jsonBody(Submission) },
      responses: {
        201: jsonResponse(
          z.object({ number: z.number().int().nullable(), statusUrl: z.string().nullable() }),
          'Received',
        ),
      },
    }),
    async (c) => {
      const { typeId } = c.req.valid('param');
      const type = await publishedType(typeId);
      const verdict = limiter.hit(clientAddress(c));
      if (!verdict.allowed) throw rateLimited('requests from here', verdict.retryAfterSec);
      const body = c.req.valid('json');
      if (body[HONEYPOT_FIELD]) {
        // What a person gets, minus the ticket: the bot learns nothing to adapt to.
        deps.log.info({ typeId }, 'web form: honeypot filled, nothing kept');
        return c.json({ number: null, statusUrl: null }, 201);
      }
      const customer = {
        email: body.email,
        ...(body.name ? { name: body.name } : {}),
        ...(body.phone ? { phone: body.phone } : {}),
      };
      const { ticketId } = await createTicket(
        deps,
        'form',
        { typeId: type.id, title: body.title, customer, fields: body.fields },
        undefined,
      );
      const [row] = await deps.pool
        .query<{ number: string }>('select number from tickets where id = $1', [ticketId])
        .then((r) => r.rows);
      const number = Number(row!.number);
      const { statusUrl } = await queueCustomerMail(
        deps,
        {
          supportAddress: deps.config.supportAddress,
          appUrl: deps.config.appUrl,
          from: deps.config.mailFrom,
        },
        { id: ticketId, number, title: body.title, customerEmail: body.email },
        {
          subject: `We received your request #${number}: ${body.title}`,
          text: `Thank you${body.name ? `, ${body.name}` : ''}. We received your request "${body.title}" and will answer as soon as we can.`,
          authorId: undefined,
        },
      );
      return c.json({ number, statusUrl }, 201);
    },
  );

  return app;
}
