// TemporalRuntime: tickets as durable ticketWorkflow executions. A start is one idempotent
// Update-with-Start; agent actions are Workflow Updates whose id comes from the caller's request
// id, so a repeat applies once; customer messages a signal; live state a query. Every server
// answer becomes an ActResult or a typed RuntimeFailure, found by error class and status, never
// by message text. Runs the worker in-process unless told not to.
import { randomUUID } from 'node:crypto';
import type { Actor, Flow } from '@baton/engine';
import {
  Client,
  Connection,
  QueryRejectedError,
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  type WorkflowHandle,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  WorkflowUpdateStage,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import proto from '@temporalio/proto';
import type { NativeConnection, Worker } from '@temporalio/worker';
import type { Logger } from 'pino';
import { type BatonActivities, startBesideWorker, stopBesideWorker } from '../activities/index.js';
import type { TemporalSettings } from '../settings.js';
import { createTicketWorker } from '../worker.js';
import { REJECTED_FAILURE } from '../workflows/failure-types.js';
import type { CommandStats } from '../workflows/records.js';
import {
  type HistoryBudget,
  type ReopenCarry,
  type TicketWorkflowInput,
  cancelTicket,
  commandStatsQuery,
  customerMessage,
  liveStateQuery,
  reopenCarryQuery,
  taskUpdates,
  ticketReopened,
  ticketStarted,
  ticketWorkflow,
  webhookDeliveryWorkflow,
} from '../workflows/ticket.js';
import { webhookWorkflowIdOf } from '../workflows/webhook-delivery.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import {
  type ActOptions,
  type ActResult,
  type CloseLostResult,
  type EngineRuntime,
  type LiveState,
  type ReopenEvent,
  RuntimeFailure,
  type StartedTicket,
  type TaskEvent,
  type TicketInput,
} from './port.js';

export const workflowIdOf = (ticketId: string) => `ticket-${ticketId}`;

/** A history's size as Temporal counts it: the encoded protobuf. */
export const historySizeBytes = (history: proto.temporal.api.history.v1.IHistory): number =>
  proto.temporal.api.history.v1.History.encode(history).finish().length;

/** How long each kind of call may take before the caller hears `unavailable`. */
export type TemporalDeadlines = {
  /** An action must be accepted (validated by a worker) within this; else no worker is polling. */
  acceptMs: number;
  /** ...and applied within this after acceptance. */
  resultMs: number;
  /** A start: the first step recorded. */
  startMs: number;
  /** A live-state read, which falls back to the read model after it. */
  readMs: number;
};

export const DEFAULT_DEADLINES: TemporalDeadlines = {
  acceptMs: 5_000,
  resultMs: 30_000,
  startMs: 60_000,
  readMs: 3_000,
};

export type TemporalRuntimeOptions = TemporalSettings & {
  activities: BatonActivities;
  log: Logger;
  /** false: client only, a separate worker process serves the task queue. Default true. */
  runWorker?: boolean;
  connectTimeoutMs?: number;
  deadlines?: Partial<TemporalDeadlines>;
  /** Continue-as-new budget for new tickets (tests lower it). */
  historyBudget?: HistoryBudget;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// gRPC status codes (google.rpc.Code) the server answers with.
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_RESOURCE_EXHAUSTED = 8;
const GRPC_UNAVAILABLE = 14;

const grpcCode = (error: unknown): number | undefined => {
  for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
    if (isGrpcServiceError(current)) return current.code;
    if (typeof (current as { code?: unknown }).code === 'number') return (current as { code: number }).code;
  }
  return undefined;
};

/** Deadline, overload and outage answers: the caller may retry (with the same request id). */
function unavailable(error: unknown, what: string): RuntimeFailure | undefined {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError)
    return new RuntimeFailure('unavailable', `${what}: no worker answered in time`, {
      cause: error,
      retryAfterSeconds: 5,
    });
  switch (grpcCode(error)) {
    case GRPC_DEADLINE_EXCEEDED:
      return new RuntimeFailure('unavailable', `${what}: no worker answered in time`, {
        cause: error,
        retryAfterSeconds: 5,
      });
    case GRPC_RESOURCE_EXHAUSTED:
      return new RuntimeFailure(
        'unavailable',
        `${what}: Temporal is busy with this ticket (too many requests in flight)`,
        {
          cause: error,
          retryAfterSeconds: 2,
        },
      );
    case GRPC_UNAVAILABLE:
      return new RuntimeFailure('unavailable', `${what}: Temporal is unreachable`, {
        cause: error,
        retryAfterSeconds: 5,
      });
    default:
      return undefined;
  }
}

/** The server's failure type for an update a workflow task completed without handling. */
const UNPROCESSED_UPDATE = 'UnprocessedUpdate';
const UNPROCESSED_ATTEMPTS = 5;
/** How often a reopen asks a run that is still applying an input again. */
const REOPEN_POLL_MS = 50;

/** The Temporal statuses of a run that ended without its code recording it. */
const ENDED_OUTSIDE = new Set(['TERMINATED', 'TIMED_OUT', 'FAILED', 'CANCELLED']);

export class TemporalRuntime implements EngineRuntime {
  readonly mode = 'temporal' as const;
  readonly durable = true;
  private readonly deadlines: TemporalDeadlines;
  /** Queries refuse closed runs (a closed run's replay would be costly and could show a stale state). */
  private readonly openOnly: Client;
  /** Hands queued webhook deliveries to delivery workflows (any worker of the queue runs them). */
  readonly webhooks: WebhookDispatcher;

  private constructor(
    private readonly client: Client,
    private readonly connection: Connection,
    private readonly options: TemporalRuntimeOptions,
    private readonly log: Logger,
    private readonly worker?: { worker: Worker; connection: NativeConnection; running: Promise<void> },
  ) {
    this.deadlines = { ...DEFAULT_DEADLINES, ...options.deadlines };
    this.openOnly = new Client({
      connection,
      namespace: options.namespace,
      workflow: { queryRejectCondition: 'NOT_OPEN' },
    });
    this.webhooks = options.activities.webhooks.dispatcher(async (deliveryId) => {
      await this.client.workflow.start(webhookDeliveryWorkflow, {
        workflowId: webhookWorkflowIdOf(deliveryId),
        taskQueue: options.taskQueue,
        args: [deliveryId],
        // Handed over twice (a dispatcher died between start and mark): the running one stands.
        workflowIdConflictPolicy: 'USE_EXISTING',
      });
    });
  }

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
        log.error({ err: error, taskQueue }, 'Temporal worker stopped');
      });
      worker = { ...created, running };
      // E-mails are sent, and late levels escalated, beside the worker that records the steps.
      startBesideWorker(options.activities);
    }
    log.info({ address, namespace, taskQueue, worker: Boolean(worker) }, 'Temporal runtime ready');
    const runtime = new TemporalRuntime(client, connection, options, log, worker);
    runtime.webhooks.start();
    return runtime;
  }

  private handle(ticketId: string) {
    return this.client.workflow.getHandle(workflowIdOf(ticketId));
  }

  private within<T>(ms: number, call: () => Promise<T>): Promise<T> {
    return this.connection.withDeadline(Date.now() + ms, call);
  }

  async startTicket(input: { flow: Flow; ticket: TicketInput }): Promise<StartedTicket> {
    const { ticketId } = input.ticket;
    const args: TicketWorkflowInput = {
      ...input,
      ...(this.options.historyBudget ? { historyBudget: this.options.historyBudget } : {}),
    };
    const startWorkflowOperation = new WithStartWorkflowOperation(ticketWorkflow, {
      workflowId: workflowIdOf(ticketId),
      taskQueue: this.options.taskQueue,
      args: [args],
      // A repeat joins the run under way; a finished ticket never runs again; a run that failed to
      // record its first step (a data error: no ticket exists) may be started afresh.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
    try {
      return await this.within(this.deadlines.startMs, () =>
        this.client.workflow.executeUpdateWithStart(ticketStarted, {
          startWorkflowOperation,
          updateId: `start-${ticketId}`,
        }),
      );
    } catch (error) {
      // Started and finished before: nothing is open any more.
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { tasks: [], sla: { tasks: {} } };
      const failure = unavailable(error, `start ticket ${ticketId}`);
      if (failure) throw failure;
      if (error instanceof WorkflowUpdateFailedError)
        throw new Error(`ticket ${ticketId} could not start: ${messageOf(error.cause ?? error)}`, {
          cause: error,
        });
      throw error;
    }
  }

  /**
   * The server says the workflow is gone or closed: which one, by asking (not by reading its
   * message). A run that ended in Temporal's UI or CLI is recorded in the read model first.
   */
  private async endedRun(ticketId: string, cause: unknown): Promise<RuntimeFailure> {
    let status: string | undefined;
    try {
      status = (await this.within(this.deadlines.readMs, () => this.handle(ticketId).describe())).status.name;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        return new RuntimeFailure('not-running', `ticket ${ticketId} has no workflow in Temporal`, { cause });
      return (
        unavailable(error, `ticket ${ticketId}`) ??
        new RuntimeFailure('unavailable', messageOf(error), { cause: error })
      );
    }
    if (ENDED_OUTSIDE.has(status)) await this.recordEndedOutside(ticketId, status);
    return new RuntimeFailure(
      'finished',
      `ticket ${ticketId} has finished (${status.toLowerCase()} in Temporal)`,
      { cause },
    );
  }

  private async recordEndedOutside(ticketId: string, status: string): Promise<void> {
    await this.options.activities.recordClosedOutside({
      ticketId,
      at: Date.now(),
      reason: `the workflow was ${status.toLowerCase().replace('_', ' ')} in Temporal`,
      source: 'temporal',
      temporalStatus: status,
    });
  }

  private async update(
    ticketId: string,
    what: string,
    start: (updateId: string | undefined) => Promise<{ result(): Promise<ActResult> }>,
    options: ActOptions | undefined,
  ): Promise<ActResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const base = options?.requestId ? `act-${options.requestId}` : undefined;
        // A retry after an unprocessed delivery needs an id of its own: the server keeps the
        // first id's refusal. The workflow never saw that attempt, so nothing applies twice.
        const updateId = base && attempt > 1 ? `${base}-${attempt}` : base;
        // Accepted (validated by a worker) quickly, or nobody is polling; then applied.
        const accepted = await this.within(this.deadlines.acceptMs, () => start(updateId));
        return await this.within(this.deadlines.resultMs, () => accepted.result());
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError) {
          const cause = error.cause;
          if (cause instanceof ApplicationFailure && cause.type === REJECTED_FAILURE)
            return { ok: false, rejected: cause.message };
          // The server refuses an update that reached a workflow task which completed without
          // handling it (a burst of updates racing a task); it was never applied: send it again.
          if (cause instanceof ApplicationFailure && cause.type === UNPROCESSED_UPDATE) {
            if (attempt < UNPROCESSED_ATTEMPTS) continue;
            throw new RuntimeFailure(
              'unavailable',
              `${what}: the worker did not take the update in ${attempt} tries`,
              {
                cause: error,
                retryAfterSeconds: 1,
              },
            );
          }
          throw new Error(`${what} failed in the workflow: ${messageOf(cause ?? error)}`, { cause: error });
        }
        if (error instanceof WorkflowNotFoundError) throw await this.endedRun(ticketId, error);
        throw unavailable(error, what) ?? error;
      }
    }
  }

  act(ticketId: string, event: TaskEvent, options?: ActOptions): Promise<ActResult> {
    const update = taskUpdates[event.type] as (typeof taskUpdates)['task.claimed'];
    // Each update takes exactly its event type; the map guarantees the pairing.
    return this.update(
      ticketId,
      `${event.type} on ticket ${ticketId}`,
      (updateId) =>
        this.handle(ticketId).startUpdate(update, {
          args: [event as never],
          waitForStage: WorkflowUpdateStage.ACCEPTED,
          ...(updateId ? { updateId } : {}),
        }),
      options,
    );
  }

  cancel(ticketId: string, actor: Actor, reason?: string, options?: ActOptions): Promise<ActResult> {
    return this.update(
      ticketId,
      `cancel ticket ${ticketId}`,
      (updateId) =>
        this.handle(ticketId).startUpdate(cancelTicket, {
          args: [{ actor, ...(reason ? { reason } : {}) }],
          waitForStage: WorkflowUpdateStage.ACCEPTED,
          ...(updateId ? { updateId } : {}),
        }),
      options,
    );
  }

  /**
   * The closed execution is asked for the state it finished with, and a new execution of the same
   * workflow id starts from it with the reopen as its first input. Two reopens at once: the second
   * finds the first's execution running and is refused.
   */
  async reopen(ticketId: string, event: ReopenEvent, options?: ActOptions): Promise<ActResult> {
    let carry: ReopenCarry;
    try {
      const { runId } = await this.within(this.deadlines.readMs, () => this.handle(ticketId).describe());
      const last = this.client.workflow.getHandle(workflowIdOf(ticketId), runId, { followRuns: false });
      carry = await this.settledCarry(ticketId, last);
      if ('rejected' in carry) return { ok: false, rejected: carry.rejected };
      // A done run closes as soon as the task that finished it commits: wait for that rather
      // than race it to the start.
      await this.within(this.deadlines.readMs, () => last.result());
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw new RuntimeFailure('not-running', `ticket ${ticketId} has no workflow in Temporal`, {
          cause: error,
        });
      throw unavailable(error, `reopen ticket ${ticketId}`) ?? error;
    }
    const startWorkflowOperation = new WithStartWorkflowOperation(ticketWorkflow, {
      workflowId: workflowIdOf(ticketId),
      taskQueue: this.options.taskQueue,
      args: [{ ...carry.next, reopen: event }],
      workflowIdConflictPolicy: 'FAIL',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
    try {
      return await this.within(this.deadlines.startMs, () =>
        this.client.workflow.executeUpdateWithStart(ticketReopened, {
          startWorkflowOperation,
          // Without a request id each call is its own: two racing reopens are two, and one is refused.
          updateId: `reopen-${options?.requestId ?? randomUUID()}`,
        }),
      );
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError)
        return {
          ok: false,
          rejected: `conflict: ticket ${ticketId} is running: only a done ticket can be reopened`,
        };
      throw unavailable(error, `reopen ticket ${ticketId}`) ?? error;
    }
  }

  /**
   * The run's carry once no input is being applied: the step that made the ticket done may still
   * be being recorded (an action's record may take as long as its result), and a query cannot wait.
   */
  private async settledCarry(
    ticketId: string,
    last: WorkflowHandle<typeof ticketWorkflow>,
  ): Promise<Exclude<ReopenCarry, { busy: true }>> {
    const until = Date.now() + this.deadlines.resultMs;
    for (;;) {
      const carry = await this.within(this.deadlines.readMs, () => last.query(reopenCarryQuery));
      if (!('busy' in carry)) return carry;
      if (Date.now() > until)
        return { rejected: `conflict: ticket ${ticketId} is still applying an action: try again` };
      await new Promise((resolve) => setTimeout(resolve, REOPEN_POLL_MS));
    }
  }

  async sendMessage(ticketId: string, name: string, data?: Record<string, unknown>): Promise<void> {
    try {
      await this.within(this.deadlines.acceptMs, () =>
        this.handle(ticketId).signal(customerMessage, { name, ...(data ? { data } : {}) }),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw await this.endedRun(ticketId, error);
      throw unavailable(error, `message to ticket ${ticketId}`) ?? error;
    }
  }

  async readState(ticketId: string): Promise<LiveState | undefined> {
    try {
      // A query waits for a worker to answer it; with none polling, a ticket page would hang for
      // the whole RPC deadline. Callers fall back to the read model when this throws.
      return await this.within(this.deadlines.readMs, () =>
        this.openOnly.workflow.getHandle(workflowIdOf(ticketId)).query(liveStateQuery, Date.now()),
      );
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      if (error instanceof QueryRejectedError) {
        // The run is closed; one closed from outside Baton is recorded so the ticket shows it.
        await this.endedRun(ticketId, error).catch((failure: unknown) =>
          this.log.warn({ ticketId, err: failure }, 'could not check how a closed run ended'),
        );
        return undefined;
      }
      throw error;
    }
  }

  async closeLost(ticketId: string, actor: Actor, reason: string): Promise<CloseLostResult> {
    try {
      const { status } = await this.within(this.deadlines.readMs, () => this.handle(ticketId).describe());
      if (status.name === 'RUNNING' || status.name === 'CONTINUED_AS_NEW') return 'running';
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw unavailable(error, `ticket ${ticketId}`) ?? error;
    }
    const closed = await this.options.activities.recordClosedOutside({
      ticketId,
      at: Date.now(),
      reason,
      source: 'admin',
      actorId: actor.userId,
    });
    return closed ? 'closed' : 'already-closed';
  }

  /** Workflow commands issued so far (a query, answered for closed runs too): for the history budget. */
  commandStats(ticketId: string): Promise<CommandStats> {
    return this.handle(ticketId).query(commandStatsQuery);
  }

  /** The real history of a ticket's current run: event count and size in bytes. */
  async historyOf(ticketId: string): Promise<{ events: number; bytes: number }> {
    const history = await this.handle(ticketId).fetchHistory();
    return { events: history.events?.length ?? 0, bytes: historySizeBytes(history) };
  }

  /** The real history length of a ticket's current run. */
  async historyLength(ticketId: string): Promise<number> {
    return (await this.historyOf(ticketId)).events;
  }

  private closing: Promise<void> | undefined;

  /** Stops the worker (draining), the outbox relay and the connections. Safe to call twice. */
  close(): Promise<void> {
    return (this.closing ??= this.stop());
  }

  private async stop(): Promise<void> {
    await this.webhooks.stop();
    if (this.worker) {
      this.worker.worker.shutdown();
      await this.worker.running;
      await this.worker.connection.close();
      await stopBesideWorker(this.options.activities);
    }
    await this.connection.close();
    this.log.info('Temporal runtime closed');
  }
}
