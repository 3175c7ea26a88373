// Write load over HTTP, as a busy help desk makes it: a few agents in a loop, each creating a
// ticket, claiming its task and (mostly) completing it, and tickets arriving from customers at a
// steady pace. Every request has a bound; every answer
// is kept (when it was sent, how long it took, status, Retry-After, problem code), and what the
// API acknowledged (201, 200) is collected for the invariants afterwards.
import type { Session } from '../support/baton-process.js';

export type Answer = {
  op: 'create' | 'claim' | 'complete';
  sentAt: number;
  ms: number;
  /** 0: no answer within the bound (or the connection failed). */
  status: number;
  retryAfter: number | null;
  contentType: string;
  code?: string;
  error?: string;
};

export type WriteLoad = {
  answers: Answer[];
  acknowledged: { created: Set<string>; claimed: Set<string>; completed: Map<string, string> };
  /** Stops the loops and waits for the requests under way. */
  stop(): Promise<void>;
};

export type WriteLoadOptions = {
  session: Session;
  typeId: string;
  /** Prefix of the tickets' titles and Idempotency-Keys. */
  name: string;
  workers: number;
  boundMs: number;
  /** Task outcome to complete with. */
  outcome: string;
  /**
   * A new ticket arrives this often from customers, whether or not earlier requests were answered,
   * so requests keep coming while every agent waits on one that a fault holds up.
   */
  arrivalEveryMs: number;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startWriteLoad(options: WriteLoadOptions): WriteLoad {
  const answers: Answer[] = [];
  const acknowledged = {
    created: new Set<string>(),
    claimed: new Set<string>(),
    completed: new Map<string, string>(),
  };
  let stopped = false;

  async function send(op: Answer['op'], route: string, body: unknown, key: string) {
    const sentAt = Date.now();
    try {
      const res = await options.session(
        'POST',
        route,
        body,
        { 'idempotency-key': key },
        AbortSignal.timeout(options.boundMs),
      );
      const contentType = res.headers.get('content-type') ?? '';
      const parsed = contentType.includes('json') ? ((await res.json()) as Record<string, unknown>) : {};
      if (!contentType.includes('json')) await res.body?.cancel();
      const retryAfter = res.headers.get('retry-after');
      answers.push({
        op,
        sentAt,
        ms: Date.now() - sentAt,
        status: res.status,
        retryAfter: retryAfter === null ? null : Number(retryAfter),
        contentType,
        ...(typeof parsed.code === 'string' ? { code: parsed.code } : {}),
      });
      return { status: res.status, body: parsed };
    } catch (error) {
      answers.push({
        op,
        sentAt,
        ms: Date.now() - sentAt,
        status: 0,
        retryAfter: null,
        contentType: '',
        error: (error as Error).message,
      });
      return { status: 0, body: {} };
    }
  }

  async function worker(n: number) {
    for (let i = 0; !stopped; i++) {
      const key = `${options.name}-${n}-${i}`;
      const created = await send('create', '/api/tickets', { typeId: options.typeId, title: key }, key);
      if (created.status !== 201) {
        await sleep(250); // as a client would, rather than spinning on a refusal
        continue;
      }
      const ticket = created.body as { id: string; openTasks: { id: string }[] };
      acknowledged.created.add(ticket.id);
      const taskId = ticket.openTasks[0]?.id;
      if (!taskId) continue;
      const claim = await send('claim', `/api/tasks/${taskId}/claim`, {}, `${key}-claim`);
      if (claim.status !== 200) continue;
      acknowledged.claimed.add(taskId);
      // One in four stays claimed and open, so its SLA timers run through the fault.
      if (i % 4 === 3) continue;
      const done = await send(
        'complete',
        `/api/tasks/${taskId}/complete`,
        { outcome: options.outcome },
        `${key}-done`,
      );
      if (done.status === 200) acknowledged.completed.set(taskId, options.outcome);
    }
  }

  const arriving = new Set<Promise<void>>();
  async function arrivals() {
    for (let i = 0; !stopped; i++) {
      const key = `${options.name}-arrival-${i}`;
      const arrival = send('create', '/api/tickets', { typeId: options.typeId, title: key }, key).then(
        (created) => {
          if (created.status === 201) acknowledged.created.add((created.body as { id: string }).id);
        },
      );
      arriving.add(arrival);
      void arrival.finally(() => arriving.delete(arrival));
      await sleep(options.arrivalEveryMs);
    }
  }

  const loops = [...Array.from({ length: options.workers }, (_, n) => worker(n)), arrivals()];
  return {
    answers,
    acknowledged,
    async stop() {
      stopped = true;
      await Promise.all(loops);
      await Promise.all(arriving);
    },
  };
}

/** Counts of answers by `op status` (`create 201`, `claim 503`, …). */
export function tally(answers: Answer[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const key = `${a.op} ${a.status || 'no answer'}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}
