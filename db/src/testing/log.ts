// The test harness's own logger (test processes are processes too: one logger each). Warnings
// only unless LOG_LEVEL says otherwise: the harness reads its own environment, as test
// configuration (BATON_TEST_PG_*), not the product's.
import { pino } from 'pino';
import { logSerializers } from '../database-errors.js';

export const testLog = pino({
  name: 'baton-test',
  level: process.env.LOG_LEVEL ?? 'warn',
  serializers: logSerializers,
});
