// openDatabase: DATABASE_URL when set, else the embedded Postgres in <data dir>/pg; migrated on open.
import path from 'node:path';
import pg from 'pg';
import { databaseOn, type Database } from './database.js';
import { log } from './logger.js';
import { migrateDatabase } from './migrate.js';
import { batonDataDir } from './paths.js';
import {
  embeddedUrl,
  ensureCluster,
  inspectPostmaster,
  startPostmaster,
  stopPostmaster,
} from './server/embedded-postgres.js';
import { parentPid, processCommand } from './server/processes.js';

export type OpenDatabaseOptions = {
  /** Defaults to process.env.DATABASE_URL; when absent the embedded server is used. */
  url?: string;
  /** Embedded data folder parent; defaults to BATON_DATA_DIR or <repo>/.baton. */
  dataDir?: string;
  /** Embedded port; defaults to BATON_PG_PORT or 5433. */
  port?: number;
  /** Apply pending migrations (default true). */
  migrate?: boolean;
  /** pg.Pool size (default 10). */
  poolSize?: number;
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

function portFrom(value: string | undefined, variable: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`${variable}="${value}" is not a port number (1-65535)`);
  }
  return port;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<OpenedDatabase> {
  const url = options.url ?? process.env.DATABASE_URL;
  if (url) {
    const opened = await connect(url, 'url', options, async () => undefined);
    return opened;
  }
  return openEmbedded(options);
}

async function openEmbedded(options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const root = options.dataDir ? path.resolve(options.dataDir) : batonDataDir();
  const port = options.port ?? portFrom(process.env.BATON_PG_PORT, 'BATON_PG_PORT', DEFAULT_EMBEDDED_PORT);
  const cluster = { dataDir: path.join(root, 'pg'), port, logFile: path.join(root, 'postgres.log') };
  const started = Date.now();
  const { created } = await ensureCluster(cluster);
  const previous = await inspectPostmaster(cluster.dataDir);
  if (previous.state === 'running') {
    const parent = parentPid(previous.pid);
    const parentCommand = parent === undefined ? undefined : processCommand(parent);
    const orphaned = parent === 1 || parentCommand === undefined || !/node|tsx/.test(parentCommand);
    if (!orphaned) {
      // Another Baton process (e.g. `pnpm start` while `pnpm seed` runs) owns the server: share it
      // and leave stopping it to its owner.
      log.info(
        { serverPid: previous.pid, owner: parent, port: previous.port },
        'using the embedded Postgres another Baton process runs',
      );
      return connect(await ensureAppDatabase(previous.port), 'embedded', options, async () => undefined);
    }
    // A server left behind by a Baton that crashed: stop it cleanly and start our own.
    log.warn(
      { serverPid: previous.pid },
      'stopping an embedded Postgres left running by a previous Baton that exited without stopping it',
    );
    await stopPostmaster(previous.pid);
  }
  const { pid } = await startPostmaster(cluster, 'BATON_PG_PORT');
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
    return await connect(await ensureAppDatabase(port), 'embedded', options, async () => {
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

async function ensureAppDatabase(port: number): Promise<string> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, 'postgres') });
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
  return embeddedUrl(port, EMBEDDED_DATABASE);
}

async function connect(
  url: string,
  mode: 'embedded' | 'url',
  options: OpenDatabaseOptions,
  stopServer: () => Promise<void>,
): Promise<OpenedDatabase> {
  const describe = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // Idle clients that lose their server (restart, network) must not crash the process.
  pool.on('error', (error) =>
    log.warn({ err: error.message, database: describe }, 'idle database connection failed'),
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
    if (options.migrate ?? true) await migrateDatabase(db);
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
