// The Temporal worker: ticketWorkflow plus the read-model and custom activities, bound to one
// ActivityContext. Used by TemporalRuntime (API and worker in one process) and by the
// standalone entry point (`pnpm worker`, worker-main.ts) for separate worker processes.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { type BatonActivities, workerActivities } from './activities/index.js';
import type { TemporalSettings } from './settings.js';

export { DEFAULT_NAMESPACE, DEFAULT_TASK_QUEUE } from './settings.js';

/** The workflow file Temporal bundles (TypeScript: the worker's bundler compiles it). */
export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/ticket.ts', import.meta.url));

/**
 * Loaded once and shared by every cached ticket instead of once per ticket: the engine's run-time
 * part with FEEL (feelin, lezer, luxon), most of the bundle. Measured with `pnpm --filter
 * @baton/api bench:temporal`: ~560 KiB of worker memory per open ticket without, ~190 KiB with.
 * Safe because that code keeps no per-ticket state: its module-level caches (compiled calendars,
 * FEEL expressions, zone offsets) are pure memos, and the SDK freezes the shared modules, so a
 * write to them would fail loudly (test/real/feel.test.ts runs FEEL's libraries under it).
 */
export const SHARED_WORKFLOW_MODULES = [createRequire(import.meta.url).resolve('@baton/engine/run')];

/** `more`: workflow interceptors (fault tests inject failed workflow tasks with them). */
export async function createTicketWorker(
  settings: TemporalSettings,
  activities: BatonActivities,
  more: Pick<WorkerOptions, 'interceptors'> = {},
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: settings.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: settings.namespace,
      taskQueue: settings.taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities: workerActivities(activities),
      // When many deadlines fall together (1,000 tickets in one second, see test/real/load.long.test.ts)
      // a busy worker's cached tickets wait longer than the SDK's 10 s default to be picked up;
      // timing them out would replay each from scratch on another poll and deepen the backlog.
      // A crashed worker's cached tickets move on after this long.
      stickyQueueScheduleToStartTimeout: '30s',
      bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES },
      ...more,
    });
    return { worker, connection };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
