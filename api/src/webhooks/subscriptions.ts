// Webhook subscriptions and their delivery log, as admins and developers keep them. The secret is
// answered once, when it is made (at creation or rotation); afterwards only its last characters.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import {
  type WebhookDeliveryStatus,
  type WebhookEvent,
  ticketTypes,
  tickets,
  webhookAttempts,
  webhookDeliveries,
  webhookSubscriptions,
} from '@baton/db';
import { newWebhookSecret } from '@baton/workflows';
import type { Database } from '../http/env.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { iso } from '../http/schemas.js';

export type SubscriptionInput = {
  url: string;
  description?: string;
  events: WebhookEvent[];
  typeId?: string | null;
  active?: boolean;
};

export type SubscriptionChange = Partial<SubscriptionInput> & { rotateSecret?: boolean };

/** Enough of the secret to tell two apart, never enough to sign with. */
const secretHint = (secret: string) => `${secret.slice(0, 6)}…${secret.slice(-4)}`;

async function assertTypeExists(db: Database, typeId: string | null | undefined) {
  if (!typeId) return;
  const [type] = await db.select({ id: ticketTypes.id }).from(ticketTypes).where(eq(ticketTypes.id, typeId));
  if (!type)
    throw invalid(`ticket type '${typeId}' does not exist`, [
      { path: 'body.typeId', message: 'unknown ticket type' },
    ]);
}

type DeliveryCounts = { pending: number; delivered: number; failed: number; lastAt: string | null };
const counts = sql<DeliveryCounts>`(
  select json_build_object(
    'pending', count(*) filter (where d.status = 'pending'),
    'delivered', count(*) filter (where d.status = 'delivered'),
    'failed', count(*) filter (where d.status = 'failed'),
    'lastAt', max(d.created_at))
  from webhook_deliveries d where d.subscription_id = webhook_subscriptions.id)`;

const subscriptionColumns = {
  id: webhookSubscriptions.id,
  url: webhookSubscriptions.url,
  description: webhookSubscriptions.description,
  events: webhookSubscriptions.events,
  typeId: webhookSubscriptions.typeId,
  active: webhookSubscriptions.active,
  secret: webhookSubscriptions.secret,
  createdAt: webhookSubscriptions.createdAt,
  updatedAt: webhookSubscriptions.updatedAt,
  deliveries: counts,
};

type SubscriptionRow = Omit<typeof webhookSubscriptions.$inferSelect, 'createdBy'> & {
  deliveries: DeliveryCounts;
};

const subscriptionJson = ({ secret, ...row }: SubscriptionRow) => ({
  ...row,
  secretHint: secretHint(secret),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  deliveries: {
    ...row.deliveries,
    lastAt: row.deliveries.lastAt ? new Date(row.deliveries.lastAt).toISOString() : null,
  },
});

export type SubscriptionJson = ReturnType<typeof subscriptionJson>;

export async function listSubscriptions(db: Database): Promise<SubscriptionJson[]> {
  const rows = await db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .orderBy(webhookSubscriptions.createdAt, webhookSubscriptions.id);
  return rows.map(subscriptionJson);
}

async function subscription(db: Database, id: string): Promise<SubscriptionJson> {
  const [row] = await db
    .select(subscriptionColumns)
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id));
  if (!row) throw notFound('webhook subscription', id);
  return subscriptionJson(row);
}

export async function createSubscription(
  db: Database,
  input: SubscriptionInput,
  createdBy: string,
): Promise<SubscriptionJson & { secret: string }> {
  await assertTypeExists(db, input.typeId);
  const id = randomUUID();
  const secret = newWebhookSecret();
  await db.insert(webhookSubscriptions).values({
    id,
    url: input.url,
    description: input.description ?? '',
    events: [...new Set(input.events)],
    typeId: input.typeId ?? null,
    active: input.active ?? true,
    secret,
    createdBy,
  });
  return { ...(await subscription(db, id)), secret };
}

export async function updateSubscription(
  db: Database,
  id: string,
  change: SubscriptionChange,
): Promise<SubscriptionJson & { secret?: string }> {
  await assertTypeExists(db, change.typeId);
  const secret = change.rotateSecret ? newWebhookSecret() : undefined;
  const [updated] = await db
    .update(webhookSubscriptions)
    .set({
      ...(change.url !== undefined ? { url: change.url } : {}),
      ...(change.description !== undefined ? { description: change.description } : {}),
      ...(change.events !== undefined ? { events: [...new Set(change.events)] } : {}),
      ...(change.typeId !== undefined ? { typeId: change.typeId } : {}),
      ...(change.active !== undefined ? { active: change.active } : {}),
      ...(secret ? { secret } : {}),
      updatedAt: new Date(),
    })
    .where(eq(webhookSubscriptions.id, id))
    .returning({ id: webhookSubscriptions.id });
  if (!updated) throw notFound('webhook subscription', id);
  return { ...(await subscription(db, id)), ...(secret ? { secret } : {}) };
}

export async function deleteSubscription(db: Database, id: string): Promise<void> {
  const deleted = await db
    .delete(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id))
    .returning({ id: webhookSubscriptions.id });
  if (deleted.length === 0) throw notFound('webhook subscription', id);
}

const deliveryColumns = {
  id: webhookDeliveries.id,
  event: webhookDeliveries.event,
  eventId: webhookDeliveries.eventId,
  ticketId: webhookDeliveries.ticketId,
  ticketNumber: tickets.number,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
  payload: webhookDeliveries.payload,
};

/** A page of a subscription's deliveries, newest first, each with its attempts. */
export async function listDeliveries(
  db: Database,
  subscriptionId: string,
  page: { cursor?: number; limit: number; status?: WebhookDeliveryStatus },
) {
  await subscription(db, subscriptionId);
  const rows = await db
    .select(deliveryColumns)
    .from(webhookDeliveries)
    .innerJoin(tickets, eq(tickets.id, webhookDeliveries.ticketId))
    .where(
      and(
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        page.status ? eq(webhookDeliveries.status, page.status) : undefined,
        page.cursor !== undefined ? lt(webhookDeliveries.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const attempts =
    shown.length === 0
      ? []
      : await db
          .select()
          .from(webhookAttempts)
          .where(
            sql`${webhookAttempts.deliveryId} in (${sql.join(
              shown.map((row) => sql`${row.id}`),
              sql`, `,
            )})`,
          )
          .orderBy(webhookAttempts.deliveryId, webhookAttempts.attempt);
  return {
    items: shown.map((row) => ({
      ...row,
      id: String(row.id),
      nextAttemptAt: iso(row.nextAttemptAt),
      deliveredAt: iso(row.deliveredAt),
      createdAt: row.createdAt.toISOString(),
      log: attempts
        .filter((attempt) => attempt.deliveryId === row.id)
        .map((attempt) => ({
          attempt: attempt.attempt,
          at: attempt.at.toISOString(),
          durationMs: attempt.durationMs,
          statusCode: attempt.statusCode,
          error: attempt.error,
          responseExcerpt: attempt.responseExcerpt,
        })),
    })),
    nextCursor: rows.length > page.limit ? String(shown.at(-1)!.id) : null,
  };
}

/** Queues a settled delivery again (the receiver is fixed); its log goes on from its last attempt. */
export async function redeliver(db: Database, subscriptionId: string, deliveryId: number) {
  const [row] = await db
    .select({ status: webhookDeliveries.status })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, subscriptionId)));
  if (!row) throw notFound('webhook delivery', String(deliveryId));
  if (row.status === 'pending') throw conflict(`delivery ${deliveryId} is still being delivered`);
  await db
    .update(webhookDeliveries)
    .set({ status: 'pending', dispatchedAt: null, nextAttemptAt: null, deliveredAt: null })
    .where(eq(webhookDeliveries.id, deliveryId));
}
