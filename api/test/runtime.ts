// The real in-memory runtime (same engine, driver and read-model activities as production) on a
// virtual clock, for API tests.
import { logSerializers, type Database } from '@baton/db';
import pino from 'pino';
import { createActivities, InMemoryRuntime, VirtualClock } from '@baton/workflows';

export type { VirtualClock };

export function inMemoryRuntime(
  db: Database,
  start: number,
  options: { webhookRetryDelayMs?: (attempt: number) => number } = {},
) {
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent', serializers: logSerializers });
  const clock = new VirtualClock(start);
  const runtime = new InMemoryRuntime({ activities: createActivities({ db, log }), log, clock, ...options });
  return { runtime, clock };
}
