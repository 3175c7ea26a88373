// ticketWorkflow: one per ticket (workflow id `ticket-<id>`), a thin loop around the engine:
// apply an event, carry out its effects, wait for the next. This is the file Temporal bundles: it
// imports only @baton/engine, @temporalio/workflow and sibling modules that do the same.
//
// Versioning: the compiled Flow travels in the input, so redeploying a flow never changes a
// running ticket. The engine CODE, however, is part of this bundle: a change to what applyEvent
// returns for a given (flow, state, event, now) changes the commands a replay issues and breaks
// running workflows. Such a change must be guarded where the driver is called (see PATCH POINT
// below) with `if (patched('engine-<change>')) newBehaviour else oldBehaviour`, and the old path
// kept until every ticket started before it has finished (then deprecatePatch).
import {
  CancellationScope,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  allHandlersFinished,
  isCancellation,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import { type Actor, type Flow, type RunEvent, openTasks } from '@baton/engine';
import type { ActResult, LiveState, TicketInput } from '../runtime/port.js';
import {
  type ActivityRun,
  type DriverPorts,
  type DriverState,
  driveEvent,
  driveStart,
  dueTimers,
  liveState,
  wouldReject,
} from './driver.js';
import {
  type CommandStats,
  type CustomActivityFunction,
  type ReadModelActivities,
  emptyCommandStats,
} from './records.js';
import { singleTimer } from './single-timer.js';

export type Carried = { driver: DriverState; stats: CommandStats };
export type TicketWorkflowInput = { flow: Flow; ticket: TicketInput; carried?: Carried };
export type TicketWorkflowResult = { status: DriverState['run']['status']; seq: number; stats: CommandStats };

type EventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;

export const claimTask = defineUpdate<ActResult, [EventOf<'task.claimed'>]>('claimTask');
export const completeTask = defineUpdate<ActResult, [EventOf<'task.completed'>]>('completeTask');
export const transferTask = defineUpdate<ActResult, [EventOf<'task.transferred'>]>('transferTask');
export const returnTask = defineUpdate<ActResult, [EventOf<'task.returned'>]>('returnTask');
export const holdTask = defineUpdate<ActResult, [EventOf<'task.held'>]>('holdTask');
export const resumeTask = defineUpdate<ActResult, [EventOf<'task.resumed'>]>('resumeTask');
export const grantExtension = defineUpdate<ActResult, [EventOf<'task.extensionGranted'>]>('grantExtension');
export const cancelTicket = defineUpdate<ActResult, [{ actor: Actor; reason?: string }]>('cancelTicket');
export const customerMessage =
  defineSignal<[{ name: string; data?: Record<string, unknown> }]>('customerMessage');
export const liveStateQuery = defineQuery<LiveState>('liveState');
export const commandStatsQuery = defineQuery<CommandStats>('commandStats');

/** The update carrying each agent action, by engine event type. */
export const taskUpdates = {
  'task.claimed': claimTask,
  'task.completed': completeTask,
  'task.transferred': transferTask,
  'task.returned': returnTask,
  'task.held': holdTask,
  'task.resumed': resumeTask,
  'task.extensionGranted': grantExtension,
} as const;

/** Our own history budget, far below Temporal's 10,240-event warning: replays stay fast. */
export const HISTORY_EVENT_BUDGET = 2_000;

// Read-model writes are short, idempotent DB transactions: local activities record one marker
// event each instead of three activity events plus a workflow task, which keeps a stage within
// its history budget. They retry until the database answers (the read model must catch up).
const readModel = proxyLocalActivities<ReadModelActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', maximumInterval: '30s', backoffCoefficient: 2 },
});

function customActivity(run: ActivityRun): CustomActivityFunction {
  // One proxy per run: the diagram decides retries and timeout of each service task.
  // `retries` counts attempts after the first.
  const proxies = proxyActivities<Record<string, CustomActivityFunction>>({
    startToCloseTimeout: Math.max(1, run.timeoutMs),
    retry: { maximumAttempts: Math.max(1, run.retries + 1) },
  });
  const fn = proxies[run.activity];
  if (!fn) throw new Error(`no proxy for activity '${run.activity}'`);
  return fn;
}

const failureMessage = (error: unknown): string => {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
};

export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketWorkflowResult> {
  const { flow, ticket } = input;
  const stats: CommandStats = input.carried?.stats ?? emptyCommandStats();
  let driver: DriverState | undefined = input.carried?.driver;
  /** Jobs queued or running in `serially`; continue-as-new waits for zero. */
  let pending = 0;
  let inflightActivities = 0;
  let tail: Promise<unknown> = Promise.resolve();

  // Every state change goes through this one queue, in arrival order, so an update never sees
  // a half-applied step and the read model is written in seq order.
  function serially<T>(job: () => Promise<T>): Promise<T> {
    pending += 1;
    const result = tail.then(job).finally(() => {
      pending -= 1;
    });
    tail = result.catch(() => undefined);
    return result;
  }

  /**
   * A job nobody awaits (a timer firing, an activity's outcome). `serially` keeps its queue alive
   * past a failure; re-raising here leaves an unhandled rejection, which fails the workflow TASK
   * (retried, visible in the UI) instead of silently dropping the event.
   */
  function detached(job: () => Promise<unknown>): void {
    void serially(job).catch((error: unknown) => {
      throw error;
    });
  }

  const timer = singleTimer(
    {
      start(at, fire) {
        const scope = new CancellationScope();
        scope
          .run(() => sleep(Math.max(1, at - Date.now())))
          .then(fire, (error: unknown) => {
            if (!isCancellation(error)) throw error;
          });
        return { cancel: () => scope.cancel() };
      },
    },
    stats,
    () => detached(fireDueTimers),
  );
  const rescheduleTimer = (): void => {
    // A finished run completes the workflow, which drops its timer: no cancel command needed.
    if (driver?.run.status === 'running') timer.reschedule(driver.timers);
  };

  async function fireDueTimers(): Promise<void> {
    if (!driver) return;
    for (const { timerId } of dueTimers(driver.timers, Date.now())) {
      // An 'unknown-timer' rejection (cancelled meanwhile) is ignored by design.
      driver = (await driveEvent(flow, driver, { type: 'timer.fired', timerId }, ports)).driver;
    }
    rescheduleTimer();
  }

  function startActivity(run: ActivityRun): void {
    stats.activities += 1;
    inflightActivities += 1;
    const meta = { ticketId: ticket.ticketId, activityId: run.activityId };
    customActivity(run)(run.input, meta)
      .then(
        (result): RunEvent => ({ type: 'activity.completed', activityId: run.activityId, result }),
        (error: unknown): RunEvent => ({
          type: 'activity.failed',
          activityId: run.activityId,
          error: failureMessage(error),
        }),
      )
      .then((event) => {
        detached(() => apply(event));
        inflightActivities -= 1;
      });
  }

  const ports: DriverPorts = {
    now: () => Date.now(),
    record: async (steps) => {
      stats.localActivities += 1;
      await readModel.recordSteps(steps);
    },
    pickAssignee: async (request) => {
      stats.localActivities += 1;
      return readModel.pickAssignee(request);
    },
    startActivity,
    warn: (message, context) => log.warn(message, context),
  };

  async function apply(event: RunEvent): Promise<ActResult> {
    if (!driver) return { ok: false, rejected: 'conflict: ticket not started' };
    // PATCH POINT: an engine change that alters the effects of an existing event goes here,
    // e.g. `const result = patched('engine-v2-holds') ? driveEvent(...) : legacyDriveEvent(...)`.
    const result = await driveEvent(flow, driver, event, ports);
    driver = result.driver;
    rescheduleTimer();
    if (result.rejected) return { ok: false, rejected: result.rejected };
    return { ok: true, state: driver.run, tasks: openTasks(driver.run) };
  }

  /** Validators reject exactly what the engine would, so the client gets `<code>: <message>`. */
  function validate(event: RunEvent): void {
    if (!driver) throw new Error('conflict: ticket is still starting');
    const rejected = wouldReject(flow, driver, event, Date.now());
    if (rejected) throw new Error(rejected);
  }

  for (const [type, update] of Object.entries(taskUpdates)) {
    setHandler(
      update as typeof claimTask,
      (event) => {
        stats.updates += 1;
        return serially(() => apply(event));
      },
      {
        validator: (event) => {
          if (event.type !== type)
            throw new Error(`invalid: update expects a '${type}' event, got '${event.type}'`);
          validate(event);
        },
      },
    );
  }
  const cancelEvent = (a: { actor: Actor; reason?: string }): RunEvent => ({
    type: 'ticket.cancelled',
    ...a,
  });
  setHandler(
    cancelTicket,
    (args) => {
      stats.updates += 1;
      return serially(() => apply(cancelEvent(args)));
    },
    { validator: (args) => validate(cancelEvent(args)) },
  );
  setHandler(customerMessage, ({ name, data }) => {
    stats.signals += 1;
    return serially(() => apply({ type: 'message.received', name, ...(data ? { data } : {}) })).then(
      () => undefined,
    );
  });
  // Throws until the first step is recorded: TemporalRuntime.startTicket polls it (a query adds
  // no history events, unlike an update).
  setHandler(liveStateQuery, () => {
    if (!driver) throw new Error(`ticket ${ticket.ticketId} is still starting`);
    return liveState(flow, driver.run, Date.now());
  });
  setHandler(commandStatsQuery, () => stats);

  await serially(async () => {
    driver ??= await driveStart(flow, ticket, ports);
    rescheduleTimer();
  });

  const finished = () => driver !== undefined && driver.run.status !== 'running';
  const historyFull = () => {
    const info = workflowInfo();
    return info.continueAsNewSuggested || info.historyLength > HISTORY_EVENT_BUDGET;
  };
  await condition(() => finished() || historyFull());
  // Safe-message-handlers pattern: nothing queued, no activity whose result would be lost, every
  // update answered; then finish or carry the engine state into a fresh history.
  await condition(() => pending === 0 && inflightActivities === 0 && allHandlersFinished());
  const final = driver as DriverState;
  if (finished()) return { status: final.run.status, seq: final.run.seq, stats };
  return continueAsNew<typeof ticketWorkflow>({ flow, ticket, carried: { driver: final, stats } });
}
