// The local Temporal dev server (`temporal server start-dev`) that `pnpm start` runs when no
// TEMPORAL_ADDRESS is set: persisted in <data>/temporal/temporal.db, on a fixed port, its output in
// <data>/temporal/server.log. A state file (server.json) lets the next Baton find it again:
//   - a live server whose owner (the Baton that started it) still runs is reused and left running;
//   - a live server whose owner died (crash, kill -9) is adopted: we stop it at shutdown;
//   - a state file naming a dead process is stale and removed.
// A file lock around all of this keeps two Batons from starting two servers on one database.
// The server runs in its own process group, so a terminal's Ctrl-C does not kill it before the
// worker has drained; whoever owns it stops it explicitly (and, on a crash, from an exit hook).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isNodeProcess, isProcessAlive, processCommand, withFileLock } from '@baton/db';
import { Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import { z } from 'zod';
import { DEV_SERVER_UPDATE_FLAGS } from './temporal-flags.js';

export const DEV_SERVER_HOST = '127.0.0.1';

export type DevServerPaths = {
  dir: string;
  dbFile: string;
  stateFile: string;
  logFile: string;
  lockFile: string;
};

/** Where the dev server of a Baton data folder keeps its files. */
export function devServerPaths(dataDir: string): DevServerPaths {
  const dir = path.join(path.resolve(dataDir), 'temporal');
  return {
    dir,
    dbFile: path.join(dir, 'temporal.db'),
    stateFile: path.join(dir, 'server.json'),
    logFile: path.join(dir, 'server.log'),
    lockFile: path.join(dir, 'start.lock'),
  };
}

/**
 * Earlier versions kept the dev server's database at <data>/temporal.db. Moved into
 * <data>/temporal/ (with SQLite's side files) so those tickets stay durable and visible.
 */
export async function moveLegacyDatabase(dataDir: string, log: Logger): Promise<void> {
  const legacy = path.join(path.resolve(dataDir), 'temporal.db');
  const { dir, dbFile } = devServerPaths(dataDir);
  if (!existsSync(legacy) || existsSync(dbFile)) return;
  await mkdir(dir, { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    if (existsSync(legacy + suffix)) await rename(legacy + suffix, dbFile + suffix);
  log.info({ from: legacy, to: dbFile }, 'moved the Temporal dev server database to its new place');
}

const StateSchema = z.object({
  pid: z.number().int().positive(),
  port: z.number().int().positive(),
  uiPort: z.number().int().positive().nullable(),
  namespace: z.string().min(1),
  dbFile: z.string().min(1),
  ownerPid: z.number().int().positive(),
  startedAt: z.string(),
});
export type DevServerState = z.infer<typeof StateSchema>;

export type DevServerOptions = {
  /** The `temporal` CLI (findTemporalCli). */
  cli: string;
  /** The Baton data folder; the server's files go to <dataDir>/temporal. */
  dataDir: string;
  port: number;
  /** undefined: no web UI (--headless). */
  uiPort: number | undefined;
  namespace: string;
  log: Logger;
  /** How long a fresh server may take to answer. Default 60 s (a cold start on a busy machine). */
  startTimeoutMs?: number;
  /** How long stop() waits after SIGTERM before SIGKILL. Default 10 s. */
  stopGraceMs?: number;
};

export type DevServer = {
  /** gRPC frontend, host:port. */
  address: string;
  uiUrl: string | undefined;
  pid: number;
  /** started: by us; adopted: left by a Baton that died, now ours; reused: another live Baton owns it. */
  origin: 'started' | 'adopted' | 'reused';
  /** Whether stop() stops the server (started or adopted) or leaves it to its owner (reused). */
  owned: boolean;
  stop(): Promise<void>;
};

export async function readDevServerState(stateFile: string): Promise<DevServerState | undefined> {
  const text = await readFile(stateFile, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const parsed = StateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined; // half-written by hand or a full disk: treated like a stale file
  }
}

/** Written to a temporary file first, so a reader never sees half a state file. */
async function writeState(stateFile: string, state: DevServerState): Promise<void> {
  const temporary = `${stateFile}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`);
  await rename(temporary, stateFile);
}

async function removeState(stateFile: string, pid: number): Promise<void> {
  // Only our server's entry: another Baton may have replaced the file in the meantime.
  const current = await readDevServerState(stateFile);
  if (current === undefined || current.pid === pid) await unlink(stateFile).catch(() => undefined);
}

/**
 * Whether pid is `temporal server start-dev` on this database: not a pid reused by another
 * program, and not a node process whose arguments merely mention temporal.
 */
export function isDevServerProcess(pid: number, dbFile: string): boolean {
  if (!isProcessAlive(pid)) return false;
  const command = processCommand(pid);
  if (command === undefined) return false;
  const executable = path.basename(command.split(' ')[0] ?? '');
  return (
    executable.startsWith('temporal') &&
    / server start-dev( |$)/.test(command) &&
    command.includes(dbFile) &&
    !command.includes('node_modules')
  );
}

/** Whether the owner recorded in a state file is a live Baton (node), not a reused pid. */
function ownerAlive(ownerPid: number): boolean {
  return isProcessAlive(ownerPid) && isNodeProcess(ownerPid);
}

/** A gRPC round trip, not just an open port: the frontend answers once the server is ready. */
export async function devServerAnswers(address: string, timeoutMs = 2_000): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    const connected = await Connection.connect({ address, connectTimeout: timeoutMs });
    connection = connected;
    await connected.withDeadline(Date.now() + timeoutMs, () => connected.workflowService.getSystemInfo({}));
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

/** Whether the namespace exists on the server (a reused server may have been started for another). */
async function hasNamespace(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 5_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch (error) {
    // gRPC status 5 is NOT_FOUND; anything else is a real failure.
    if ((error as { code?: number }).code === 5) return false;
    throw error;
  } finally {
    await connection.close();
  }
}

async function assertPortFree(port: number, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `Port ${port} on ${DEV_SERVER_HOST} is already in use by another program, so the local Temporal dev server cannot start. ` +
                `Set ${variable} to a free port` +
                (variable === 'BATON_TEMPORAL_PORT'
                  ? ', or TEMPORAL_ADDRESS if that program is a Temporal server you want Baton to use.'
                  : ', or BATON_TEMPORAL_UI=off.'),
            )
          : error,
      ),
    );
    probe.listen({ port, host: DEV_SERVER_HOST, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function logTail(logFile: string, lines = 15): Promise<string> {
  const content = await readFile(logFile, 'utf8').catch(() => '');
  return content.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Signals the server's process group (it leads one), else the process alone. */
function signal(pid: number, name: NodeJS.Signals): boolean {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, name);
      return true;
    } catch {
      // no such group (or process): try the next target
    }
  }
  return false;
}

async function waitGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

/** SIGTERM (a clean SQLite close), then SIGKILL once the grace period has passed. */
export async function stopDevServerProcess(pid: number, graceMs: number, log: Logger): Promise<void> {
  if (!signal(pid, 'SIGTERM')) return;
  if (await waitGone(pid, graceMs)) return;
  log.warn({ serverPid: pid, graceMs }, 'Temporal dev server did not stop after SIGTERM: sending SIGKILL');
  signal(pid, 'SIGKILL');
  if (!(await waitGone(pid, 5_000))) throw new Error(`Temporal dev server (pid ${pid}) survived SIGKILL`);
}

function startArgs(options: DevServerOptions, dbFile: string): string[] {
  return [
    'server',
    'start-dev',
    '--db-filename',
    dbFile,
    '--ip',
    DEV_SERVER_HOST,
    '--port',
    String(options.port),
    ...(options.uiPort === undefined ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    // "default" always exists; naming it again is harmless but noisy.
    ...(options.namespace === 'default' ? [] : ['--namespace', options.namespace]),
    ...DEV_SERVER_UPDATE_FLAGS,
    '--log-level',
    'warn',
  ];
}

/** Fails naming the variable to change when the gRPC or the UI port is taken. */
export async function assertDevServerPortsFree(port: number, uiPort: number | undefined): Promise<void> {
  await assertPortFree(port, 'BATON_TEMPORAL_PORT');
  if (uiPort !== undefined) await assertPortFree(uiPort, 'BATON_TEMPORAL_UI_PORT');
}

async function launch(options: DevServerOptions, paths: DevServerPaths): Promise<number> {
  await assertDevServerPortsFree(options.port, options.uiPort);
  const args = startArgs(options, paths.dbFile);
  const logFd = openSync(paths.logFile, 'a');
  writeSync(
    logFd,
    `\n--- ${new Date().toISOString()} Baton pid ${process.pid}: ${options.cli} ${args.join(' ')}\n`,
  );
  const child = spawn(options.cli, args, { detached: true, stdio: ['ignore', logFd, logFd] });
  closeSync(logFd);
  const { pid } = child;
  // Until ensureDevServer hands it on, a process exit mid-start (a third Ctrl-C) still ends it.
  const stopOnExit = () => pid !== undefined && signal(pid, 'SIGTERM');
  process.once('exit', stopOnExit);
  let exited: string | undefined;
  child.once('exit', (code, sig) => (exited = sig ? `was killed by ${sig}` : `exited with code ${code}`));
  child.once('error', (error) => (exited = `could not run: ${error.message}`));
  const address = `${DEV_SERVER_HOST}:${options.port}`;
  const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
  try {
    return await untilAnswering();
  } finally {
    process.removeListener('exit', stopOnExit);
  }

  async function untilAnswering(): Promise<number> {
    for (;;) {
      if (exited !== undefined) {
        throw new Error(
          `temporal server start-dev ${exited}. Last lines of ${paths.logFile}:\n${await logTail(paths.logFile)}`,
        );
      }
      if (pid !== undefined && (await devServerAnswers(address, 1_000))) {
        // Its exit must not keep our event loop alive, nor end it: only stop() or the exit hook does.
        child.unref();
        return pid;
      }
      if (Date.now() > deadline) {
        if (pid !== undefined) await stopDevServerProcess(pid, 5_000, options.log);
        throw new Error(
          `temporal server start-dev did not answer on ${address} within ${options.startTimeoutMs ?? 60_000} ms; see ${paths.logFile}`,
        );
      }
      await sleep(200);
    }
  }
}

/** Starts the data folder's dev server, or finds the one already running on it. */
export async function ensureDevServer(options: DevServerOptions): Promise<DevServer> {
  const { log } = options;
  const paths = devServerPaths(options.dataDir);
  await mkdir(paths.dir, { recursive: true });
  const found = await withFileLock(paths.lockFile, () => findOrStart(options, paths), 120_000);
  const { state, origin } = found;
  const owned = origin !== 'reused';
  const address = `${DEV_SERVER_HOST}:${state.port}`;
  const uiUrl = state.uiPort === null ? undefined : `http://${DEV_SERVER_HOST}:${state.uiPort}`;

  // Should this process end without stop() (a crash, process.exit), still end the server we own.
  const stopOnExit = () => void signal(state.pid, 'SIGTERM');
  if (owned) process.once('exit', stopOnExit);
  let stopping: Promise<void> | undefined;
  return {
    address,
    uiUrl,
    pid: state.pid,
    origin,
    owned,
    stop: () =>
      (stopping ??= (async () => {
        if (!owned) {
          log.info(
            { serverPid: state.pid, ownerPid: state.ownerPid },
            'leaving the Temporal dev server running for the Baton that started it',
          );
          return;
        }
        process.removeListener('exit', stopOnExit);
        await stopDevServerProcess(state.pid, options.stopGraceMs ?? 10_000, log);
        await removeState(paths.stateFile, state.pid);
      })()),
  };
}

type Found = { state: DevServerState; origin: DevServer['origin'] };

async function findOrStart(options: DevServerOptions, paths: DevServerPaths): Promise<Found> {
  const previous = await readDevServerState(paths.stateFile);
  if (previous) {
    const found = await reuseOrClear(previous, options, paths);
    if (found) return found;
    await unlink(paths.stateFile).catch(() => undefined);
  }
  const started = Date.now();
  const created = !existsSync(paths.dbFile);
  const pid = await launch(options, paths);
  const state: DevServerState = {
    pid,
    port: options.port,
    uiPort: options.uiPort ?? null,
    namespace: options.namespace,
    dbFile: paths.dbFile,
    ownerPid: process.pid,
    startedAt: new Date().toISOString(),
  };
  await writeState(paths.stateFile, state);
  options.log.info(
    { serverPid: pid, dbFile: paths.dbFile, created, ms: Date.now() - started },
    created ? 'Temporal dev server: created (cold start)' : 'Temporal dev server: started (warm start)',
  );
  return { state, origin: 'started' };
}

/** The server a state file names: reused, adopted, or (undefined) gone or stopped so we start anew. */
async function reuseOrClear(
  previous: DevServerState,
  options: DevServerOptions,
  paths: DevServerPaths,
): Promise<Found | undefined> {
  const { log } = options;
  const address = `${DEV_SERVER_HOST}:${previous.port}`;
  const owner = { serverPid: previous.pid, ownerPid: previous.ownerPid, address };
  if (!isDevServerProcess(previous.pid, paths.dbFile)) {
    log.warn(
      { ...owner, stateFile: paths.stateFile },
      'removing a stale Temporal dev server state file (its process is gone)',
    );
    return undefined;
  }
  const ownerLives = ownerAlive(previous.ownerPid);
  if (!(await devServerAnswers(address, 5_000))) {
    // Our database's server, alive but deaf: a second one cannot open the same file safely.
    if (ownerLives)
      throw new Error(
        `The Temporal dev server (pid ${previous.pid}) on ${paths.dbFile}, run by Baton pid ${previous.ownerPid}, does not answer on ${address}. Stop that Baton, or the server, and start again.`,
      );
    log.warn(owner, 'stopping a Temporal dev server that no longer answers');
    await stopDevServerProcess(previous.pid, options.stopGraceMs ?? 10_000, log);
    return undefined;
  }
  if (previous.port !== options.port)
    log.warn(
      { ...owner, configured: options.port },
      'the running Temporal dev server listens on another port than BATON_TEMPORAL_PORT; using it',
    );
  const namespaceReady = await hasNamespace(address, options.namespace);
  if (ownerLives) {
    if (!namespaceReady)
      throw new Error(
        `The Temporal dev server (pid ${previous.pid}) that Baton pid ${previous.ownerPid} runs on ${paths.dbFile} has no namespace "${options.namespace}" (it was started for "${previous.namespace}"). Use TEMPORAL_NAMESPACE=${previous.namespace}, or stop that Baton first.`,
      );
    log.info(owner, 'using the Temporal dev server another Baton process runs');
    return { state: previous, origin: 'reused' };
  }
  if (!namespaceReady) {
    // Left by a crashed Baton for another namespace: restart it with ours (the data stays).
    log.warn(
      { ...owner, namespace: options.namespace },
      'restarting a Temporal dev server left running for another namespace',
    );
    await stopDevServerProcess(previous.pid, options.stopGraceMs ?? 10_000, log);
    return undefined;
  }
  const adopted = { ...previous, ownerPid: process.pid };
  await writeState(paths.stateFile, adopted);
  log.warn(owner, 'adopting a Temporal dev server left running by a Baton that exited without stopping it');
  return { state: adopted, origin: 'adopted' };
}
