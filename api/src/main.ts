// Composition root: database (migrated, seeded when empty), engine runtime, the API and the
// designer on one port, and a clean shutdown on SIGINT/SIGTERM/SIGHUP that stops them in the
// reverse order (shutdown.ts): HTTP server, worker, Temporal connections, dev server, Postgres.
import { serve } from '@hono/node-server';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { compileFlow } from '@baton/engine';
import { logSerializers, openDatabase, seedDatabase, seedHistory } from '@baton/db';
import { activityCatalogue, createRuntime, measureUnmeasuredClocks } from '@baton/workflows';
import { createApp } from './app.js';
import { startMailIntake } from './intake/smtp-listener.js';
import { defaultConfig } from './config.js';
import { type BatonConfig, readBatonConfig } from './settings.js';
import { scheduleStageRollups } from './reports/rollup-schedule.js';
import { createShutdown } from './shutdown.js';
import { serveDesigner } from './static.js';

/** The process's one configuration, read once from the environment (an invalid value stops it here). */
const config: BatonConfig = (() => {
  try {
    return readBatonConfig(process.env);
  } catch (error) {
    process.stderr.write(
      `\nBaton could not start: ${error instanceof Error ? error.message : String(error)}\n\n`,
    );
    process.exit(1);
  }
})();
// The process's one logger (modules take child loggers of it). Synchronous: the shutdown's last
// lines are written just before process.exit, and an asynchronous destination can lose or
// reorder them there.
// Its `err` fields hold codes and call frames, never an error's SQL parameters or values.
const log = pino(
  { name: 'baton', level: config.logLevel, serializers: logSerializers },
  pino.destination({ dest: 1, sync: true }),
);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shutdown = createShutdown(log);
/** Open requests get this long to finish once the server stops listening. */
const HTTP_DRAIN_MS = 5_000;

async function main() {
  const { port, host } = config.http;
  const dbStarted = performance.now();
  const database = await openDatabase({
    url: config.database.url,
    dataDir: config.database.dataDir,
    port: config.database.embeddedPort,
    poolSize: config.database.pool.max,
    acquireTimeoutMs: config.database.pool.acquireTimeoutMs,
    log,
  });
  shutdown.add({
    name: database.mode === 'embedded' ? 'database (embedded Postgres)' : 'database pool',
    stop: () => database.close(),
  });
  log.info(
    { database: database.describe, mode: database.mode },
    `database ready in ${Math.round(performance.now() - dbStarted)} ms`,
  );
  const { rows } = await database.pool.query<{ n: number }>('select count(*)::int as n from users');
  if (rows[0]?.n === 0) {
    const summary = await seedDatabase(database.db, { compile: compileFlow, log });
    log.info(
      { inserted: summary.inserted, notDeployed: summary.notDeployed },
      'empty database: seeded demo data',
    );
    // Months of tickets for the dashboard (BATON_SEED_HISTORY=off: none); a few seconds, once.
    if (config.seed.history) log.info(await seedHistory(database.db, { log }), 'seeded the demo history');
  }

  const created = await createRuntime({
    pool: database.pool,
    log,
    settings: config.runtime,
    mail: config.mail,
    dataDir: config.database.dataDir,
  });
  shutdown.add(...created.stopSteps);
  const { runtime } = created;
  if (created.warning) {
    log.warn('**********************************************************************');
    log.warn(`engine mode: in-memory (NOT DURABLE) — ${created.warning}`);
    log.warn('**********************************************************************');
  } else {
    log.info(
      { source: created.source, address: created.address, ui: created.uiUrl },
      `engine mode: ${runtime.mode} (durable) at ${created.address}` +
        (created.uiUrl ? `; Temporal web UI at ${created.uiUrl}` : ''),
    );
  }

  // One configuration for the app and the mail intake: they share its clock.
  const apiConfig = defaultConfig({
    ...(config.api.timeZone ? { timeZone: config.api.timeZone } : {}),
    secureCookies: config.api.secureCookies,
    trustedOrigins: [config.http.appUrl],
    appUrl: config.http.appUrl,
    mailFrom: config.mail.from,
    detailCacheBytes: config.api.detailCacheBytes,
    statusPageAgentNames: config.api.statusPageAgentNames,
    ...(config.customerMail ? { supportAddress: config.customerMail.supportAddress } : {}),
  });
  const app = createApp({
    db: database.db,
    pool: database.pool,
    runtime,
    ...(created.warning ? { runtimeWarning: created.warning } : {}),
    databaseMode: database.mode,
    log,
    config: apiConfig,
    activities: activityCatalogue(),
  });
  const inbound = config.customerMail?.inbound;
  if (config.customerMail && inbound) {
    const intake = await startMailIntake(
      { db: database.db, runtime, log, config: apiConfig },
      {
        ...inbound,
        supportAddress: config.customerMail.supportAddress,
        ownAddresses: [config.customerMail.supportAddress, addressOf(config.mail.from)],
      },
    );
    shutdown.add({ name: 'mail intake (SMTP)', stop: () => intake.close() });
  }
  const rollups = scheduleStageRollups(database.pool, log);
  shutdown.add({ name: 'report rollups', stop: () => rollups.stop() });
  // In the background: the app answers meanwhile, and the rule-clock report fills as it goes.
  let stopMeasuring = false;
  const measuring = measureUnmeasuredClocks(database.db, {
    now: apiConfig.now,
    log,
    stopped: () => stopMeasuring,
  }).then(
    (pass) => pass.tickets > 0 && log.info(pass, 'measured the timing-rule clocks of earlier tickets'),
    (error: unknown) =>
      log.error({ err: error }, 'measuring the timing-rule clocks of earlier tickets failed'),
  );
  shutdown.add({
    name: 'timing-rule clock measuring',
    stop: async () => {
      stopMeasuring = true;
      await measuring;
    },
  });
  const designerDist = path.join(repoRoot, 'designer', 'dist');
  if (serveDesigner(app, designerDist)) log.info({ designerDist }, 'serving the designer at /');
  else
    log.warn(
      { designerDist },
      'designer build not found: only the API is served (run `pnpm --filter @baton/designer build`)',
    );

  const server = serve({ fetch: app.fetch, port, hostname: host }, (info) =>
    log.info(`Baton listening on http://localhost:${info.port} (API docs at /api/docs)`),
  );
  shutdown.add({ name: 'HTTP server', stop: () => closeServer(server) });
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.fatal(
      { err: error },
      error.code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to another port` : 'server error',
    );
    void shutdown.stop(1);
  });
}

/** `Baton <baton@example.com>` → `baton@example.com`. */
const addressOf = (mailbox: string) => /<([^>]+)>/.exec(mailbox)?.[1] ?? mailbox.trim();

/** Stops listening, lets open requests finish, then cuts what is still open (keep-alive, slow clients). */
function closeServer(server: ReturnType<typeof serve>): Promise<void> {
  return new Promise<void>((resolve) => {
    const cut = setTimeout(() => {
      log.warn({ drainMs: HTTP_DRAIN_MS }, 'closing HTTP connections still open');
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, HTTP_DRAIN_MS);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
  });
}

shutdown.onSignals();
const startup = main();
shutdown.starting(startup);
startup.catch((error: unknown) => {
  log.fatal({ err: error }, 'Baton could not start');
  // The reason often says what to do over several lines: a JSON log line would hide that.
  process.stderr.write(
    `\nBaton could not start: ${error instanceof Error ? error.message : String(error)}\n\n`,
  );
  void shutdown.stop(1);
});
