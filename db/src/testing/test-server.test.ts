// The shared test server's lifecycle, on a private cluster (own data dir and port) so the server
// every other test file uses is not touched.
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accepts } from '../server/embedded-postgres.js';
import { leaseTestServer } from './test-server.js';
import { freeTestPort } from './free-port.js';

describe('leaseTestServer', { timeout: 120_000 }, () => {
  const saved = { ...process.env };
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'baton-test-server-'));
    await chmod(root, 0o755); // the server runs as `postgres` when we are root
    delete process.env.DATABASE_URL;
    process.env.BATON_DATA_DIR = root;
    process.env.BATON_TEST_PG_DIR = path.join(root, 'cluster');
    process.env.BATON_TEST_PG_PORT = String(await freeTestPort());
    delete process.env.BATON_TEST_PG_KEEP;
  });
  afterAll(async () => {
    process.env = saved;
    await rm(root, { recursive: true, force: true });
  });

  it('starts on the first lease, survives while any live lease remains, stops with the last one', async () => {
    const first = await leaseTestServer();
    const second = await leaseTestServer();
    expect(second.url).toBe(first.url);
    expect(await accepts(first.url)).toBe(true);
    // A lease left by a process that died (crash, kill -9) does not keep the server alive.
    await writeFile(path.join(root, 'test-pg', 'leases', '999999999-crashed'), '');

    await first.release();
    expect(await accepts(second.url)).toBe(true);
    await second.release();
    expect(await accepts(second.url)).toBe(false);

    // And it starts again (warm: the cluster exists) for the next run.
    const third = await leaseTestServer();
    expect(await accepts(third.url)).toBe(true);
    await third.release();
  });
});
