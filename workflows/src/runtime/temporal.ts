// TemporalRuntime: tickets as durable ticketWorkflow executions. Agent actions are Workflow
// Updates (the validator's rejection comes back synchronously as `<code>: <message>`), customer
// messages a signal, live state a query. Runs the worker in-process unless told not to.
import type { Actor, Flow } from '@baton/engine';
import {
  Client,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { BatonActivities } from '../activities/index.js';
import { type TemporalSettings, createTicketWorker } from '../worker.js';
import type { CommandStats } from '../workflows/records.js';
import {
  cancelTicket,
  commandStatsQuery,
  customerMessage,
  liveStateQuery,
  taskUpdates,
  ticketWorkflow,
} from '../workflows/ticket.js';
import type { ActResult, EngineRuntime, LiveState, TaskEvent, TicketInput } from './port.js';

export const workflowIdOf = (ticketId: string) => `ticket-${ticketId}`;

export type TemporalRuntimeOptions = TemporalSettings & {
  activities: BatonActivities;
  log: Logger;
  /** false: client only, a separate worker process serves the task queue. Default true. */
  runWorker?: boolean;
  connectTimeoutMs?: number;
};

/** How long a ticket read waits for the workflow's live state before showing the read model. */
const LIVE_STATE_DEADLINE_MS = 3_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** How the server answers an update or start aimed at a closed workflow run. */
const isFinished = (error: unknown) =>
  /already completed|workflow execution already completed/i.test(messageOf(error));

export class TemporalRuntime implements EngineRuntime {
  readonly mode = 'temporal' as const;
  readonly durable = true;

  private constructor(
    private readonly client: Client,
    private readonly connection: Connection,
    private readonly settings: TemporalSettings,
    private readonly log: Logger,
    private readonly worker?: { worker: Worker; connection: NativeConnection; running: Promise<void> },
  ) {}

  /** Connects (failing clearly when the server is unreachable) and starts the worker. */
  static async connect(options: TemporalRuntimeOptions): Promise<TemporalRuntime> {
    const { address, namespace, taskQueue, log } = options;
    let connection: Connection;
    try {
      connection = await Connection.connect({ address, connectTimeout: options.connectTimeoutMs ?? 5_000 });
    } catch (error) {
      throw new Error(`Temporal at ${address} is unreachable: ${messageOf(error)}`, { cause: error });
    }
    const client = new Client({ connection, namespace });
    let worker: TemporalRuntime['worker'];
    if (options.runWorker ?? true) {
      const created = await createTicketWorker(options, options.activities).catch(async (error: unknown) => {
        await connection.close();
        throw new Error(
          `Temporal worker for ${namespace}/${taskQueue} at ${address} could not start: ${messageOf(error)}`,
          { cause: error },
        );
      });
      const running = created.worker.run().catch((error: unknown) => {
        log.error({ err: messageOf(error), taskQueue }, 'Temporal worker stopped');
      });
      worker = { ...created, running };
    }
    log.info({ address, namespace, taskQueue, worker: Boolean(worker) }, 'Temporal runtime ready');
    return new TemporalRuntime(client, connection, options, log, worker);
  }

  private handle(ticketId: string) {
    return this.client.workflow.getHandle(workflowIdOf(ticketId));
  }

  async startTicket(input: { flow: Flow; ticket: TicketInput }): Promise<void> {
    const workflowId = workflowIdOf(input.ticket.ticketId);
    try {
      await this.client.workflow.start(ticketWorkflow, {
        workflowId,
        taskQueue: this.settings.taskQueue,
        args: [input],
        // A ticket runs once: starting a finished ticket again must not start a second run.
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await this.untilStarted(input.ticket.ticketId);
  }

  /**
   * Polls the live-state query until the first step is recorded. A query adds no history
   * events (an update would add five), and it answers for finished runs too.
   */
  private async untilStarted(ticketId: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (let delay = 20; ; delay = Math.min(500, delay * 2)) {
      try {
        await this.handle(ticketId).query(liveStateQuery);
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`ticket ${ticketId} did not start within ${timeoutMs} ms: ${messageOf(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async update(ticketId: string, run: () => Promise<ActResult>): Promise<ActResult> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) {
        // The validator threw the engine's `<code>: <message>`; it arrives as the failure's cause.
        const cause = (error.cause as { message?: string } | undefined)?.message;
        return { ok: false, rejected: cause ?? error.message };
      }
      if (error instanceof WorkflowNotFoundError)
        return { ok: false, rejected: `unknown-task: no ticket ${ticketId}` };
      if (isFinished(error)) return { ok: false, rejected: `conflict: ticket ${ticketId} is finished` };
      throw error;
    }
  }

  act(ticketId: string, event: TaskEvent): Promise<ActResult> {
    const update = taskUpdates[event.type];
    // Each update takes exactly its event type; the map guarantees the pairing.
    return this.update(ticketId, () =>
      this.handle(ticketId).executeUpdate(update as (typeof taskUpdates)['task.claimed'], {
        args: [event as never],
      }),
    );
  }

  cancel(ticketId: string, actor: Actor, reason?: string): Promise<ActResult> {
    return this.update(ticketId, () =>
      this.handle(ticketId).executeUpdate(cancelTicket, { args: [{ actor, ...(reason ? { reason } : {}) }] }),
    );
  }

  async sendMessage(ticketId: string, name: string, data?: Record<string, unknown>): Promise<void> {
    await this.handle(ticketId).signal(customerMessage, { name, ...(data ? { data } : {}) });
  }

  async readState(ticketId: string): Promise<LiveState | undefined> {
    try {
      // A query waits for a worker to answer it; with none polling, a ticket page would hang for
      // the whole RPC deadline. Callers fall back to the read model when this throws.
      return await this.connection.withDeadline(Date.now() + LIVE_STATE_DEADLINE_MS, () =>
        this.handle(ticketId).query(liveStateQuery),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /** Workflow commands issued so far (a query): for the history budget measurement. */
  commandStats(ticketId: string): Promise<CommandStats> {
    return this.handle(ticketId).query(commandStatsQuery);
  }

  /** The real history length of a ticket's current run. */
  async historyLength(ticketId: string): Promise<number> {
    const history = await this.handle(ticketId).fetchHistory();
    return history.events?.length ?? 0;
  }

  async close(): Promise<void> {
    if (this.worker) {
      this.worker.worker.shutdown();
      await this.worker.running;
      await this.worker.connection.close();
    }
    await this.connection.close();
    this.log.info('Temporal runtime closed');
  }
}
