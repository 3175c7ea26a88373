// The pool's clients against a server that goes away (real Postgres, a real terminated session).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.js';
import { createPool } from './pool.js';
import { createTestDatabase, type TestDatabase } from './testing.js';

let t: TestDatabase;
let admin: pg.Client;

beforeAll(async () => {
  t = await createTestDatabase();
  admin = new pg.Client({ connectionString: t.url });
  await admin.connect();
});
afterAll(async () => {
  await admin?.end();
  await t?.drop();
});

describe('a checked-out client whose connection is lost', () => {
  it('reports it to its holder, not as an unhandled error event that would end the process', async () => {
    const pool = createPool(t.url, { max: 2, acquireTimeoutMs: 2_000 });
    pool.on('error', () => undefined); // idle clients: the pool's own event
    try {
      // A transaction between two statements (as drizzle's transaction holds its client) when
      // the server goes away: pg emits 'error' on the client, which has no listener of the
      // caller's; unhandled, that event throws out of the socket's callback and kills the process.
      const held = await pool.connect();
      // Someone listens while it is out (or the event below is unhandled: Vitest reports it too).
      expect(held.listenerCount('error')).toBeGreaterThan(0);
      await held.query('begin');
      const { rows } = await held.query<{ pid: number }>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const next = await held.query('select 1').then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(next)).toBe(true);
      held.release();
      // The lost client left the pool; a new one serves.
      expect((await pool.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await pool.end();
    }
  });
});
