// `pnpm seed`: opens the database like `pnpm start` does (DATABASE_URL or the embedded server),
// migrates it and adds the seed rows that are missing. `pnpm seed --history` also adds the demo
// history (months of tickets) unless it is there already: asked for, never by default, so a
// database in real use does not get made-up tickets.
import { compileFlow } from '@baton/engine';
import { pino } from 'pino';
import { openDatabase } from '../connection.js';
import { readDatabaseSettings } from '../settings.js';
import { seedDatabase } from './seed.js';
import { seedHistory } from './seed-history.js';

const log = pino({ name: 'baton-seed', level: process.env.LOG_LEVEL ?? 'info' });
const settings = readDatabaseSettings(process.env);
const opened = await openDatabase({
  url: settings.url,
  dataDir: settings.dataDir,
  port: settings.embeddedPort,
  log,
});
try {
  const summary = await seedDatabase(opened.db, { compile: compileFlow, log });
  log.info({ database: opened.describe, ...summary }, 'seed complete (dev logins: see README)');
  if (process.argv.includes('--history')) log.info(await seedHistory(opened.db, { log }), 'demo history');
  if (summary.notDeployed.length > 0) process.exitCode = 1;
} catch (error) {
  log.error({ err: error }, 'seed failed');
  process.exitCode = 1;
} finally {
  await opened.close();
}
