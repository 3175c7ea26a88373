import type { Pool, PoolClient } from 'pg';

/**
 * Runs report queries on one connection, in one snapshot (a report may read rollups and stages
 * in separate statements), with a larger sort memory so exact percentiles over many stages sort
 * in memory instead of spilling to disk.
 */
export async function withReportSession<T>(pool: Pool, run: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("begin isolation level repeatable read read only; set local work_mem = '128MB'");
    const result = await run(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
