// vitest globalSetup for every package with database tests:
//   test: { globalSetup: ['@baton/db/testing/global-setup'] }  (or a relative path to this file)
// Starts (or joins) the shared test Postgres before any test file runs and leaves it when the run
// ends; the last vitest process to leave stops it (BATON_TEST_PG_KEEP=1 keeps it running).
import { dropStaleTestDatabases } from '../testing.js';
import { leaseTestServer } from './test-server.js';

export default async function setup(): Promise<() => Promise<void>> {
  const lease = await leaseTestServer();
  await dropStaleTestDatabases();
  return () => lease.release();
}
