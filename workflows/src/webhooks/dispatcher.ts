// The webhook dispatcher: takes the deliveries queued with their events (the outbox) and hands
// each to the runtime's delivery: on Temporal, a webhookDeliveryWorkflow started under the
// delivery's own id (starting it twice starts it once); in memory, the in-process loop. It runs
// beside every API process (it needs a Temporal client, which standalone workers lack; those run
// the delivery activity), is woken when this process queued something and polls for the rest.
//
// A row is taken (dispatched_at set, SKIP LOCKED: two dispatchers never take the same row)
// before it is handed over; a failed hand-over gives it back. A row taken by a process that died
// before handing it over is taken again after `redispatchAfterMs`: a hand-over that did happen
// meets the running workflow's id and changes nothing.
import { type Database, webhookDeliveries } from '@baton/db';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';

export type WebhookDispatch = (deliveryId: number) => Promise<void>;

export type WebhookDispatcherOptions = {
  db: Database;
  log: Logger;
  dispatch: WebhookDispatch;
  /** How often to look for deliveries nobody woke us for. Default 1 s. */
  pollMs?: number;
  /** Rows taken per round. Default 100. */
  batchSize?: number;
  /** When a taken row still pending is taken again. Default 1 h (above the retry span). */
  redispatchAfterMs?: number;
};

export type WebhookDispatcher = {
  wake(): void;
  /** Hands over everything queued now; resolves with how many. */
  flush(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
};

export function createWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { db, dispatch } = options;
  const log = options.log.child({ module: 'webhooks' });
  const pollMs = options.pollMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const redispatchAfterMs = options.redispatchAfterMs ?? 60 * 60_000;
  let round: Promise<number> | undefined;
  let again = false;
  let stopping = false;
  let poller: NodeJS.Timeout | undefined;

  async function take(): Promise<number[]> {
    const now = new Date();
    const due = db
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, 'pending'),
          or(
            isNull(webhookDeliveries.dispatchedAt),
            lt(webhookDeliveries.dispatchedAt, new Date(now.getTime() - redispatchAfterMs)),
          ),
        ),
      )
      .orderBy(webhookDeliveries.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    const taken = await db
      .update(webhookDeliveries)
      .set({ dispatchedAt: now })
      .where(inArray(webhookDeliveries.id, due))
      .returning({ id: webhookDeliveries.id });
    return taken.map((row) => row.id).sort((a, b) => a - b);
  }

  async function giveBack(ids: number[]) {
    if (ids.length === 0) return;
    await db
      .update(webhookDeliveries)
      .set({ dispatchedAt: null })
      .where(and(inArray(webhookDeliveries.id, ids), sql`${webhookDeliveries.status} = 'pending'`));
  }

  async function runRound(): Promise<number> {
    let handed = 0;
    for (;;) {
      const ids = await take();
      for (const [index, id] of ids.entries()) {
        try {
          await dispatch(id);
          handed += 1;
        } catch (error) {
          // The runtime is unreachable: what is left waits for the next round.
          log.warn({ err: error, deliveryId: id }, 'could not hand a webhook delivery over; retrying soon');
          await giveBack(ids.slice(index));
          return handed;
        }
        if (stopping) {
          await giveBack(ids.slice(index + 1));
          return handed;
        }
      }
      if (ids.length < batchSize || stopping) return handed;
    }
  }

  function flush(): Promise<number> {
    if (round) {
      again = true;
      return round;
    }
    round = runRound()
      .catch((error: unknown) => {
        log.error({ err: error }, 'webhook dispatch round failed');
        return 0;
      })
      .finally(() => {
        round = undefined;
        if (again && !stopping) {
          again = false;
          void flush();
        }
      });
    return round;
  }

  return {
    wake: () => void flush(),
    flush,
    start() {
      if (poller) return;
      stopping = false;
      poller = setInterval(() => void flush(), pollMs);
      poller.unref();
      void flush();
    },
    async stop() {
      stopping = true;
      if (poller) clearInterval(poller);
      poller = undefined;
      await round;
    },
  };
}
