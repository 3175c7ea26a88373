// A ticket worker in a process of its own, for tests that kill it (SIGKILL) mid-flight. The same
// parts as `pnpm worker` (activities, outbox relay, createTicketWorker); with
// BATON_TEST_PAUSE_AFTER_RECORD=<file> its recordSteps waits, after its transaction committed,
// while that file exists: the moment a crash turns into a retried workflow task.
//   TEMPORAL_ADDRESS=... TEMPORAL_TASK_QUEUE=... DATABASE_URL=... [SMTP_URL=...] node --import tsx worker-child.ts
import { existsSync } from 'node:fs';
import { openDatabase } from '@baton/db';
import pino from 'pino';
import { createActivities, startBesideWorker } from '../../src/activities/index.js';
import { createMailer } from '../../src/activities/mail.js';
import { configuredTemporal, readRuntimeSettings } from '../../src/settings.js';
import { createTicketWorker } from '../../src/worker.js';

const log = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const settings = configuredTemporal(readRuntimeSettings(process.env));
if (!settings) throw new Error('TEMPORAL_ADDRESS is not set');
const database = await openDatabase({ log, url: process.env.DATABASE_URL!, migrate: false, poolSize: 4 });
const mailer = process.env.SMTP_URL ? createMailer(process.env.SMTP_URL) : undefined;
const activities = createActivities({ db: database.db, log, ...(mailer ? { mailer } : {}) });
const pauseFile = process.env.BATON_TEST_PAUSE_AFTER_RECORD;
if (pauseFile) {
  const recordSteps = activities.readModel.recordSteps;
  activities.readModel.recordSteps = async (steps) => {
    const recorded = await recordSteps(steps);
    while (existsSync(pauseFile)) await new Promise((resolve) => setTimeout(resolve, 20));
    return recorded;
  };
}
const { worker } = await createTicketWorker(settings, activities);
startBesideWorker(activities);
process.stdout.write('worker-ready\n');
await worker.run();
