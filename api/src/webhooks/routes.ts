// Webhook routes: subscriptions of URLs to ticket events and their delivery log, kept by admins
// and developers (the people wiring Baton to a CRM or ERP).
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@baton/db';
import { WEBHOOK_RETRY } from '@baton/workflows';
import { WEBHOOK_KEEPERS } from '../access/roles.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import {
  createSubscription,
  deleteSubscription,
  listDeliveries,
  listSubscriptions,
  redeliver,
  updateSubscription,
} from './subscriptions.js';

const EventSchema = z.enum(WEBHOOK_EVENTS).openapi({
  description:
    "`ticket.created`; `ticket.stage_changed` (a stage opened: the ticket reached a department); `ticket.sla_level` (a stage's or the ticket's clock reached warning, overdue or severe); `ticket.done`; `ticket.rated` (the customer rated it); `ticket.reopened` (a done ticket opened again: `data.reason`, and `data.by`, the user or `customer` for their answer by mail).",
});

const HttpUrl = z
  .url({ protocol: /^https?$/, error: 'an http:// or https:// URL' })
  .max(2000)
  .openapi({ example: 'https://crm.example.com/hooks/baton' });

const SubscriptionSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(EventSchema),
    typeId: z.string().nullable().openapi({ description: 'Only tickets of this type; null: every type.' }),
    active: z.boolean(),
    secretHint: z.string().openapi({ description: 'The first and last characters of the signing secret.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
    deliveries: z.object({
      pending: z.number().int(),
      delivered: z.number().int(),
      failed: z.number().int(),
      lastAt: z.string().nullable(),
    }),
  })
  .openapi('WebhookSubscription');

const WithSecret = SubscriptionSchema.extend({
  secret: z.string().openapi({
    description:
      'The signing secret, answered only now: every delivery carries `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`.',
  }),
}).openapi('WebhookSubscriptionWithSecret');

const AttemptSchema = z.object({
  attempt: z.number().int(),
  at: z.string(),
  durationMs: z.number().int(),
  statusCode: z.number().int().nullable().openapi({ description: 'Null: no answer (refused, timed out).' }),
  error: z.string().nullable(),
  responseExcerpt: z
    .string()
    .nullable()
    .openapi({ description: "The first 500 characters of the receiver's answer." }),
});

const DeliverySchema = z
  .object({
    id: z.string(),
    event: EventSchema,
    eventId: z
      .string()
      .openapi({ description: 'The same for every delivery of one event: receivers dedupe by it.' }),
    ticketId: z.string(),
    ticketNumber: z.number().int(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    payload: z.record(z.string(), z.unknown()),
    log: z.array(AttemptSchema),
  })
  .openapi('WebhookDelivery');

const Description = z.string().trim().max(500);
const Events = z.array(EventSchema).min(1).max(WEBHOOK_EVENTS.length);
const TypeId = z.string().min(1).max(200).nullable();
const SubscriptionParams = z.object({ id: z.string().min(1).max(200) });
const DeliveryParams = SubscriptionParams.extend({
  deliveryId: z.string().regex(/^[1-9]\d{0,17}$/, 'a delivery id (digits)'),
});

export function webhookRoutes(deps: AppDeps) {
  const { db } = deps;
  const app = newRouter();

  app.openapi(
    defineRoute(WEBHOOK_KEEPERS, {
      method: 'get',
      path: '/webhooks',
      tags: ['webhooks'],
      summary: 'The webhook subscriptions, with their deliveries counted, and the retry policy',
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(SubscriptionSchema),
            retry: z
              .object({
                initialIntervalMs: z.number().int(),
                backoffCoefficient: z.number(),
                maximumIntervalMs: z.number().int(),
                maximumAttempts: z.number().int(),
              })
              .openapi({ description: "How a failed delivery is retried (the delivery workflow's policy)" }),
          }),
          'Every subscription',
        ),
      },
    }),
    async (c) => c.json({ items: await listSubscriptions(db), retry: WEBHOOK_RETRY }, 200),
  );

  app.openapi(
    defineRoute(WEBHOOK_KEEPERS, {
      method: 'post',
      path: '/webhooks',
      tags: ['webhooks'],
      summary: 'Subscribe a URL to ticket events',
      description: `Each event is POSTed as JSON, signed with the secret answered here (only here), and retried with backoff up to ${WEBHOOK_RETRY.maximumAttempts} attempts until the receiver answers 2xx; every attempt is logged.`,
      request: {
        body: jsonBody(
          z.strictObject({
            url: HttpUrl,
            description: Description.optional(),
            events: Events,
            typeId: TypeId.optional(),
            active: z.boolean().optional(),
          }),
        ),
      },
      responses: { 201: jsonResponse(WithSecret, 'Subscribed; keep the secret') },
    }),
    async (c) => c.json(await createSubscription(db, c.req.valid('json'), principalOf(c).id), 201),
  );

  app.openapi(
    defineRoute(WEBHOOK_KEEPERS, {
      method: 'patch',
      path: '/webhooks/{id}',
      tags: ['webhooks'],
      summary: 'Change a subscription, pause or resume it, or rotate its secret',
      description:
        'Fields left out stay as they are. `rotateSecret: true` answers the new secret (only then); deliveries from then on are signed with it. A paused subscription queues nothing, and its pending deliveries fail.',
      request: {
        params: SubscriptionParams,
        body: jsonBody(
          z.strictObject({
            url: HttpUrl.optional(),
            description: Description.optional(),
            events: Events.optional(),
            typeId: TypeId.optional(),
            active: z.boolean().optional(),
            rotateSecret: z.boolean().optional(),
          }),
        ),
      },
      responses: {
        200: jsonResponse(
          SubscriptionSchema.extend({ secret: z.string().optional() }),
          'Changed (with the new secret when rotated)',
        ),
      },
    }),
    async (c) => c.json(await updateSubscription(db, c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute(WEBHOOK_KEEPERS, {
      method: 'delete',
      path: '/webhooks/{id}',
      tags: ['webhooks'],
      summary: 'Delete a subscription with its delivery log',
      request: { params: SubscriptionParams },
      responses: { 204: { description: 'Deleted' } },
    }),
    async (c) => {
      await deleteSubscription(db, c.req.valid('param').id);
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute(WEBHOOK_KEEPERS, {
      method: 'get',
      path: '/webhooks/{id}/deliveries',
      tags: ['webhooks'],
      summary: "A subscription's delivery log, newest first, each delivery with its attempts",
      description: 'Pass `nextCursor` back as `cursor`.',
      request: {
        params: SubscriptionParams,
        query: z.object({
          cursor: DeliveryParams.shape.deliveryId.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(25),
          status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
        }),
      },
      responses: {
        200: jsonResponse(
          z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() }),
          'A page of deliveries',
        ),
      },
    }),
    async (c) => {
      const { cursor, limit, status } = c.req.valid('query');
      const page = await listDeliveries(db, c.req.valid('param').id, {
        limit,
        ...(cursor ? { cursor: Number(cursor) } : {}),
        ...(status ? { status } : {}),
      });
      return c.json(page, 200);
    },
  );

  app.openapi(
    defineRoute(WEBHOOK_KEEPERS, {
      method: 'post',
      path: '/webhooks/{id}/deliveries/{deliveryId}/redeliver',
      tags: ['webhooks'],
      summary: 'Deliver a delivered or failed event again',
      description:
        'The same payload, event id and a fresh round of attempts; its log goes on. 409 while it is still being delivered.',
      request: { params: DeliveryParams },
      responses: { 202: { description: 'Queued again' } },
    }),
    async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      await redeliver(db, id, Number(deliveryId));
      return c.body(null, 202);
    },
  );

  return app;
}
