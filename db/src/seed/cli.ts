// `pnpm seed`: opens the database like `pnpm start` does (DATABASE_URL or the embedded server),
// migrates it and adds the seed rows that are missing.
import { compileFlow } from '@baton/engine';
import { openDatabase } from '../connection.js';
import { log } from '../logger.js';
import { seedDatabase } from './seed.js';

const opened = await openDatabase();
try {
  const summary = await seedDatabase(opened.db, { compile: compileFlow });
  log.info({ database: opened.describe, ...summary }, 'seed complete (dev logins: see README)');
  if (summary.notDeployed.length > 0) process.exitCode = 1;
} catch (error) {
  log.error({ err: error }, 'seed failed');
  process.exitCode = 1;
} finally {
  await opened.close();
}
