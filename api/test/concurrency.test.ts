// Races over real HTTP (a loopback listener) against the real app on a small connection pool
// (4). Mostly with the in-memory runtime (the same engine, driver and read-model activities as
// production, without Temporal; that is enough to race the API's own checks and writes), and the
// same races once more on the run's real Temporal server when there is one. Exactly one winner
// where there must be one, nothing hangs, no connection is left idle in a transaction, and no
// row is written twice.
import { createPool, databaseOn } from '@baton/db';
import { createActivities, TemporalRuntime } from '@baton/workflows';
import { eventTypesOf, realTemporal, skipWithoutTemporal } from '@baton/workflows/testing';
import type pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { defaultConfig } from '../src/config.js';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness, type Person } from './harness.js';
import { serveOnLoopback, type Served } from './http-server.js';
import { inMemoryRuntime } from './runtime.js';

const POOL_SIZE = 4;
const ACQUIRE_TIMEOUT_MS = 10_000;
/** Generous for 2 shared cores; a deadlocked pool never finishes at all. */
const RACE_BOUND_MS = 30_000;

/** The app under race on its own small pool, served over HTTP; `h` holds the people and a roomier pool to check with. */
type Rig = {
  h: Harness;
  served: Served;
  /** What the engine holds for a ticket, said when the read model disagrees with an answer. */
  explain?(ticketId: string): Promise<string>;
  close(): Promise<void>;
};

function smallPool(url: string): pg.Pool {
  const pool = createPool(url, { max: POOL_SIZE, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
  pool.on('error', () => undefined); // an idle client's failure must not crash the test
  return pool;
}

async function inMemoryRig(): Promise<Rig> {
  const h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  const pool = smallPool(h.t.url);
  const db = databaseOn(pool);
  const live = inMemoryRuntime(db, h.clock!.now());
  const app = createApp({
    ...h.deps,
    db,
    pool,
    runtime: live.runtime,
    config: defaultConfig({ ...h.deps.config, now: () => live.clock.now() }),
  });
  const served = await serveOnLoopback(app);
  return {
    h,
    served,
    async close() {
      await served.close();
      await live.runtime.close();
      await pool.end();
      await h.close();
    },
  };
}

async function temporalRig(address: string): Promise<Rig> {
  let pool: pg.Pool | undefined;
  const h = await createHarness({
    runtime: async (t) => {
      pool = smallPool(t.url);
      const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
      return TemporalRuntime.connect({
        address,
        namespace: 'default',
        taskQueue: `baton-concurrency-${process.pid}-${Date.now()}`,
        activities: createActivities({ db: databaseOn(pool), log }),
        log,
      });
    },
  });
  await deploySupportRefunds(h);
  const app = createApp({ ...h.deps, db: databaseOn(pool!), pool: pool! });
  const served = await serveOnLoopback(app);
  const runtime = h.deps.runtime as TemporalRuntime;
  return {
    h,
    served,
    async explain(ticketId) {
      const live = await runtime.readState(ticketId);
      const history = await runtime['handle'](ticketId).fetchHistory();
      // Failed or timed-out workflow tasks are where attempts could have applied updates in
      // another order than the one that stands.
      const kinds = eventTypesOf(history);
      return `live assignees ${JSON.stringify(live?.tasks.map((t) => t.assignee))}; history ${kinds.join(' ')}`;
    },
    async close() {
      await served.close();
      await h.close();
      await pool?.end();
    },
  };
}

/** The rig of the suite running now (the suites run one after the other). */
let h: Harness;
let served: Served;

const call = (person: Person, method: string, path: string, body?: unknown) =>
  served.call(h.tokens[person], method, path, body);

let racers = 0;

/**
 * One racer, as a client should be: with an Idempotency-Key, and on a 503 (the engine or the
 * database did not answer in time: Temporal on 2 busy cores can take longer than its accept
 * deadline) the same request again, so an action that was applied after all answers as applied.
 */
async function race(person: Person, method: string, path: string, body?: unknown) {
  const key = { 'idempotency-key': `racer-${process.pid}-${(racers += 1)}` };
  for (let attempt = 1; ; attempt += 1) {
    const res = await served.call(h.tokens[person], method, path, body, key);
    if (res.status !== 503 || attempt === 40) return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

type Detail = { id: string; openTasks: { id: string; dueAt: string | null }[] };

async function ok<T>(person: Person, method: string, path: string, body?: unknown): Promise<T> {
  const res = await call(person, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

const newTicket = (title: string) =>
  ok<Detail>('agent', 'POST', '/api/tickets', {
    typeId: 'refund-request',
    title,
    fields: { orderNumber: 'C-1' },
  });

/** Resolves with `work`, or rejects once `ms` have passed: a hang fails the test instead of stalling it. */
async function within<T>(ms: number, what: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const statusCounts = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((counts, s) => ({ ...counts, [s]: (counts[s] ?? 0) + 1 }), {});

async function idleInTransaction(): Promise<number> {
  const { rows } = await h.t.pool.query<{ n: number }>(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and state like 'idle in transaction%'`,
  );
  return rows[0]!.n;
}

/** Rows per key of a table that must hold one row per key. */
async function duplicates(sql: string, values: unknown[]): Promise<unknown[]> {
  const { rows } = await h.t.pool.query(sql, values);
  return rows;
}

/** Timeline rows of `type` per task of the ticket (a duplicated write would count twice). */
async function eventCounts(ticketId: string, type: string): Promise<Record<string, number>> {
  const { rows } = await h.t.pool.query<{ task_id: string; n: number }>(
    `select task_id, count(*)::int as n from ticket_events where ticket_id = $1 and type = $2 group by 1`,
    [ticketId, type],
  );
  return Object.fromEntries(rows.map((r) => [r.task_id, r.n]));
}

const SUPPORT: Person[] = ['agent', 'manager', 'lead', 'admin'];

function races(name: string, skip: boolean, makeRig: () => Promise<Rig>) {
  describe.skipIf(skip)(name, () => {
    let rig: Rig | undefined;
    beforeAll(async () => {
      rig = await makeRig();
      ({ h, served } = rig);
    }, 180_000);
    afterAll(() => rig?.close());

    it(
      '50 claims on one task: exactly one wins, the others answer 409, one claim is recorded',
      { timeout: 60_000 },
      async () => {
        const ticket = await newTicket('claim race');
        const task = ticket.openTasks[0]!.id;
        const answers = await within(
          RACE_BOUND_MS,
          '50 concurrent claims',
          Promise.all(
            Array.from({ length: 50 }, (_, i) => {
              const person = SUPPORT[i % SUPPORT.length]!;
              return race(person, 'POST', `/api/tasks/${task}/claim`, {}).then((res) => ({ ...res, person }));
            }),
          ),
        );
        expect(statusCounts(answers.map((a) => a.status))).toEqual({ 200: 1, 409: 49 });
        const winner = answers.find((a) => a.status === 200)!.person;
        const { rows } = await h.t.pool.query<{ assignee_id: string; n: number }>(
          'select assignee_id, count(*) over ()::int as n from stages where ticket_id = $1',
          [ticket.id],
        );
        const recorded = [{ assignee_id: h.ids[winner], n: 1 }];
        const explanation =
          JSON.stringify(rows) === JSON.stringify(recorded) ? '' : await rig!.explain?.(ticket.id);
        expect(rows, `winner ${winner}: ${explanation ?? 'in-memory runtime'}`).toEqual(recorded);
        expect(Object.values(await eventCounts(ticket.id, 'task.claimed'))).toEqual([1]);
      },
    );

    it('20 completes of one task: exactly one wins, one next stage opens', { timeout: 60_000 }, async () => {
      const ticket = await newTicket('complete race');
      const task = ticket.openTasks[0]!.id;
      const answers = await within(
        RACE_BOUND_MS,
        '20 concurrent completes',
        Promise.all(
          Array.from({ length: 20 }, () =>
            race('agent', 'POST', `/api/tasks/${task}/complete`, { outcome: 'refund' }),
          ),
        ),
      );
      expect(statusCounts(answers.map((a) => a.status))).toEqual({ 200: 1, 409: 19 });
      const { rows } = await h.t.pool.query<{ element_id: string; closed: boolean }>(
        'select element_id, closed_at is not null as closed from stages where ticket_id = $1 order by entered_at, task_id',
        [ticket.id],
      );
      expect(rows).toEqual([
        { element_id: 'Task_Triage', closed: true },
        { element_id: 'Task_Refund', closed: false },
      ]);
      expect(Object.values(await eventCounts(ticket.id, 'task.completed'))).toEqual([1]);
    });

    it(
      '30 grants on different tickets all succeed, in bounded time, while health answers',
      { timeout: 120_000 },
      async () => {
        const tickets = [];
        for (let i = 0; i < 30; i += 1) tickets.push(await newTicket(`grant race ${i}`));
        const requests = [];
        for (const ticket of tickets) {
          requests.push(
            await ok<{ id: string }>(
              'agent',
              'POST',
              `/api/tasks/${ticket.openTasks[0]!.id}/extension-requests`,
              {
                extendByMinutes: 10,
                reason: 'waiting for the warehouse',
              },
            ),
          );
        }
        const healthDuring: (number | string)[] = [];
        let racing = true;
        const probeHealth = (async () => {
          while (racing) {
            const res = await within(5_000, 'GET /api/health', served.call(null, 'GET', '/api/health')).catch(
              (error: Error) => ({ status: error.message }),
            );
            healthDuring.push(res.status);
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        })();
        const started = performance.now();
        const answers = await within(
          RACE_BOUND_MS,
          '30 concurrent grants',
          Promise.all(requests.map((r) => race('lead', 'POST', `/api/extension-requests/${r.id}/grant`, {}))),
        ).finally(async () => {
          racing = false;
          await probeHealth;
          expect(healthDuring.filter((s) => s !== 200)).toEqual([]);
        });
        const ms = Math.round(performance.now() - started);
        expect(statusCounts(answers.map((a) => a.status))).toEqual({ 200: 30 });
        console.info(`30 concurrent grants on a pool of ${POOL_SIZE}: ${ms} ms`);
        expect(healthDuring.length).toBeGreaterThan(0);
        expect((await served.call(null, 'GET', '/api/health')).status).toBe(200);
        expect(await idleInTransaction()).toBe(0);
        // Each deadline moved once, by the 10 minutes asked.
        for (const ticket of tickets) {
          const after = await ok<Detail>('agent', 'GET', `/api/tickets/${ticket.id}`);
          expect(Date.parse(after.openTasks[0]!.dueAt!) - Date.parse(ticket.openTasks[0]!.dueAt!)).toBe(
            600_000,
          );
        }
        const ids = tickets.map((t) => t.id);
        expect(
          await duplicates(
            `select ticket_id, type, count(*)::int as n from ticket_events
         where ticket_id = any($1) and type = 'task.extensionGranted' group by 1, 2 having count(*) <> 1`,
            [ids],
          ),
        ).toEqual([]);
      },
    );

    it(
      '20 extension requests on one task: one is taken, 19 answer 409 naming the task',
      { timeout: 60_000 },
      async () => {
        const ticket = await newTicket('request race');
        const task = ticket.openTasks[0]!.id;
        const answers = await within(
          RACE_BOUND_MS,
          '20 concurrent extension requests',
          Promise.all(
            Array.from({ length: 20 }, (_, i) =>
              race('agent', 'POST', `/api/tasks/${task}/extension-requests`, {
                extendByMinutes: 30,
                reason: `request ${i}`,
              }),
            ),
          ),
        );
        expect(statusCounts(answers.map((a) => a.status))).toEqual({ 201: 1, 409: 19 });
        for (const refused of answers.filter((a) => a.status === 409)) {
          expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
          expect((refused.body as { detail: string }).detail).toContain(task);
        }
        const { rows } = await h.t.pool.query<{ n: number }>(
          'select count(*)::int as n from extension_requests where ticket_id = $1',
          [ticket.id],
        );
        expect(rows[0]!.n).toBe(1);
        // Granting what was taken moves the deadline once.
        const taken = answers.find((a) => a.status === 201)!.body as { id: string };
        await ok('lead', 'POST', `/api/extension-requests/${taken.id}/grant`, {});
        const after = await ok<Detail>('agent', 'GET', `/api/tickets/${ticket.id}`);
        expect(Date.parse(after.openTasks[0]!.dueAt!) - Date.parse(ticket.openTasks[0]!.dueAt!)).toBe(
          30 * 60_000,
        );
      },
    );

    it(
      '10 grants and 10 denials of one request: one decision stands, the deadline moves only for a grant',
      { timeout: 60_000 },
      async () => {
        const ticket = await newTicket('decision race');
        const request = await ok<{ id: string }>(
          'agent',
          'POST',
          `/api/tasks/${ticket.openTasks[0]!.id}/extension-requests`,
          { extendByMinutes: 15, reason: 'customer abroad' },
        );
        const answers = await within(
          RACE_BOUND_MS,
          '20 concurrent decisions',
          Promise.all(
            Array.from({ length: 20 }, (_, i) => {
              const decision = i % 2 === 0 ? 'grant' : 'deny';
              return race('lead', 'POST', `/api/extension-requests/${request.id}/${decision}`, {}).then(
                (res) => ({
                  ...res,
                  decision,
                }),
              );
            }),
          ),
        );
        expect(statusCounts(answers.map((a) => a.status))).toEqual({ 200: 1, 409: 19 });
        const winner = answers.find((a) => a.status === 200)!;
        const { rows } = await h.t.pool.query<{ status: string; held: boolean }>(
          'select status, granting_until is not null as held from extension_requests where id = $1',
          [request.id],
        );
        expect(rows).toEqual([{ status: winner.decision === 'grant' ? 'granted' : 'denied', held: false }]);
        const after = await ok<Detail>('agent', 'GET', `/api/tickets/${ticket.id}`);
        expect(Date.parse(after.openTasks[0]!.dueAt!) - Date.parse(ticket.openTasks[0]!.dueAt!)).toBe(
          winner.decision === 'grant' ? 15 * 60_000 : 0,
        );
      },
    );

    it('a grant the engine refuses gives the request back: still pending, and it can be denied', async () => {
      const ticket = await newTicket('refused grant');
      const task = ticket.openTasks[0]!.id;
      const request = await ok<{ id: string }>('agent', 'POST', `/api/tasks/${task}/extension-requests`, {
        extendByMinutes: 5,
        reason: 'r',
      });
      await ok('agent', 'POST', `/api/tasks/${task}/complete`, { outcome: 'refund' }); // closes the task
      const refused = await call('lead', 'POST', `/api/extension-requests/${request.id}/grant`, {});
      expect(refused.status).toBeGreaterThanOrEqual(400);
      expect(refused.status).toBeLessThan(500);
      const { rows } = await h.t.pool.query<{ status: string; held: boolean }>(
        'select status, granting_until is not null as held from extension_requests where id = $1',
        [request.id],
      );
      expect(rows).toEqual([{ status: 'pending', held: false }]);
      expect((await call('lead', 'POST', `/api/extension-requests/${request.id}/deny`, {})).status).toBe(200);
    });

    it('left no row twice and no connection in a transaction, whatever raced above', async () => {
      expect(
        await duplicates(
          `select ticket_id, task_id, count(*)::int as n from stages group by 1, 2 having count(*) > 1`,
          [],
        ),
      ).toEqual([]);
      // A step is written once: one row per (ticket, seq, ord), and no action recorded twice.
      expect(
        await duplicates(
          `select ticket_id, seq, ord, count(*)::int as n from ticket_events group by 1, 2, 3 having count(*) > 1`,
          [],
        ),
      ).toEqual([]);
      expect(
        await duplicates(
          `select ticket_id, task_id, type, count(*)::int as n from ticket_events
         where type in ('task.claimed', 'task.completed', 'task.extensionGranted')
         group by 1, 2, 3 having count(*) > 1`,
          [],
        ),
      ).toEqual([]);
      expect(
        await duplicates(
          `select ticket_id, task_id, count(*)::int as n from extension_requests where status = 'pending'
         group by 1, 2 having count(*) > 1`,
          [],
        ),
      ).toEqual([]);
      expect(await idleInTransaction()).toBe(0);
    });
  });
}

races('racing requests (in-memory runtime)', false, inMemoryRig);

const temporal = realTemporal();
races('racing requests (real Temporal server)', skipWithoutTemporal('api/test/concurrency.test.ts'), () =>
  temporalRig('address' in temporal ? temporal.address : ''),
);
