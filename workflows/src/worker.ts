// The Temporal worker: ticketWorkflow plus the read-model and custom activities, bound to one
// ActivityContext. Used by TemporalRuntime (API and worker in one process) and by the
// standalone entry point (`tsx workflows/src/worker-main.ts`) for separate worker processes.
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { type BatonActivities, workerActivities } from './activities/index.js';

export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_TASK_QUEUE = 'baton-tickets';

/** The workflow file Temporal bundles (TypeScript: the worker's bundler compiles it). */
export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/ticket.ts', import.meta.url));

export type TemporalSettings = { address: string; namespace: string; taskQueue: string };

export function temporalSettings(env: NodeJS.ProcessEnv = process.env): TemporalSettings | undefined {
  if (!env.TEMPORAL_ADDRESS) return undefined;
  return {
    address: env.TEMPORAL_ADDRESS,
    namespace: env.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE,
    taskQueue: env.TEMPORAL_TASK_QUEUE || DEFAULT_TASK_QUEUE,
  };
}

export async function createTicketWorker(
  settings: TemporalSettings,
  activities: BatonActivities,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: settings.address });
  try {
    const worker = await Worker.create({
      connection,
      namespace: settings.namespace,
      taskQueue: settings.taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities: workerActivities(activities),
    });
    return { worker, connection };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
