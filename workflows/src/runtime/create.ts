// Runtime selection at start-up:
//   1. TEMPORAL_ADDRESS set      -> TemporalRuntime on it; unreachable = a clear start-up error.
//   2. `temporal` CLI on PATH    -> `temporal server start-dev --db-filename .baton/temporal.db`.
//   3. the SDK's dev server      -> TestWorkflowEnvironment.createLocal (downloads the CLI; fails
//                                   fast offline, bounded by a short timeout).
//   4. otherwise                 -> InMemoryRuntime with a loud NOT DURABLE warning, also returned
//                                   so /api/health and the UI can show it.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { databaseOn } from '@baton/db';
import type pg from 'pg';
import type { Logger } from 'pino';
import { createActivities } from '../activities/index.js';
import { createMailer, type Mailer } from '../activities/mail.js';
import { DEFAULT_NAMESPACE, DEFAULT_TASK_QUEUE, temporalSettings } from '../worker.js';
import { InMemoryRuntime, NOT_DURABLE_WARNING } from './in-memory.js';
import type { EngineRuntime } from './port.js';
import { TemporalRuntime } from './temporal.js';

export type CreateRuntimeOptions = {
  pool: pg.Pool;
  log: Logger;
  smtpUrl?: string;
  appUrl?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the local dev server keeps its SQLite file. Default ./.baton/temporal.db */
  devServerDbFile?: string;
  /** Bound on trying the SDK's dev-server download. Default 5 s. */
  devServerDownloadTimeoutMs?: number;
};

export type CreatedRuntime = {
  runtime: EngineRuntime;
  /** Set when tickets are not durable (in-memory fallback). */
  warning?: string;
  /** How the runtime was chosen, for logs and /api/health. */
  source: 'TEMPORAL_ADDRESS' | 'temporal-cli' | 'sdk-dev-server' | 'in-memory';
  close(): Promise<void>;
};

export function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolvePromise(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Starts `temporal server start-dev` and waits until a runtime can connect to it. */
async function startCliDevServer(
  cli: string,
  dbFile: string,
  connect: (address: string) => Promise<TemporalRuntime>,
  log: Logger,
): Promise<{ runtime: TemporalRuntime; child: ChildProcess }> {
  mkdirSync(dirname(dbFile), { recursive: true });
  const port = await freePort();
  const child = spawn(
    cli,
    [
      'server',
      'start-dev',
      '--db-filename',
      dbFile,
      '--port',
      String(port),
      '--headless',
      '--log-level',
      'warn',
    ],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let exited: string | undefined;
  child.once('exit', (code) => (exited = `exited with code ${code}`));
  child.stderr?.on('data', (chunk: Buffer) =>
    log.debug({ temporal: chunk.toString().trim() }, 'temporal dev server'),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`temporal server start-dev ${exited}`);
    try {
      return { runtime: await connect(`127.0.0.1:${port}`), child };
    } catch (error) {
      if (Date.now() > deadline) {
        child.kill();
        throw error;
      }
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

export async function createRuntime(options: CreateRuntimeOptions): Promise<CreatedRuntime> {
  const { log } = options;
  const env = options.env ?? process.env;
  const mailer: Mailer | undefined = options.smtpUrl ? createMailer(options.smtpUrl) : undefined;
  const activities = createActivities({
    db: databaseOn(options.pool),
    log,
    ...(mailer ? { mailer } : {}),
    ...(options.appUrl ? { appUrl: options.appUrl } : {}),
  });
  const closeMailer = () => mailer?.close();
  const namespace = env.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE;
  const taskQueue = env.TEMPORAL_TASK_QUEUE || DEFAULT_TASK_QUEUE;
  const connect = (address: string) =>
    TemporalRuntime.connect({ address, namespace, taskQueue, activities, log });

  const configured = temporalSettings(env);
  if (configured) {
    // No fallback here: an operator who names a server wants that server, not a silent demo mode.
    const runtime = await TemporalRuntime.connect({ ...configured, activities, log });
    return { runtime, source: 'TEMPORAL_ADDRESS', close: async () => (await runtime.close(), closeMailer()) };
  }

  const dbFile = resolve(options.devServerDbFile ?? '.baton/temporal.db');
  const cli = findOnPath('temporal', env);
  if (cli) {
    try {
      const { runtime, child } = await startCliDevServer(cli, dbFile, connect, log);
      log.info({ cli, dbFile }, 'started a local Temporal dev server');
      return {
        runtime,
        source: 'temporal-cli',
        close: async () => {
          await runtime.close();
          child.kill('SIGTERM');
          closeMailer();
        },
      };
    } catch (error) {
      log.warn({ err: (error as Error).message, cli }, 'could not start `temporal server start-dev`');
    }
  } else {
    log.info('no `temporal` CLI on PATH');
  }

  try {
    // Loaded lazily: only this fallback needs the testing package.
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    mkdirSync(dirname(dbFile), { recursive: true });
    const starting = TestWorkflowEnvironment.createLocal({ server: { dbFilename: dbFile, namespace } });
    const environment = await withTimeout(
      starting,
      options.devServerDownloadTimeoutMs ?? 5_000,
      'Temporal dev server download',
    ).catch((error: unknown) => {
      // Should the download finish after we gave up, stop the server it started.
      starting.then(
        (late) => late.teardown(),
        () => undefined,
      );
      throw error;
    });
    try {
      const runtime = await connect(environment.address);
      log.info({ address: environment.address, dbFile }, "started the SDK's Temporal dev server");
      return {
        runtime,
        source: 'sdk-dev-server',
        close: async () => {
          await runtime.close();
          await environment.teardown();
          closeMailer();
        },
      };
    } catch (error) {
      await environment.teardown();
      throw error;
    }
  } catch (error) {
    log.warn({ err: (error as Error).message }, "the SDK's Temporal dev server is not available");
  }

  const runtime = new InMemoryRuntime({ activities, log });
  return {
    runtime,
    warning: NOT_DURABLE_WARNING,
    source: 'in-memory',
    close: async () => (await runtime.close(), closeMailer()),
  };
}
