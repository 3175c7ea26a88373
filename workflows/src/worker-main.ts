// Standalone worker process (`pnpm worker`, which runs `node --import tsx` rather than the tsx
// CLI: that one SIGKILLs its child when a signal is not acknowledged within 60 ms, e.g. while
// the workflow bundle is built), for deployments that scale workers apart from the
// API (whose processes then run with BATON_WORKER=off):
//   TEMPORAL_ADDRESS=... DATABASE_URL=... [SMTP_URL=...] pnpm worker
// Serves TEMPORAL_TASK_QUEUE (default baton-tickets) in TEMPORAL_NAMESPACE until SIGINT/SIGTERM,
// then drains: running tasks may finish within BATON_WORKER_SHUTDOWN_MS (default 10 s), after
// which the process exits anyway. Temporal redelivers whatever did not finish.
import { logSerializers, openDatabase, type OpenedDatabase } from '@baton/db';
import type { Worker } from '@temporalio/worker';
import pino from 'pino';
import { createActivities, startBesideWorker, stopBesideWorker } from './activities/index.js';
import { createMailer } from './activities/mail.js';
import { installTemporalRuntime } from './runtime/sdk-runtime.js';
import { configuredTemporal, readProcessConfig } from './settings.js';
import { createTicketWorker } from './worker.js';

// The process's one configuration, read once (an invalid value stops it here, named).
const config = readProcessConfig(process.env);
// Synchronous, so the lines written just before process.exit are neither lost nor reordered.
// Its `err` fields hold codes and call frames, never an error's SQL parameters or values.
const log = pino(
  { name: 'baton-worker', level: config.logLevel, serializers: logSerializers },
  pino.destination({ dest: 1, sync: true }),
);

/** One Ctrl-C can arrive twice (from the terminal and relayed by a wrapper): count it once. */
const SAME_PRESS_MS = 1_000;

async function main() {
  const settings = configuredTemporal(config.runtime);
  if (!settings) {
    const { port } = config.runtime.devServer;
    throw new Error(
      `TEMPORAL_ADDRESS is not set: a standalone worker needs a Temporal server (the local dev server of \`pnpm start\` listens on 127.0.0.1:${port})`,
    );
  }
  const forceAfterMs = config.runtime.workerShutdownMs;
  installTemporalRuntime(log);

  // Signals count from the start: a Ctrl-C while the worker bundles must not kill the process
  // with the embedded Postgres it may have started still running.
  let worker: Worker | undefined;
  let stopAt: number | undefined;
  let presses = 0;
  let lastPress = 0;
  const left = new Set(['worker', 'Temporal connection', 'database']);
  const onSignal = (signal: NodeJS.Signals) => {
    const now = Date.now();
    if (presses > 0 && now - lastPress < SAME_PRESS_MS) return;
    presses += 1;
    lastPress = now;
    if (presses === 1) {
      stopAt = now;
      log.info({ signal, forceAfterMs }, 'stopping: the worker drains its running tasks');
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      // Not unref'd: this timer is what ends a drain that never finishes.
      setTimeout(() => {
        log.warn(
          { forceAfterMs, left: [...left] },
          'not drained within BATON_WORKER_SHUTDOWN_MS: exiting anyway',
        );
        process.exit(1);
      }, forceAfterMs);
    } else if (presses === 2) {
      log.info({ signal, left: [...left] }, 'already stopping (once more to exit at once)');
    } else {
      log.warn({ signal, left: [...left] }, 'forced exit before these stopped');
      process.exit(1);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  let database: OpenedDatabase | undefined;
  const { mail } = config;
  const mailer = mail.smtpUrl ? createMailer(mail.smtpUrl, mail.from) : undefined;
  try {
    database = await openDatabase({
      url: config.database.url,
      dataDir: config.database.dataDir,
      port: config.database.embeddedPort,
      poolSize: config.database.pool.max,
      acquireTimeoutMs: config.database.pool.acquireTimeoutMs,
      log,
    });
    log.info({ database: database.describe, mode: database.mode }, 'database ready');
    const activities = createActivities({
      db: database.db,
      log,
      ...(mailer ? { mailer } : {}),
      ...(mail.appUrl ? { appUrl: mail.appUrl } : {}),
    });
    const created = await createTicketWorker(settings, activities);
    worker = created.worker;
    if (stopAt === undefined) {
      log.info({ ...settings, smtp: Boolean(mailer), forceAfterMs }, 'worker running');
      // E-mails queued by the steps this worker records are sent beside it, and late levels escalated.
      startBesideWorker(activities);
      await worker.run();
      log.info({ ms: Date.now() - (stopAt ?? Date.now()) }, 'stopped the worker (drained)');
    } else {
      // Stopped while starting: a worker that never ran still holds its connection until it has.
      await worker.runUntil(Promise.resolve());
    }
    left.delete('worker');
    await stopBesideWorker(activities);
    await created.connection.close();
    left.delete('Temporal connection');
  } finally {
    mailer?.close();
    await database?.close();
    left.delete('database');
  }
  log.info('worker stopped');
  process.exit(0);
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'worker could not run');
  process.exit(1);
});
