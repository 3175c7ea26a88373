// One Postgres for every test run on this machine: `<data dir>/test-pg`, port BATON_TEST_PG_PORT
// (default 5434). Whoever needs it first starts it under a lock file; vitest processes hold a lease
// (global-setup.ts) and the last one to finish stops it. With DATABASE_URL set, that server is used.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, realpathSync, statfsSync } from 'node:fs';
import { mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { testLog as log } from './log.js';
import { batonDataDir } from '../paths.js';
import { withFileLock } from '../server/file-lock.js';
import {
  accepts,
  embeddedUrl,
  ensureCluster,
  inspectPostmaster,
  startPostmaster,
  stopPostmaster,
  type ClusterOptions,
} from '../server/embedded-postgres.js';
import { isProcessAlive } from '../server/processes.js';

export const DEFAULT_TEST_PG_PORT = 5434;

// Durability is worthless for throwaway test data; these make CREATE DATABASE and commits much faster.
const TEST_SERVER_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  max_connections: '300',
  // FILE_COPY database creation (see template.ts) writes almost no WAL with these.
  wal_level: 'minimal',
  max_wal_senders: '0',
};

const GIB = 1024 ** 3;

/**
 * The test cluster's superuser password. Fixed: the cluster holds only throwaway test databases,
 * listens on 127.0.0.1, and every test process must build its URL without reading a file.
 */
const TEST_CLUSTER_PASSWORD = 'baton';

/**
 * Where the test cluster's files live: BATON_TEST_PG_DIR, else a RAM disk (/dev/shm, when it has
 * at least 1 GiB free) because CREATE DATABASE there takes ~15 ms instead of ~400 ms on disk,
 * else next to the lock files. Losing it on reboot only costs one initdb.
 */
function testClusterDir(root: string): string {
  if (process.env.BATON_TEST_PG_DIR) return path.resolve(process.env.BATON_TEST_PG_DIR);
  try {
    const shm = statfsSync('/dev/shm');
    if (shm.bavail * shm.bsize >= GIB) {
      const owner = createHash('sha256').update(root).digest('hex').slice(0, 12);
      return path.join('/dev/shm', `baton-test-pg-${owner}`);
    }
  } catch {
    // no /dev/shm (macOS, Windows): use the disk
  }
  return path.join(root, 'data');
}

function testServerPaths() {
  const root = path.join(batonDataDir(process.env), 'test-pg');
  const rawPort = process.env.BATON_TEST_PG_PORT;
  const port = rawPort ? Number(rawPort) : DEFAULT_TEST_PG_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`BATON_TEST_PG_PORT="${rawPort}" is not a port number (1-65535)`);
  }
  const cluster: ClusterOptions = {
    dataDir: testClusterDir(root),
    port,
    logFile: path.join(root, 'postgres.log'),
    settings: TEST_SERVER_SETTINGS,
    fastInit: true,
    password: TEST_CLUSTER_PASSWORD,
    log,
  };
  return { root, cluster, lockFile: path.join(root, 'server.lock'), leases: path.join(root, 'leases') };
}

/** Whether two paths name one folder; a folder that does not exist (yet) is compared as written. */
function samePath(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

/**
 * The Baton test cluster answering on this URL: its data folder, or undefined when nothing answers.
 * A cluster in another location (BATON_TEST_PG_DIR changed, an older layout) is still a test server
 * and is reused; any other Postgres on the port is an error.
 */
async function runningTestServer(
  url: string,
  configuredDir: string,
): Promise<{ dataDir: string } | undefined> {
  if (!(await accepts(url))) return undefined;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>('show data_directory');
    const actual = rows[0]?.data_directory ?? '';
    const isConfigured = samePath(actual, configuredDir);
    if (!isConfigured && !/test-pg/.test(actual)) {
      throw new Error(
        `Port ${new URL(url).port} serves a Postgres for ${actual}, not the Baton test cluster ${configuredDir}. ` +
          'Set BATON_TEST_PG_PORT to a free port.',
      );
    }
    return { dataDir: actual };
  } finally {
    await client.end();
  }
}

/** Starts the test server unless it already runs. Call with the lock held. */
async function startIfNeeded(paths: ReturnType<typeof testServerPaths>): Promise<string> {
  const url = embeddedUrl(paths.cluster.port, 'postgres', TEST_CLUSTER_PASSWORD);
  if (await runningTestServer(url, paths.cluster.dataDir)) return url;
  await ensureCluster(paths.cluster);
  const state = await inspectPostmaster(paths.cluster.dataDir, log);
  if (state.state === 'running') {
    // Still starting (or shutting down) from another run: wait until it accepts connections.
    const deadline = Date.now() + 60_000;
    while (!(await accepts(url))) {
      if (!isProcessAlive(state.pid) || Date.now() > deadline) {
        throw new Error(
          `The test Postgres (pid ${state.pid}) in ${paths.cluster.dataDir} does not accept connections; see ${paths.cluster.logFile}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } else {
    await startPostmaster(paths.cluster, 'BATON_TEST_PG_PORT');
  }
  return url;
}

let ensured: Promise<string> | undefined;

/**
 * URL of the test server's maintenance database (`postgres`), starting the server when needed.
 * Cached per process; the fast path (server already up) takes no lock.
 */
export function testServerUrl(): Promise<string> {
  const external = process.env.DATABASE_URL;
  if (external) return Promise.resolve(external);
  ensured ??= (async () => {
    const paths = testServerPaths();
    const url = embeddedUrl(paths.cluster.port, 'postgres', TEST_CLUSTER_PASSWORD);
    if (await runningTestServer(url, paths.cluster.dataDir)) return url;
    await mkdir(paths.root, { recursive: true });
    return withFileLock(paths.lockFile, () => startIfNeeded(paths));
  })();
  ensured.catch(() => (ensured = undefined));
  return ensured;
}

async function liveLeases(leasesDir: string): Promise<string[]> {
  const names = await readdir(leasesDir).catch(() => [] as string[]);
  const live: string[] = [];
  for (const name of names) {
    const pid = Number.parseInt(name.split('-')[0] ?? '', 10);
    if (Number.isInteger(pid) && isProcessAlive(pid)) live.push(name);
    else await unlink(path.join(leasesDir, name)).catch(() => undefined);
  }
  return live;
}

/**
 * Takes a lease on the test server (starting it when needed) for this process; the returned
 * release stops the server when no other live process holds a lease (unless BATON_TEST_PG_KEEP=1).
 */
export async function leaseTestServer(): Promise<{ url: string; release(): Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, release: async () => undefined };
  const paths = testServerPaths();
  await mkdir(paths.leases, { recursive: true });
  const lease = path.join(paths.leases, `${process.pid}-${randomUUID()}`);
  const url = await withFileLock(paths.lockFile, async () => {
    await writeFile(lease, '');
    try {
      return await startIfNeeded(paths);
    } catch (error) {
      await unlink(lease).catch(() => undefined);
      throw error;
    }
  });
  const release = async () => {
    await withFileLock(paths.lockFile, async () => {
      await unlink(lease).catch(() => undefined);
      if (process.env.BATON_TEST_PG_KEEP === '1') return;
      if ((await liveLeases(paths.leases)).length > 0) return;
      const running = await runningTestServer(
        embeddedUrl(paths.cluster.port, 'postgres', TEST_CLUSTER_PASSWORD),
        paths.cluster.dataDir,
      );
      const state = running ? await inspectPostmaster(running.dataDir, log) : undefined;
      if (state?.state === 'running') {
        await stopPostmaster(state.pid);
        log.info({ serverPid: state.pid }, 'test Postgres stopped (last lease released)');
      }
    });
  };
  return { url, release };
}
