// ticketWorkflow: one per ticket (workflow id `ticket-<id>`), a thin shell around the shared run
// loop (ticket-run.ts): Temporal's updates, signal and queries in; workflow time, timers, local
// activities and activities out. This is the file Temporal bundles: it imports only
// @baton/engine, @temporalio/workflow and sibling modules that do the same.
//
// Versioning (docs/workflow-versioning.md): the compiled Flow travels in the input, so
// redeploying a flow never changes a running ticket. The engine CODE is part of this bundle: a
// change to what applyEvent returns for a given (flow, state, event, now), or to the commands
// this file issues, changes what a replay does and breaks running tickets. Guard such a change
// with `patched('<change>')` and keep the old path until every ticket started before it has
// finished; the replay test (workflows/test/replay.test.ts) fails CI when a change is not guarded.
import {
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  isCancellation,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Actor, Flow, RunEvent } from '@baton/engine/run';
import type { ActResult, LiveState, ReopenEvent, StartedTicket, TicketInput } from '../runtime/port.js';
import type { DriverState } from './driver.js';
import { DATA_ERROR_FAILURE, REJECTED_FAILURE } from './failure-types.js';
import {
  type CommandStats,
  type CustomActivityFunction,
  type ReadModelActivities,
  type RecordStepInput,
} from './records.js';
import { createTicketRun } from './ticket-run.js';

/** What continue-as-new carries; `runs` counts the runs before this one (the fence's high part). */
export type Carried = { driver: DriverState; stats: CommandStats; runs?: number };

/** Above Temporal's hard limit of 51,200 events per run, so (runs, history length) orders every write. */
const FENCE_RUN_STRIDE = 100_000;

/**
 * Conditions that fail to evaluate raise incidents (docs/workflow-versioning.md): tickets started
 * before keep counting them as false, as their histories were written that way.
 */
const CONDITION_INCIDENTS_PATCH = 'engine-2026-condition-incidents';
/** A continued run arms its pending timer at once, not on its first input (ticket-run.ts). */
const CARRIED_TIMER_PATCH = 'workflows-2026-carried-timer';
/**
 * An update's steps are recorded by an activity, scheduled when the workflow task commits, not by
 * a local activity inside it (ticket-run.ts, RecordWhen): a discarded attempt had written a claim
 * that lost. Tickets started before keep the local activity their histories hold.
 */
const COMMITTED_UPDATE_RECORDS_PATCH = 'workflows-2026-committed-update-records';

/** When a run continues as new: our own budgets, far below Temporal's 10,240 events / 10 MB warnings. */
export type HistoryBudget = { events: number; bytes: number };
export const DEFAULT_HISTORY_BUDGET: HistoryBudget = { events: 2_000, bytes: 2 * 1024 * 1024 };

export type TicketWorkflowInput = {
  flow: Flow;
  ticket: TicketInput;
  carried?: Carried;
  historyBudget?: HistoryBudget;
  /**
   * A done ticket opened again: `carried` is its finished run (reopenCarryQuery of the closed
   * execution) and this event is the new execution's first input, answered by ticketReopened.
   */
  reopen?: ReopenEvent;
};

export type TicketWorkflowResult = { status: DriverState['run']['status']; seq: number; stats: CommandStats };

type EventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;

export const claimTask = defineUpdate<ActResult, [EventOf<'task.claimed'>]>('claimTask');
export const completeTask = defineUpdate<ActResult, [EventOf<'task.completed'>]>('completeTask');
export const transferTask = defineUpdate<ActResult, [EventOf<'task.transferred'>]>('transferTask');
export const returnTask = defineUpdate<ActResult, [EventOf<'task.returned'>]>('returnTask');
export const holdTask = defineUpdate<ActResult, [EventOf<'task.held'>]>('holdTask');
export const resumeTask = defineUpdate<ActResult, [EventOf<'task.resumed'>]>('resumeTask');
export const grantExtension = defineUpdate<ActResult, [EventOf<'task.extensionGranted'>]>('grantExtension');
/** Changes nothing in the run; a step of its own so the timeline records the denial as it does grants. */
export const denyExtension = defineUpdate<ActResult, [EventOf<'task.extensionDenied'>]>('denyExtension');
/** An owner retries a ticket's incident (after correcting its fields). */
export const retryIncident = defineUpdate<ActResult, [EventOf<'incident.retried'>]>('retryIncident');
/** Edited calendars reach the ticket: its open clocks get new deadlines (see the engine's run.ts). */
export const changeCalendars = defineUpdate<ActResult, [EventOf<'calendars.changed'>]>('changeCalendars');
/** A newer SLA policy applied to the ticket: its open clocks take the new targets (see the engine's run.ts). */
export const changeSlaTargets = defineUpdate<ActResult, [EventOf<'sla.targetsChanged'>]>('changeSlaTargets');
export const cancelTicket = defineUpdate<ActResult, [{ actor: Actor; reason?: string }]>('cancelTicket');
/** Sent with a reopening start (Update-with-Start): answers once the reopen is applied and recorded. */
export const ticketReopened = defineUpdate<ActResult, []>('ticketReopened');
/**
 * What the next execution of a done ticket starts from: asked of the closed execution (Temporal
 * replays it on a worker), so the reopened run carries the state the ticket finished with.
 */
export const reopenCarryQuery = defineQuery<ReopenCarry>('reopenCarry');
/** The next execution's input, or why the ticket cannot be reopened now (`<code>: <message>`). */
/**
 * `busy`: an input is being applied, its step perhaps still being recorded (the step that makes
 * the ticket done, say), so the run's status is not known yet; a query may not wait, so the caller
 * asks again.
 */
export type ReopenCarry = { next: TicketWorkflowInput } | { rejected: string } | { busy: true };
/** Sent with the start (Update-with-Start): answers once the first step is recorded. */
export const ticketStarted = defineUpdate<StartedTicket, []>('ticketStarted');
export const customerMessage =
  defineSignal<[{ name: string; data?: Record<string, unknown> }]>('customerMessage');
/** `now`: the caller's clock. A query does not advance workflow time, so an idle ticket's would freeze. */
export const liveStateQuery = defineQuery<LiveState, [now?: number]>('liveState');
export const commandStatsQuery = defineQuery<CommandStats>('commandStats');

/** The update carrying each action on a running ticket's work, by engine event type. */
export const taskUpdates = {
  'task.claimed': claimTask,
  'task.completed': completeTask,
  'task.transferred': transferTask,
  'task.returned': returnTask,
  'task.held': holdTask,
  'task.resumed': resumeTask,
  'task.extensionGranted': grantExtension,
  'task.extensionDenied': denyExtension,
  'incident.retried': retryIncident,
  'calendars.changed': changeCalendars,
  'sla.targetsChanged': changeSlaTargets,
} as const;

/** Who cancels a ticket that was cancelled from Temporal's own UI or CLI. */
export const TEMPORAL_ACTOR: Actor = { userId: 'temporal', departments: [], roles: ['system'] };

// Read-model writes are short, idempotent DB transactions: a local activity records one marker
// event instead of an activity's three plus a workflow task, which keeps a stage within its
// history budget. Local retries are bounded (they run inside the workflow task and would grow
// history); a longer outage goes to the same function as a normal activity, which Temporal
// retries with backoff for as long as it takes. Data errors are not retried at all.
const nonRetryableErrorTypes = [DATA_ERROR_FAILURE];
const readModelQuick = proxyLocalActivities<ReadModelActivities>({
  startToCloseTimeout: '10s',
  retry: {
    initialInterval: '250ms',
    backoffCoefficient: 2,
    maximumInterval: '2s',
    maximumAttempts: 4,
    nonRetryableErrorTypes,
  },
});
const readModelDurable = proxyActivities<ReadModelActivities>({
  // As the local one's: a write takes milliseconds, and a worker that died mid-write (an agent
  // waiting on the action) is retried elsewhere after this long.
  startToCloseTimeout: '10s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', nonRetryableErrorTypes },
});

const isDataError = (error: unknown): boolean =>
  (error as { cause?: { type?: string } }).cause?.type === DATA_ERROR_FAILURE;

function customActivity(run: {
  activity: string;
  timeoutMs: number;
  retries: number;
}): CustomActivityFunction {
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

export async function ticketWorkflow(input: TicketWorkflowInput): Promise<TicketWorkflowResult> {
  const { flow, ticket } = input;
  const budget = input.historyBudget ?? DEFAULT_HISTORY_BUDGET;
  const runsBefore = input.carried?.runs ?? 0;

  /** Local first; a long outage becomes a normal activity (see readModelQuick). */
  function readModelCall<T>(what: string, call: (activities: ReadModelActivities) => Promise<T>): Promise<T> {
    // The run's own work finishes even when Temporal cancels the workflow: a half-recorded step
    // would leave the read model behind the engine.
    return CancellationScope.nonCancellable(async () => {
      try {
        return await call(readModelQuick);
      } catch (error) {
        if (isDataError(error)) throw error;
        log.warn('read model unavailable; retrying as an activity', { what, error: String(error) });
        run.stats.activities += 1;
        return await call(readModelDurable);
      }
    });
  }

  const run = createTicketRun(
    flow,
    ticket,
    {
      now: () => Date.now(),
      timers: {
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
      // The fence tells the database which attempt of a workflow task wrote last: a later
      // workflow task always has a longer history, and a later run a higher run count (see
      // activities/record-step.ts).
      record: (steps: RecordStepInput[], when) => {
        const fence = runsBefore * FENCE_RUN_STRIDE + workflowInfo().historyLength;
        // Workflow time is the attempt's start: a retry of the same task starts later.
        const fenceAt = Date.now();
        const fenced = steps.map((step) => ({ ...step, fence, fenceAt }));
        if (when === 'afterCommit' && patched(COMMITTED_UPDATE_RECORDS_PATCH))
          return CancellationScope.nonCancellable(() => readModelDurable.recordSteps(fenced));
        return readModelCall('recordSteps', (activities) => activities.recordSteps(fenced));
      },
      pickAssignee: (request) =>
        readModelCall('pickAssignee', (activities) => activities.pickAssignee(request)),
      runActivity: (activityRun) =>
        CancellationScope.nonCancellable(() =>
          customActivity(activityRun)(activityRun.input, {
            ticketId: ticket.ticketId,
            activityId: activityRun.activityId,
          }),
        ),
      warn: (message, context) => log.warn(message, context),
      conditionFailure: () => (patched(CONDITION_INCIDENTS_PATCH) ? 'incident' : 'false'),
      armsCarriedTimer: () => patched(CARRIED_TIMER_PATCH),
      // An unhandled rejection fails the workflow TASK (retried, visible in Temporal's UI)
      // instead of silently dropping the event.
      onDetachedFailure: (error) => {
        throw error;
      },
    },
    input.carried,
  );

  /** Validators reject exactly what the engine would, so the client gets `<code>: <message>`. */
  function validate(event: RunEvent): void {
    const rejected = run.wouldReject(event);
    if (rejected)
      throw ApplicationFailure.create({ type: REJECTED_FAILURE, message: rejected, nonRetryable: true });
  }

  for (const [type, update] of Object.entries(taskUpdates)) {
    setHandler(
      update as typeof claimTask,
      (event) => {
        run.stats.updates += 1;
        return run.apply(event);
      },
      {
        validator: (event) => {
          if (event.type !== type)
            throw ApplicationFailure.create({
              type: REJECTED_FAILURE,
              message: `invalid: update expects a '${type}' event, got '${event.type}'`,
              nonRetryable: true,
            });
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
      run.stats.updates += 1;
      return run.apply(cancelEvent(args));
    },
    { validator: (args) => validate(cancelEvent(args)) },
  );
  setHandler(ticketStarted, async (): Promise<StartedTicket> => {
    run.stats.updates += 1;
    await run.start();
    // Started means a driver exists, so there is a live state.
    const { tasks, sla } = run.liveState(Date.now())!;
    return { tasks, sla };
  });
  setHandler(customerMessage, ({ name, data }) => {
    run.stats.signals += 1;
    return run.apply({ type: 'message.received', name, ...(data ? { data } : {}) }).then(() => undefined);
  });
  // Throws until the first step is recorded (a query adds no history events).
  setHandler(liveStateQuery, (now) => {
    const live = run.liveState(now ?? Date.now());
    if (!live) throw new Error(`ticket ${ticket.ticketId} is still starting`);
    return live;
  });
  setHandler(commandStatsQuery, () => run.stats);
  let reopened: ActResult | undefined;
  setHandler(ticketReopened, async () => {
    await condition(() => reopened !== undefined);
    return reopened!;
  });
  setHandler(reopenCarryQuery, (): ReopenCarry => {
    if (run.applying() || !allHandlersFinished()) return { busy: true };
    const driver = run.driver();
    const status = driver?.run.status ?? 'starting';
    if (driver === undefined || status !== 'done')
      return {
        rejected: `conflict: ticket ${ticket.ticketId} is ${status}: only a done ticket can be reopened`,
      };
    if (!quiet()) return { busy: true };
    return {
      next: {
        flow,
        ticket,
        carried: { driver, stats: run.stats, runs: runsBefore + 1 },
        ...(input.historyBudget ? { historyBudget: input.historyBudget } : {}),
      },
    };
  });

  const historyFull = () => {
    const info = workflowInfo();
    return (
      info.continueAsNewSuggested || info.historyLength > budget.events || info.historySize > budget.bytes
    );
  };
  // Safe-message-handlers pattern: nothing queued, no activity whose result would be lost, every
  // update answered; then finish or carry the engine state into a fresh history.
  const quiet = () => run.idle() && allHandlersFinished();

  try {
    await run.start();
    if (input.reopen) {
      run.stats.updates += 1;
      reopened = await run.apply(input.reopen);
    }
    await condition(() => run.finished() || historyFull());
    await condition(quiet);
  } catch (error) {
    if (!isCancellation(error)) throw error;
    // Cancelled from Temporal's UI or CLI: the ticket is cancelled like any other, so Baton shows
    // it, and the workflow then ends as Canceled in Temporal too.
    await CancellationScope.nonCancellable(async () => {
      await run.start();
      if (!run.finished())
        await run.apply(cancelEvent({ actor: TEMPORAL_ACTOR, reason: 'cancelled in Temporal' }));
      await condition(quiet);
    });
    throw error;
  }
  const final = run.driver() as DriverState;
  if (run.finished()) return { status: final.run.status, seq: final.run.seq, stats: run.stats };
  return continueAsNew<typeof ticketWorkflow>({
    flow,
    ticket,
    carried: { driver: final, stats: run.stats, runs: runsBefore + 1 },
    ...(input.historyBudget ? { historyBudget: input.historyBudget } : {}),
  });
}
export { webhookDeliveryWorkflow } from './webhook-delivery.js';
