// Public API of @baton/db.
export * from './schema.js';
export { databaseOn, type Database, type Transaction } from './database.js';
export {
  openDatabase,
  redactUrl,
  DEFAULT_EMBEDDED_PORT,
  type OpenDatabaseOptions,
  type OpenedDatabase,
} from './connection.js';
export { migrateDatabase } from './migrate.js';
export { createPool, DEFAULT_POOL_SETTINGS, type PoolSettings } from './pool.js';
export {
  isDatabaseUnavailable,
  loggableError,
  logSerializers,
  postgresErrorOf,
  type LoggableError,
  type PostgresError,
} from './database-errors.js';
export { hashPassword, needsRehash, PASSWORD_COST, verifyPassword, type ScryptCost } from './password.js';
export { seedDatabase, readSeedFlow, type CompileFlow, type SeedSummary } from './seed/seed.js';
export { seedHistory, type HistoryOptions, type HistorySummary } from './seed/seed-history.js';
export { HISTORY_IMPORTED_FROM } from './seed/history.js';
export { DEV_PASSWORDS, SEED_CALENDARS, SEED_USERS, userIdFor } from './seed/data.js';
export { batonDataDir, defaultDataDir } from './paths.js';
export { readDatabaseSettings, parseEnvironment, type DatabaseSettings } from './settings.js';
export { withFileLock } from './server/file-lock.js';
export { isNodeProcess, isProcessAlive, processCommand } from './server/processes.js';
