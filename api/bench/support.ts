// What the API benches share: figures and their database.
import pg from 'pg';
import { databaseOn } from '@baton/db';
import { createTestDatabase } from '@baton/db/testing';
import setupTestServer from '@baton/db/testing/global-setup';

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
export const median = (samples: number[]) =>
  [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;

/** DATABASE_URL when set, else a throwaway database on the shared test server (BENCH_KEEP_DB keeps it). */
export async function openBenchDatabase() {
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
    return { pool, db: databaseOn(pool), url: process.env.DATABASE_URL, close: () => pool.end() };
  }
  const release = await setupTestServer();
  const t = await createTestDatabase({ poolSize: 20 });
  if (process.env.BENCH_KEEP_DB) {
    console.log(`keeping the database: ${t.url}`);
    return { pool: t.pool, db: t.db, url: t.url, close: async () => (await t.pool.end(), await release()) };
  }
  return { pool: t.pool, db: t.db, url: t.url, close: async () => (await t.drop(), await release()) };
}
