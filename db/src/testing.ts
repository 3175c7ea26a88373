// Per-test-file databases: `const t = await createTestDatabase()` in beforeAll, `await t.drop()` in
// afterAll. Each is a fresh copy of a migrated template on the one shared test server.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { databaseOn, type Database } from './database.js';
import { createPool, DEFAULT_POOL_SETTINGS } from './pool.js';
import { ensureTemplate, onServer, quoteIdent, templateClause, withDatabase } from './testing/template.js';
import { testServerUrl } from './testing/test-server.js';

export { freeTestPort } from './testing/free-port.js';
export { testLog } from './testing/log.js';
export { ownPostgres, type OwnPostgres } from './testing/own-postgres.js';

export type TestDatabase = {
  db: Database;
  pool: pg.Pool;
  /** Connection URL of this database (includes the local test password). */
  url: string;
  /** Closes the pool and drops the database. Safe to call twice. */
  drop(): Promise<void>;
};

export const TEST_DATABASE_PREFIX = 'baton_test_';

function uniqueName(): string {
  // The creation time in the name lets a later run drop databases that a crashed run left behind.
  return `${TEST_DATABASE_PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function create(options: { migrated: boolean; poolSize?: number }): Promise<TestDatabase> {
  const adminUrl = await testServerUrl();
  const template = options.migrated ? await ensureTemplate(adminUrl) : 'template0';
  const name = uniqueName();
  await onServer(adminUrl, async (client) =>
    client.query(`create database ${quoteIdent(name)} ${await templateClause(client, template)}`),
  );
  const url = withDatabase(adminUrl, name);
  const pool = createPool(url, {
    max: options.poolSize ?? 5,
    acquireTimeoutMs: DEFAULT_POOL_SETTINGS.acquireTimeoutMs,
  });
  pool.on('error', () => undefined); // an idle client killed by drop() must not crash the worker
  let dropping: Promise<void> | undefined;
  return {
    db: databaseOn(pool),
    pool,
    url,
    drop: () =>
      (dropping ??= (async () => {
        await pool.end();
        await onServer(adminUrl, (client) =>
          client.query(`drop database if exists ${quoteIdent(name)} with (force)`),
        );
      })()),
  };
}

/** A fresh database with every migration applied, on the shared test server. */
export function createTestDatabase(options: { poolSize?: number } = {}): Promise<TestDatabase> {
  return create({ migrated: true, ...options });
}

/** A fresh database with no tables at all (for migration tests). */
export function createEmptyTestDatabase(): Promise<TestDatabase> {
  return create({ migrated: false });
}

/** Drops test databases older than `maxAgeMs` that crashed runs left behind. */
export async function dropStaleTestDatabases(maxAgeMs = 6 * 60 * 60 * 1000): Promise<number> {
  const adminUrl = await testServerUrl();
  return onServer(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`${TEST_DATABASE_PREFIX}%`],
    );
    let dropped = 0;
    for (const { datname } of rows) {
      const created = Number.parseInt(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0] ?? '', 36);
      if (Number.isFinite(created) && Date.now() - created > maxAgeMs) {
        await client.query(`drop database if exists ${quoteIdent(datname)} with (force)`);
        dropped += 1;
      }
    }
    return dropped;
  });
}
