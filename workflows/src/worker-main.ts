// Standalone worker process, for deployments that run workers apart from the API:
//   TEMPORAL_ADDRESS=... DATABASE_URL=... [SMTP_URL=...] tsx workflows/src/worker-main.ts
// Serves TEMPORAL_TASK_QUEUE (default baton-tickets) until SIGINT/SIGTERM.
import { openDatabase } from '@baton/db';
import pino from 'pino';
import { createActivities } from './activities/index.js';
import { createMailer } from './activities/mail.js';
import { createTicketWorker, temporalSettings } from './worker.js';

const log = pino({ name: 'baton-worker', level: process.env.LOG_LEVEL ?? 'info' });

async function main() {
  const settings = temporalSettings();
  if (!settings) throw new Error('TEMPORAL_ADDRESS is not set: a standalone worker needs a Temporal server');
  const database = await openDatabase();
  const mailer = process.env.SMTP_URL ? createMailer(process.env.SMTP_URL) : undefined;
  const activities = createActivities({
    db: database.db,
    log,
    ...(mailer ? { mailer } : {}),
    ...(process.env.BATON_APP_URL ? { appUrl: process.env.BATON_APP_URL } : {}),
  });
  const { worker, connection } = await createTicketWorker(settings, activities);
  const stop = () => worker.shutdown();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  log.info({ ...settings, smtp: Boolean(mailer) }, 'worker running');
  await worker.run();
  await connection.close();
  mailer?.close();
  await database.close();
  log.info('worker stopped');
}

main().catch((error: unknown) => {
  log.fatal({ err: error }, 'worker could not run');
  process.exit(1);
});
