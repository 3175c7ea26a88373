// Ticket details for requests, kept in memory and checked against the database on every read.
//
// Each read needs one round trip to learn the ticket's current version, and on this hot path the
// round trip, not the work, is the cost. So reads that arrive while a check is under way wait for
// it to finish and then share the next one: one query for all of them, with the detail only of
// tickets that changed. A read never joins a query that was already sent, so it still sees every
// change committed before it arrived, exactly as with a query of its own. When nothing else is
// waiting, a read goes out at once.
import type { Queryable } from '../sql/queryable.js';
import type { DetailCache } from './detail-cache.js';
import { queryTicketDetails, type TicketView } from './detail-query.js';

export type LoadedTicket = { view: TicketView; typeName: string };

export type DetailLoader = {
  /** The ticket as of a moment after this call; undefined when there is no such ticket. */
  load(ticketId: string): Promise<LoadedTicket | undefined>;
  stats(): { reads: number; queries: number };
};

type Waiter = { resolve: (ticket: LoadedTicket | undefined) => void; reject: (error: unknown) => void };

export function createDetailLoader(options: {
  pool: Queryable;
  cache: DetailCache<TicketView>;
  /** Queries at once; more reads wait for one to finish. */
  maxInFlight?: number;
  /** Tickets per query. */
  maxBatch?: number;
}): DetailLoader {
  const { pool, cache } = options;
  const maxInFlight = options.maxInFlight ?? 2;
  const maxBatch = options.maxBatch ?? 100;
  const waiting = new Map<string, Waiter[]>();
  let inFlight = 0;
  let scheduled = false;
  let reads = 0;
  let queries = 0;

  // Reads that arrive in the same turn of the event loop (several sockets readable at once) go
  // together: the query is sent once the turn's I/O callbacks have run.
  function schedule() {
    if (scheduled || inFlight >= maxInFlight || waiting.size === 0) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      send();
    });
  }

  function send() {
    if (inFlight >= maxInFlight || waiting.size === 0) return;
    const batch: { ticketId: string; waiters: Waiter[]; kept: ReturnType<typeof cache.get> }[] = [];
    for (const [ticketId, waiters] of waiting) {
      if (batch.length === maxBatch) break;
      // What is kept now is what the answer is compared against, whatever the cache holds later.
      batch.push({ ticketId, waiters, kept: cache.get(ticketId) });
    }
    for (const { ticketId } of batch) waiting.delete(ticketId);
    inFlight++;
    queries++;
    queryTicketDetails(
      pool,
      batch.map((b) => ({ ticketId: b.ticketId, knownVersion: b.kept?.version ?? null })),
    )
      .then((answers) => {
        const byId = new Map(answers.map((a) => [a.ticketId, a]));
        for (const { ticketId, waiters, kept } of batch) {
          const answer = byId.get(ticketId);
          let loaded: LoadedTicket | undefined;
          if (answer?.fresh) {
            cache.set(ticketId, { version: answer.version, value: answer.fresh.view }, answer.fresh.bytes);
            loaded = { view: answer.fresh.view, typeName: answer.typeName };
          } else if (answer && kept) {
            loaded = { view: kept.value, typeName: answer.typeName };
          } else if (answer) {
            const error = new Error(`ticket ${ticketId}: no detail came back for version ${answer.version}`);
            for (const w of waiters) w.reject(error);
            continue;
          }
          for (const w of waiters) w.resolve(loaded);
        }
      })
      .catch((error: unknown) => {
        for (const { waiters } of batch) for (const w of waiters) w.reject(error);
      })
      .finally(() => {
        inFlight--;
        send();
      });
  }

  return {
    load(ticketId) {
      reads++;
      return new Promise((resolve, reject) => {
        const waiters = waiting.get(ticketId);
        if (waiters) waiters.push({ resolve, reject });
        else waiting.set(ticketId, [{ resolve, reject }]);
        schedule();
      });
    },
    stats: () => ({ reads, queries }),
  };
}
