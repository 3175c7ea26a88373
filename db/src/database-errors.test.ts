// Database failures told apart by codes and the pool's mark (real Postgres, real failures), and
// errors reduced to what a log line may hold.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, loggableError } from './database-errors.js';
import { createPool } from './pool.js';
import { users } from './schema.js';
import { createTestDatabase, freeTestPort, type TestDatabase } from './testing.js';

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

/** The error `work` rejects with. */
async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const quietPool = (url: string, settings: { max: number; acquireTimeoutMs: number }) => {
  const pool = createPool(url, settings);
  pool.on('error', () => undefined);
  return pool;
};

describe('isDatabaseUnavailable', () => {
  it('is true for a refused connection', async () => {
    const url = new URL(t.url);
    url.port = String(await freeTestPort());
    const pool = quietPool(url.toString(), { max: 1, acquireTimeoutMs: 2_000 });
    try {
      expect(isDatabaseUnavailable(await failure(() => pool.query('select 1')))).toBe(true);
    } finally {
      await pool.end();
    }
  });

  it('is true when no connection frees up within the acquire timeout', async () => {
    const pool = quietPool(t.url, { max: 1, acquireTimeoutMs: 200 });
    const held = await pool.connect();
    try {
      expect(isDatabaseUnavailable(await failure(() => pool.query('select 1')))).toBe(true);
      expect(isDatabaseUnavailable(await failure(() => pool.connect()))).toBe(true);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it('is true for a session the server terminates (57P01) and for a connection lost mid-query', async () => {
    const pool = quietPool(t.url, { max: 2, acquireTimeoutMs: 2_000 });
    try {
      const victim = await pool.connect();
      victim.on('error', () => undefined); // a checked-out client reports its lost connection too
      const { rows } = await victim.query<{ pid: number }>('select pg_backend_pid() as pid');
      const sleeping = failure(() => victim.query('select pg_sleep(10)'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      const terminated = await sleeping;
      expect((terminated as { code?: string }).code).toBe('57P01');
      expect(isDatabaseUnavailable(terminated)).toBe(true);
      victim.release(true);

      const cut = (await pool.connect()) as pg.PoolClient & pg.Client;
      cut.on('error', () => undefined);
      const cutShort = failure(() => cut.query('select pg_sleep(10)'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      cut.connection.stream.destroy();
      const lost = await cutShort;
      expect((lost as { code?: string }).code).toBeUndefined();
      expect(isDatabaseUnavailable(lost)).toBe(true);
      cut.release(true);
    } finally {
      await pool.end();
    }
  });

  it('is true for a database that does not take connections (55000 while connecting)', async () => {
    const name = new URL(t.url).pathname.slice(1);
    const server = new URL(t.url);
    server.pathname = '/postgres';
    const maintenance = new pg.Client({ connectionString: server.toString() });
    await maintenance.connect();
    const pool = quietPool(t.url, { max: 1, acquireTimeoutMs: 2_000 });
    try {
      await maintenance.query(`alter database "${name}" allow_connections false`);
      const refused = await failure(() => pool.query('select 1'));
      expect((refused as { code?: string }).code).toBe('55000');
      expect(isDatabaseUnavailable(refused)).toBe(true);
    } finally {
      await maintenance.query(`alter database "${name}" allow_connections true`);
      await maintenance.end();
      await pool.end();
    }
  });

  it('is false for what the statement itself did wrong', async () => {
    const badValue = await failure(() => t.pool.query("select 'x'::int"));
    expect((badValue as { code?: string }).code).toBe('22P02');
    expect(isDatabaseUnavailable(badValue)).toBe(false);
    expect(isDatabaseUnavailable(await failure(() => t.pool.query('select * from no_such_table')))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(false);
  });
});

describe('loggableError', () => {
  it("keeps codes, constraint and call frames of drizzle's and pg's errors, and none of the values", async () => {
    const marker = 'marker-5c1e@example.test';
    const hash = 'scrypt$16384$8$1$c2FsdA==$aGFzaA==';
    await t.db.insert(users).values({ id: 'u1', email: marker, name: 'A', passwordHash: hash });
    const duplicate = await failure(() =>
      t.db.insert(users).values({ id: 'u2', email: marker.toUpperCase(), name: 'B', passwordHash: hash }),
    );
    // drizzle's message and params, pg's detail: all quote the values.
    expect(JSON.stringify(duplicate, Object.getOwnPropertyNames(duplicate))).toContain(hash);
    const logged = loggableError(duplicate);
    expect(logged).toMatchObject({
      type: 'DrizzleQueryError',
      cause: { type: 'DatabaseError', code: '23505', constraint: 'users_email_key', table: 'users' },
    });
    const text = JSON.stringify(logged);
    expect(text).not.toContain(hash);
    expect(text.toLowerCase()).not.toContain(marker);
    expect(text).toContain('database-errors.test.ts');
  });

  it('keeps the message of an error that quotes no input, and withholds a bare string', () => {
    expect(loggableError(new TypeError("Cannot read properties of undefined (reading 'x')"))).toMatchObject({
      type: 'TypeError',
      message: "Cannot read properties of undefined (reading 'x')",
    });
    expect(JSON.stringify(loggableError(new SyntaxError('Unexpected token "secret"')))).not.toContain(
      'secret',
    );
    expect(loggableError('Failed query: insert … params: secret')).toBe('(message withheld)');
  });

  it('passes on what it made unchanged (an explicit call, then the logger serializer)', () => {
    const once = loggableError(new RangeError('too far'));
    expect(loggableError(once)).toBe(once);
    expect(once).toMatchObject({ type: 'RangeError', message: 'too far' });
  });
});
