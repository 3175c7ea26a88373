import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './database.js';
import type { Logger } from 'pino';
import { migrationsFolder } from './paths.js';
import * as schema from './schema.js';

// Any fixed number: serialises concurrent starts migrating the same database.
const MIGRATION_LOCK = 727_274_001;

/** Applies the committed migrations not applied yet (drizzle's journal table); a no-op when up to date. */
export async function migrateDatabase(db: Database, log?: Logger): Promise<void> {
  const started = Date.now();
  const client = await db.$client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  log?.debug({ ms: Date.now() - started }, 'migrations applied');
}
