// A ticket worker alone in a process, for the memory figure of bench/temporal.ts.
import { openDatabase } from '@baton/db';
import {
  configuredTemporal,
  createActivities,
  createTicketWorker,
  readRuntimeSettings,
} from '@baton/workflows';
import pino from 'pino';

const log = pino({ level: 'silent' });
const settings = configuredTemporal(readRuntimeSettings(process.env));
if (!settings) throw new Error('TEMPORAL_ADDRESS is not set');
const database = await openDatabase({ log, url: process.env.DATABASE_URL!, migrate: false });
const { worker } = await createTicketWorker(settings, createActivities({ db: database.db, log }));
console.log(`worker-ready maxCachedWorkflows=${worker.options.maxCachedWorkflows}`);
await worker.run();
