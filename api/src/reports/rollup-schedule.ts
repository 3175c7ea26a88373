// Keeps stage rollups current in a running server: compacts every changed day that has ended,
// soon after start and then periodically. Several API processes may run it; the compactor's
// advisory lock lets one of them do each round.
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import { compactStageDays, DAY_MS } from './stage-rollups.js';

export type RollupSchedule = { stop(): Promise<void> };

export function scheduleStageRollups(
  pool: Pool,
  log: Logger,
  { firstAfterMs = 5_000, everyMs = 10 * 60_000, now = Date.now } = {},
): RollupSchedule {
  let running: Promise<void> = Promise.resolve();
  const round = () => {
    running = running.then(async () => {
      const started = performance.now();
      try {
        const startOfToday = new Date(Math.floor(now() / DAY_MS) * DAY_MS);
        const result = await compactStageDays(pool, startOfToday);
        if (result.days.length > 0)
          log.info(
            { days: result.days.length, stages: result.stages, ms: Math.round(performance.now() - started) },
            'stage rollups rebuilt',
          );
      } catch (error) {
        log.error({ err: error }, 'stage rollups could not be rebuilt; reports read stages meanwhile');
      }
    });
  };
  const first = setTimeout(round, firstAfterMs).unref();
  const periodic = setInterval(round, everyMs).unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(periodic);
      await running;
    },
  };
}
