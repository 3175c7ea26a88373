// Composition root: database (migrated, seeded when empty), engine runtime, the API and the
// designer on one port, and a clean shutdown on SIGINT/SIGTERM.
import { serve } from '@hono/node-server';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { compileFlow, isKnownTimeZone } from '@baton/engine';
import { openDatabase, seedDatabase } from '@baton/db';
import { activityCatalogue, createRuntime } from '@baton/workflows';
import { createApp } from './app.js';
import { defaultConfig } from './config.js';
import { scheduleStageRollups } from './reports/rollup-schedule.js';
import { serveDesigner } from './static.js';

const log = pino({ name: 'baton', level: process.env.LOG_LEVEL ?? 'info' });
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`PORT="${process.env.PORT}" is not a port number`);
  const timeZone = process.env.BATON_TIME_ZONE || undefined;
  if (timeZone && !isKnownTimeZone(timeZone))
    throw new Error(`BATON_TIME_ZONE="${timeZone}" is not an IANA time zone`);

  const dbStarted = performance.now();
  const database = await openDatabase();
  log.info(
    { database: database.describe, mode: database.mode },
    `database ready in ${Math.round(performance.now() - dbStarted)} ms`,
  );
  const { rows } = await database.pool.query<{ n: number }>('select count(*)::int as n from users');
  if (rows[0]?.n === 0) {
    const summary = await seedDatabase(database.db, { compile: compileFlow });
    log.info(
      { inserted: summary.inserted, notDeployed: summary.notDeployed },
      'empty database: seeded demo data',
    );
  }

  const created = await createRuntime({
    pool: database.pool,
    log,
    appUrl: process.env.BATON_APP_URL ?? `http://localhost:${port}`,
    ...(process.env.SMTP_URL ? { smtpUrl: process.env.SMTP_URL } : {}),
  });
  const { runtime } = created;
  if (created.warning) {
    log.warn('**********************************************************************');
    log.warn(`engine mode: in-memory (NOT DURABLE) — ${created.warning}`);
    log.warn('**********************************************************************');
  } else {
    log.info({ source: created.source }, `engine mode: ${runtime.mode} (durable)`);
  }

  const app = createApp({
    db: database.db,
    pool: database.pool,
    runtime,
    ...(created.warning ? { runtimeWarning: created.warning } : {}),
    databaseMode: database.mode,
    log,
    config: defaultConfig({ timeZone }),
    activities: activityCatalogue(),
  });
  const rollups = scheduleStageRollups(database.pool, log);
  const designerDist = path.join(repoRoot, 'designer', 'dist');
  if (serveDesigner(app, designerDist)) log.info({ designerDist }, 'serving the designer at /');
  else
    log.warn(
      { designerDist },
      'designer build not found: only the API is served (run `pnpm --filter @baton/designer build`)',
    );

  const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '0.0.0.0' }, (info) =>
    log.info(`Baton listening on http://localhost:${info.port} (API docs at /api/docs)`),
  );
  server.on('error', (error: NodeJS.ErrnoException) => {
    log.fatal(
      { err: error },
      error.code === 'EADDRINUSE' ? `port ${port} is in use; set PORT to another port` : 'server error',
    );
    void shutdown(1);
  });

  let stopping: Promise<void> | undefined;
  const shutdown = (code: number) =>
    (stopping ??= (async () => {
      log.info('shutting down');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rollups.stop();
      await created
        .close()
        .catch((error: unknown) => log.error({ err: error }, 'runtime did not close cleanly'));
      await database
        .close()
        .catch((error: unknown) => log.error({ err: error }, 'database did not close cleanly'));
      log.info('stopped');
      process.exit(code);
    })());
  process.once('SIGINT', () => void shutdown(0));
  process.once('SIGTERM', () => void shutdown(0));
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'Baton could not start');
  process.exit(1);
});
