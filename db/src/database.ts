import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import * as schema from './schema.js';

/** The drizzle handle every Baton package uses: node-postgres over a pg.Pool, with the full schema. */
export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

/** The handle inside `db.transaction(async (tx) => ...)`. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export function databaseOn(pool: pg.Pool): Database {
  return drizzle(pool, { schema });
}
