// While the database cannot be reached, API routes answer 503 with Retry-After and a problem
// document, /api/health answers as before (503, degraded), and the API recovers by itself once
// the database is back. The outage is made on the shared test server from a separate admin
// connection: this test file's database refuses new connections and its sessions are
// terminated. A pool with every connection busy answers 503 after its acquire timeout too.
import { createPool, databaseOn } from '@baton/db';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BatonApp } from '../src/app.js';
import { defaultConfig } from '../src/config.js';
import { deploySupportRefunds } from './fixtures.js';
import { createHarness, type Harness, type Person } from './harness.js';

const ACQUIRE_TIMEOUT_MS = 1_000;

let h: Harness;
let pool: pg.Pool;
let app: BatonApp;
let admin: pg.Client;
let database = '';

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory' });
  await deploySupportRefunds(h);
  pool = createPool(h.t.url, { max: 2, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
  pool.on('error', () => undefined); // idle clients the outage terminates
  // No principal kept between requests: every request reaches the database.
  app = createApp({
    ...h.deps,
    db: databaseOn(pool),
    pool,
    config: defaultConfig({ ...h.deps.config, authCacheMs: 0 }),
  });
  const url = new URL(h.t.url);
  database = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
});
afterAll(async () => {
  await allowConnections(true).catch(() => undefined);
  await admin?.end();
  await pool?.end();
  await h?.close();
});

const quoted = () => `"${database.replaceAll('"', '""')}"`;

async function allowConnections(allowed: boolean) {
  await admin.query(`alter database ${quoted()} allow_connections ${allowed}`);
}

/** Ends every session of this file's database but the harness's own pool would reopen them. */
async function terminateSessions() {
  await admin.query(
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [database],
  );
}

const call = (person: Person | null, method: string, path: string, body?: unknown) =>
  app.request(path, {
    method,
    headers: {
      ...(person ? { authorization: `Bearer ${h.tokens[person]}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

async function expectUnavailable(res: Response, label: string) {
  const type = res.headers.get('content-type') ?? '';
  const body = type.startsWith('application/problem+json')
    ? ((await res.json()) as { code?: string })
    : await res.text();
  expect([label, res.status, type.split(';')[0], Number(res.headers.get('retry-after')) > 0, body]).toEqual([
    label,
    503,
    'application/problem+json',
    true,
    expect.objectContaining({ code: 'database-unavailable', status: 503 }),
  ]);
}

const ROUTES: [string, Person, string, string, unknown?][] = [
  ['list tickets', 'agent', 'GET', '/api/tickets'],
  ['my tasks', 'agent', 'GET', '/api/tasks?scope=mine'],
  [
    'create a ticket',
    'agent',
    'POST',
    '/api/tickets',
    { typeId: 'refund-request', title: 'x', fields: { orderNumber: '1' } },
  ],
  ['create a department', 'admin', 'POST', '/api/departments', { key: 'outage', name: 'Outage' }],
  ['stage durations', 'manager', 'GET', '/api/reports/stage-durations'],
];

describe('a database that cannot be reached', () => {
  it('answers 503 with Retry-After and a problem document, keeps health answering, and recovers by itself', async () => {
    expect((await call('agent', 'GET', '/api/tickets')).status).toBe(200);

    await allowConnections(false);
    await terminateSessions();
    for (const [label, person, method, path, body] of ROUTES)
      await expectUnavailable(await call(person, method, path, body), label);
    const health = await call(null, 'GET', '/api/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'degraded', database: { ok: false } });

    await allowConnections(true);
    for (const [label, person, method, path] of ROUTES.filter(([, , method]) => method === 'GET'))
      expect([label, (await call(person, method, path)).status]).toEqual([label, 200]);
    expect((await call(null, 'GET', '/api/health')).status).toBe(200);
    const { rows } = await h.t.pool.query<{ n: number }>(
      "select count(*)::int as n from departments where key = 'outage'",
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('answers 503 when every connection stays busy past the acquire timeout, and serves again once one is free', async () => {
    const held = await Promise.all([pool.connect(), pool.connect()]);
    try {
      const started = performance.now();
      await expectUnavailable(await call('agent', 'GET', '/api/tickets'), 'list tickets on a full pool');
      expect(performance.now() - started).toBeLessThan(ACQUIRE_TIMEOUT_MS * 5);
      const health = await call(null, 'GET', '/api/health');
      expect([health.status, ((await health.json()) as { status: string }).status]).toEqual([
        503,
        'degraded',
      ]);
    } finally {
      for (const client of held) client.release();
    }
    expect((await call('agent', 'GET', '/api/tickets')).status).toBe(200);
  });
});
