// One attempt at a webhook delivery: POST the payload, signed, to the subscription's URL and log
// the answer. Run as a Temporal activity (Temporal retries it with WEBHOOK_RETRY), or by the
// in-memory runtime's stand-in loop (runInProcess). A 2xx delivers; anything else (an error
// status, a refusal, a timeout) is logged and, until the last attempt, thrown to be retried.
import { type Database, webhookAttempts, webhookDeliveries, webhookSubscriptions } from '@baton/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { WEBHOOK_RETRY, WEBHOOK_TIMEOUT_MS, webhookRetryDelayMs } from './retry.js';
import { signWebhook } from './signature.js';

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'gone';

/** Thrown by a failed attempt that is not the last: the caller retries after webhookRetryDelayMs. */
export class WebhookAttemptFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookAttemptFailed';
  }
}

const EXCERPT_CHARS = 500;

type Answer = { statusCode: number | null; error: string | null; excerpt: string | null };

async function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      // A redirect is an answer to log, not to follow: the signature was made for this URL.
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    const text = await response.text().catch(() => '');
    const ok = response.status >= 200 && response.status < 300;
    return {
      statusCode: response.status,
      error: ok ? null : `answered ${response.status} ${response.statusText}`.trim(),
      excerpt: text.slice(0, EXCERPT_CHARS) || null,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message =
      error instanceof Error && error.name === 'TimeoutError'
        ? `no answer within ${WEBHOOK_TIMEOUT_MS} ms`
        : (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error)));
    return { statusCode: null, error: message, excerpt: null };
  }
}

/**
 * Attempt `retry` (1-based, as the retry policy counts) of a delivery. The last one leaves a
 * failure on the row instead of throwing it. The number in the log comes from the row (reserved
 * atomically), so a redelivery continues the log where it ended.
 */
export async function attemptWebhookDelivery(
  deps: { db: Database; log: Logger; now?: () => number },
  deliveryId: number,
  retry: number,
): Promise<DeliveryOutcome> {
  const now = deps.now ?? Date.now;
  const [reserved] = await deps.db
    .update(webhookDeliveries)
    .set({ attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, 'pending')))
    .returning({ logged: webhookDeliveries.attempts });
  if (!reserved) {
    // Deleted with its subscription, or settled by an earlier attempt whose answer got lost.
    const [settled] = await deps.db
      .select({ status: webhookDeliveries.status })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, deliveryId));
    return settled?.status === 'delivered' || settled?.status === 'failed' ? settled.status : 'gone';
  }
  const { logged } = reserved;
  const [row] = await deps.db
    .select({
      event: webhookDeliveries.event,
      payload: webhookDeliveries.payload,
      subscriptionId: webhookSubscriptions.id,
      url: webhookSubscriptions.url,
      secret: webhookSubscriptions.secret,
      active: webhookSubscriptions.active,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .where(eq(webhookDeliveries.id, deliveryId));
  if (!row) return 'gone';
  const log = deps.log.child({ module: 'webhooks', deliveryId, subscriptionId: row.subscriptionId });
  if (!row.active) {
    await deps.db
      .update(webhookDeliveries)
      .set({ status: 'failed', lastError: 'the subscription is paused', nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    return 'failed';
  }

  const body = JSON.stringify(row.payload);
  const startedAt = now();
  const answer = await post(
    row.url,
    {
      'content-type': 'application/json',
      'user-agent': 'Baton-Webhooks/1',
      'baton-event': row.event,
      'baton-delivery': String(deliveryId),
      'baton-attempt': String(logged),
      'baton-signature': signWebhook(row.secret, body, Math.floor(startedAt / 1000)),
    },
    body,
  );
  const finishedAt = now();
  const delivered = answer.error === null;
  const last = retry >= WEBHOOK_RETRY.maximumAttempts;
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(webhookAttempts)
      .values({
        deliveryId,
        attempt: logged,
        at: new Date(startedAt),
        durationMs: Math.max(0, Math.round(finishedAt - startedAt)),
        statusCode: answer.statusCode,
        error: answer.error,
        responseExcerpt: answer.excerpt,
      })
      .onConflictDoNothing();
    await tx
      .update(webhookDeliveries)
      .set({
        status: delivered ? 'delivered' : last ? 'failed' : 'pending',
        lastStatusCode: answer.statusCode,
        lastError: answer.error,
        deliveredAt: delivered ? new Date(finishedAt) : null,
        nextAttemptAt: delivered || last ? null : new Date(finishedAt + webhookRetryDelayMs(retry)),
      })
      .where(eq(webhookDeliveries.id, deliveryId));
  });
  if (delivered) {
    log.info({ attempt: logged, statusCode: answer.statusCode }, 'webhook delivered');
    return 'delivered';
  }
  log.warn(
    { attempt: logged, statusCode: answer.statusCode, error: answer.error, last },
    'webhook attempt failed',
  );
  if (last) return 'failed';
  throw new WebhookAttemptFailed(`delivery ${deliveryId} attempt ${logged}: ${answer.error}`);
}

/**
 * The in-memory runtime's stand-in for the delivery workflow: the same attempts and backoff in
 * this process, not durable (after a restart the dispatcher takes the pending rows again once
 * their redispatch delay has passed).
 */
export async function deliverInProcess(
  deps: { db: Database; log: Logger },
  deliveryId: number,
  wait: (ms: number) => Promise<void>,
  retryDelayMs: (attempt: number) => number = webhookRetryDelayMs,
): Promise<DeliveryOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptWebhookDelivery(deps, deliveryId, attempt);
    } catch (error) {
      if (!(error instanceof WebhookAttemptFailed)) throw error;
      await wait(retryDelayMs(attempt));
    }
  }
}
