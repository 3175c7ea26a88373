// The e-mail outbox relay. Steps put e-mails into `notifications` in the same transaction as the
// step (the outbox); this relay, running beside every worker, sends them. It is woken by the
// recording activity when a step queued mail, and polls for what other processes (or a crashed
// one) left behind. Sending outside the workflow keeps agent actions from waiting on SMTP and
// costs the ticket's history nothing (a delivery activity would add six events per e-mail step).
//
// Each row is taken with a lease (one statement, SKIP LOCKED: two relays never send the same
// row), sent, then marked. A crash between the SMTP answer and the mark sends that mail again
// after the lease, with the same Message-ID; nothing is ever lost. A failed send is retried with
// backoff and gives up after `maxAttempts`, keeping its error on the row.
import { type Database, notifications } from '@baton/db';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Mailer } from '../activities/mail.js';
import { outboxMessageId } from '../mail/reply-token.js';

/** The outbox template of an agent's reply to a customer (api's conversation). */
export const CUSTOMER_REPLY_TEMPLATE = 'customer-reply';

export type OutboxRelayOptions = {
  db: Database;
  mailer: Mailer;
  log: Logger;
  /** How often to look for e-mails nobody woke us for. Default 5 s. */
  pollMs?: number;
  /** Attempts per e-mail before it is left with its error. Default 10. */
  maxAttempts?: number;
  /** How long one relay may hold an e-mail it is sending. Default 2 min. */
  leaseMs?: number;
  /** Rows taken per round. Default 20. */
  batchSize?: number;
};

export type OutboxRelay = {
  /** Mail was queued: deliver soon (calls while a round runs are coalesced into one more). */
  wake(): void;
  /** Delivers everything due now; resolves when done. */
  flush(): Promise<{ sent: number; failed: number }>;
  /** Starts polling. */
  start(): void;
  /** Stops polling and waits for the round under way. */
  stop(): Promise<void>;
};

/** 15 s, 30 s, 1 min ... capped at 15 min. */
export const retryDelayMs = (attempts: number) =>
  Math.min(15 * 60_000, 15_000 * 2 ** Math.max(0, attempts - 1));

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, mailer } = options;
  const log = options.log.child({ module: 'outbox' });
  const pollMs = options.pollMs ?? 5_000;
  const maxAttempts = options.maxAttempts ?? 10;
  const leaseMs = options.leaseMs ?? 2 * 60_000;
  const batchSize = options.batchSize ?? 20;
  let round: Promise<{ sent: number; failed: number }> | undefined;
  let again = false;
  /** Set by stop(): the round under way ends after the e-mail it is sending. */
  let stopping = false;
  let poller: NodeJS.Timeout | undefined;

  async function claim() {
    const now = new Date();
    const due = db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.channel, 'email'),
          isNull(notifications.sentAt),
          lt(notifications.attempts, maxAttempts),
          or(isNull(notifications.nextAttemptAt), lte(notifications.nextAttemptAt, now)),
          or(isNull(notifications.sendingUntil), lt(notifications.sendingUntil, now)),
        ),
      )
      .orderBy(notifications.id)
      .limit(batchSize)
      .for('update', { skipLocked: true });
    return db
      .update(notifications)
      .set({ sendingUntil: new Date(now.getTime() + leaseMs) })
      .where(inArray(notifications.id, due))
      .returning({
        id: notifications.id,
        ticketId: notifications.ticketId,
        email: notifications.email,
        subject: notifications.subject,
        body: notifications.body,
        replyTo: notifications.replyTo,
        template: notifications.template,
        attempts: notifications.attempts,
      });
  }

  async function deliverDue(): Promise<{ sent: number; failed: number }> {
    let sent = 0;
    let failed = 0;
    for (;;) {
      if (stopping) return { sent, failed };
      const rows = await claim();
      if (rows.length === 0) return { sent, failed };
      for (const row of rows) {
        if (stopping) {
          // Give back what this round took but will not send, for whoever polls next.
          await db.update(notifications).set({ sendingUntil: null }).where(eq(notifications.id, row.id));
          continue;
        }
        if (!row.email) {
          await db
            .update(notifications)
            .set({ sendingUntil: null, attempts: maxAttempts, error: 'no address' })
            .where(eq(notifications.id, row.id));
          continue;
        }
        try {
          await mailer.send({
            to: row.email,
            subject: row.subject,
            text: row.body,
            messageId: outboxMessageId(row.id, row.replyTo),
            ...(row.replyTo ? { replyTo: row.replyTo } : {}),
            // An agent's reply is a person's answer; everything else Baton sends on its own.
            automatic: row.template !== CUSTOMER_REPLY_TEMPLATE,
          });
          await db
            .update(notifications)
            .set({
              sentAt: new Date(),
              sendingUntil: null,
              error: null,
              attempts: sql`${notifications.attempts} + 1`,
            })
            .where(eq(notifications.id, row.id));
          sent += 1;
        } catch (error) {
          failed += 1;
          const attempts = row.attempts + 1;
          const message = error instanceof Error ? error.message : String(error);
          // The address is customer data: the log names the row, not the recipient.
          log.warn(
            {
              notificationId: row.id,
              ticketId: row.ticketId,
              attempts,
              giveUp: attempts >= maxAttempts,
              err: message,
            },
            'e-mail not sent',
          );
          await db
            .update(notifications)
            .set({
              attempts,
              error: message,
              sendingUntil: null,
              nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
            })
            .where(eq(notifications.id, row.id));
        }
      }
    }
  }

  function runRound(): Promise<{ sent: number; failed: number }> {
    round ??= (async () => {
      const total = { sent: 0, failed: 0 };
      try {
        do {
          if (stopping) break;
          again = false;
          const done = await deliverDue();
          total.sent += done.sent;
          total.failed += done.failed;
        } while (again);
      } finally {
        round = undefined;
      }
      return total;
    })();
    return round;
  }

  const background = () =>
    void runRound().catch((error: unknown) =>
      log.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'outbox round failed; retrying on the next poll',
      ),
    );

  return {
    wake() {
      if (round) again = true;
      else background();
    },
    async flush() {
      if (round) {
        again = true;
        await round.catch(() => undefined);
      }
      return runRound();
    },
    start() {
      stopping = false;
      if (poller) return;
      poller = setInterval(background, pollMs);
      poller.unref();
      background();
    },
    async stop() {
      stopping = true;
      if (poller) clearInterval(poller);
      poller = undefined;
      await round?.catch(() => undefined);
    },
  };
}
