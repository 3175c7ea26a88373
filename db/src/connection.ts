// openDatabase: a Postgres URL when given, else the embedded Postgres in <data dir>/pg; migrated
// on open. The process's configuration (settings.ts) says which, and its logger is passed in.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { loggableError } from './database-errors.js';
import { databaseOn, type Database } from './database.js';
import { migrateDatabase } from './migrate.js';
import { defaultDataDir } from './paths.js';
import { createPool, DEFAULT_POOL_SETTINGS } from './pool.js';
import {
  embeddedUrl,
  ensureCluster,
  inspectPostmaster,
  startPostmaster,
  stopPostmaster,
} from './server/embedded-postgres.js';
import { LEGACY_PASSWORD, readOrCreatePassword, replaceLegacyPassword } from './server/embedded-password.js';
import { isNodeProcess, parentPid } from './server/processes.js';

export type OpenDatabaseOptions = {
  /** A Postgres 14+ URL; when absent the embedded server is used. */
  url?: string | undefined;
  /** Embedded data folder parent; default <repo>/.baton. */
  dataDir?: string;
  /** Embedded port; default 5433. */
  port?: number;
  log: Logger;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** pg.Pool size (default 10). */
  poolSize?: number;
  /** How long a query waits for a free connection before failing as unavailable (default 10 s). */
  acquireTimeoutMs?: number;
};

export type OpenedDatabase = {
  db: Database;
  pool: pg.Pool;
  mode: 'embedded' | 'url';
  /** Connection URL with the password redacted, for logs and /api/health. */
  describe: string;
  /** Ends the pool and, in embedded mode, stops the server cleanly. Safe to call twice. */
  close(): Promise<void>;
};

export const DEFAULT_EMBEDDED_PORT = 5433;

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { url } = options;
  if (url) {
    const opened = await connect(url, 'url', options, async () => undefined);
    return opened;
  }
  return openEmbedded(options);
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const { log } = options;
  const root = path.resolve(options.dataDir ?? defaultDataDir());
  const port = options.port ?? DEFAULT_EMBEDDED_PORT;
  const dataDir = path.join(root, 'pg');
  // A new cluster is made with the folder's password; one made before passwords were random gets
  // it once it runs (replaceLegacyPassword below).
  const clusterExisted = existsSync(path.join(dataDir, 'PG_VERSION'));
  await mkdir(root, { recursive: true, mode: 0o755 });
  const { password, created: newPassword } = await readOrCreatePassword(root);
  const cluster = { dataDir, port, logFile: path.join(root, 'postgres.log'), password, log };
  const started = Date.now();
  const { created } = await ensureCluster(cluster);
  const legacy = clusterExisted && newPassword;
  const previous = await inspectPostmaster(cluster.dataDir, log);
  if (previous.state === 'running') {
    const parent = parentPid(previous.pid);
    // Its parent is a live Baton (a node process), not init or a pid reused by another program.
    const orphaned = parent === undefined || parent === 1 || !isNodeProcess(parent);
    if (!orphaned) {
      // Another Baton process (e.g. `pnpm start` while `pnpm seed` runs) owns the server: share it
      // and leave stopping it to its owner.
      log.info(
        { serverPid: previous.pid, owner: parent, port: previous.port },
        'using the embedded Postgres another Baton process runs',
      );
      if (legacy) await replaceLegacyPassword(previous.port, password, log);
      return connect(
        await ensureAppDatabase(previous.port, password),
        'embedded',
        options,
        async () => undefined,
      );
    }
    // A server left behind by a Baton that crashed: stop it cleanly and start our own.
    log.warn(
      { serverPid: previous.pid },
      'stopping an embedded Postgres left running by a previous Baton that exited without stopping it',
    );
    await stopPostmaster(previous.pid);
  }
  const { pid } = await startPostmaster(
    legacy ? { ...cluster, password: LEGACY_PASSWORD } : cluster,
    'BATON_PG_PORT',
  );
  if (legacy) await replaceLegacyPassword(port, password, log);
  log.info(
    { dataDir: cluster.dataDir, port, created, ms: Date.now() - started },
    created ? 'embedded Postgres: created (cold start)' : 'embedded Postgres: started (warm start)',
  );
  // If the process exits without close(), still ask the detached server to shut down.
  const stopOnExit = () => {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  };
  process.once('exit', stopOnExit);
  try {
    return await connect(await ensureAppDatabase(port, password), 'embedded', options, async () => {
      process.removeListener('exit', stopOnExit);
      await stopPostmaster(pid);
      log.info({ serverPid: pid }, 'embedded Postgres stopped');
    });
  } catch (error) {
    process.removeListener('exit', stopOnExit);
    await stopPostmaster(pid).catch(() => undefined);
    throw error;
  }
}

/** Baton's data lives in its own database `baton`, created on first start, not in `postgres`. */
export const EMBEDDED_DATABASE = 'baton';

async function ensureAppDatabase(port: number, password: string): Promise<string> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, 'postgres', password) });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [
      EMBEDDED_DATABASE,
    ]);
    if (rowCount === 0) {
      await client.query(`create database ${EMBEDDED_DATABASE}`).catch((error: { code?: string }) => {
        // 42P04: created by a concurrent start in the meantime.
        if (error.code !== '42P04') throw error;
      });
    }
  } finally {
    await client.end();
  }
  return embeddedUrl(port, EMBEDDED_DATABASE, password);
}

async function connect(
  url: string,
  mode: 'embedded' | 'url',
  options: OpenDatabaseOptions,
  stopServer: () => Promise<void>,
): Promise<OpenedDatabase> {
  const { log } = options;
  const describe = redactUrl(url);
  const pool = createPool(url, {
    max: options.poolSize ?? DEFAULT_POOL_SETTINGS.max,
    acquireTimeoutMs: options.acquireTimeoutMs ?? DEFAULT_POOL_SETTINGS.acquireTimeoutMs,
  });
  // Idle clients that lose their server (restart, network) must not crash the process.
  pool.on('error', (error) =>
    log.warn({ err: loggableError(error), database: describe }, 'idle database connection failed'),
  );
  const db = databaseOn(pool);
  try {
    const { rows } = await pool.query<{ server_version_num: string }>('show server_version_num');
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 140_000) {
      throw new Error(
        `${describe} runs Postgres ${Math.floor(version / 10_000)}; Baton needs Postgres 14 or newer`,
      );
    }
    if (options.migrate ?? true) await migrateDatabase(db, log);
  } catch (error) {
    await pool.end().catch(() => undefined);
    await stopServer();
    const reason = (error as Error).message;
    throw new Error(`Cannot use the database at ${describe}: ${reason}`, { cause: error });
  }
  log.info({ mode, database: describe }, 'database ready');
  let closing: Promise<void> | undefined;
  return {
    db,
    pool,
    mode,
    describe,
    close: () =>
      (closing ??= (async () => {
        await pool.end();
        await stopServer();
      })()),
  };
}
