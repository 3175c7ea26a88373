import { pino } from 'pino';

// One logger for the db package; LOG_LEVEL overrides. Tests default to warnings only.
export const log = pino({
  name: 'baton-db',
  level: process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'),
});
