// Public API of @baton/db.
export * from './schema.js';
export { databaseOn, type Database } from './database.js';
export {
  openDatabase,
  redactUrl,
  DEFAULT_EMBEDDED_PORT,
  type OpenDatabaseOptions,
  type OpenedDatabase,
} from './connection.js';
export { migrateDatabase } from './migrate.js';
export { hashPassword, verifyPassword } from './password.js';
export { seedDatabase, readSeedFlow, type CompileFlow, type SeedSummary } from './seed/seed.js';
export { SEED_CALENDARS } from './seed/data.js';
