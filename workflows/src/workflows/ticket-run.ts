// One ticket's run loop, shared by ticketWorkflow (Temporal) and InMemoryRuntime: a queue that
// applies inputs one at a time in arrival order, the single runtime timer and custom activities. Each runtime plugs in its ports (workflow time and Temporal activities,
// or its clock and direct calls), so the two cannot drift apart. Part of the workflow bundle:
// imports only @baton/engine and sibling modules that do the same.
import { type ConditionFailure, type Flow, type RunEvent, openTasks } from '@baton/engine/run';
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
import { type CommandStats, type RecordStepInput, emptyCommandStats } from './records.js';
import { type TimerPort, singleTimer } from './single-timer.js';

export type TicketRunPorts = {
  now(): number;
  timers: TimerPort;
  /**
   * Writes the read model for consecutive steps; resolves once it is durable. `when` says which
   * steps may be written by the attempt that computes them (see RecordWhen).
   */
  record(steps: RecordStepInput[], when: RecordWhen): Promise<unknown>;
  pickAssignee: DriverPorts['pickAssignee'];
  /** Runs a custom activity to its end (retries included); rejects with the last failure. */
  runActivity(run: ActivityRun): Promise<unknown>;
  warn(message: string, context: Record<string, unknown>): void;
  /**
   * What a failed condition does in a run started now (engine ConditionFailure): ticketWorkflow
   * asks patched(), so a history written before incidents existed replays as it was written.
   */
  conditionFailure(): ConditionFailure;
  /**
   * Whether a run carried into a fresh history (continue-as-new) arms its pending timer as it
   * starts. ticketWorkflow asks patched(): runs continued before this existed armed it only on
   * their first input, and their histories replay that way.
   */
  armsCarriedTimer(): boolean;
  /**
   * A job nobody awaits (a timer firing, an activity's outcome) failed. ticketWorkflow rethrows
   * it, failing the workflow task so Temporal retries it; InMemoryRuntime logs it.
   */
  onDetachedFailure(error: unknown): void;
};

/**
 * `now`: the steps follow from what the history already holds (the start, a timer, an activity's
 * outcome, a signal), so any attempt of the workflow task computes them again and the write the
 * kept attempt makes stands. `afterCommit`: the steps of an input delivered as an update. Temporal
 * may discard a workflow-task attempt that applied updates in another order, or one it never
 * accepts, and nothing would write that seq again; so these are written only once the task that
 * applied them is committed (ticketWorkflow: an activity, which Temporal schedules on commit).
 */
export type RecordWhen = 'now' | 'afterCommit';

/**
 * Inputs that reach a run through its history, not as updates: signals, and the reopen a
 * reopening execution's input carries.
 */
const HISTORY_INPUTS: ReadonlySet<RunEvent['type']> = new Set(['message.received', 'ticket.reopened']);

export type TicketRun = {
  readonly stats: CommandStats;
  driver(): DriverState | undefined;
  /** Applies the start (once); later calls resolve when the first start is recorded. */
  start(): Promise<void>;
  /** Queues an input behind earlier ones and applies it (an update's, unless a signal's: RecordWhen). */
  apply(event: RunEvent): Promise<ActResult>;
  /** The rejection applying `event` now would give (update validators), or undefined. */
  wouldReject(event: RunEvent): string | undefined;
  liveState(now: number): LiveState | undefined;
  finished(): boolean;
  /** Nothing queued, no activity whose outcome is still to come. */
  idle(): boolean;
  /** An input is queued or being applied (its step perhaps still being recorded). */
  applying(): boolean;
  /** Resolves when idle (for tests and shutdown). */
  settled(): Promise<void>;
  /** Resolves when nothing is queued (activities may still be running). */
  drained(): Promise<void>;
  dispose(): void;
};

const failureMessage = (error: unknown): string => {
  const cause = (error as { cause?: { message?: string } }).cause;
  return cause?.message ?? (error instanceof Error ? error.message : String(error));
};

export function createTicketRun(
  flow: Flow,
  ticket: TicketInput,
  ports: TicketRunPorts,
  carried?: { driver: DriverState; stats: CommandStats },
): TicketRun {
  const stats: CommandStats = carried?.stats ?? emptyCommandStats();
  let driver: DriverState | undefined = carried?.driver;
  let started: Promise<void> | undefined;
  let pending = 0;
  const inflight = new Set<Promise<unknown>>();
  let tail: Promise<unknown> = Promise.resolve();

  // Every state change goes through this one queue, in arrival order, so an input never sees a
  // half-applied step and the read model is written in seq order.
  function serially<T>(job: () => Promise<T>): Promise<T> {
    pending += 1;
    const result = tail.then(job).finally(() => {
      pending -= 1;
    });
    tail = result.catch(() => undefined);
    return result;
  }

  function detached(job: () => Promise<unknown>): void {
    void serially(job).catch(ports.onDetachedFailure);
  }

  function track(promise: Promise<unknown>): void {
    inflight.add(promise);
    void promise.finally(() => inflight.delete(promise));
  }

  const timer = singleTimer(ports.timers, stats, () => detached(fireDueTimers));
  const rescheduleTimer = (): void => {
    // A finished run completes (the workflow returns), which drops its timer: no cancel command.
    if (driver?.run.status === 'running') timer.reschedule(driver.timers);
    else timer.dispose();
  };

  const driverPortsWhere = (when: RecordWhen): DriverPorts => ({
    now: () => ports.now(),
    record: async (steps) => {
      if (when === 'now') stats.localActivities += 1;
      else stats.activities += 1;
      await ports.record(steps, when);
    },
    pickAssignee: (request) => {
      stats.localActivities += 1;
      return ports.pickAssignee(request);
    },
    startActivity,
    warn: ports.warn,
  });
  const driverPorts = driverPortsWhere('now');
  const updatePorts = driverPortsWhere('afterCommit');

  function startActivity(run: ActivityRun): void {
    stats.activities += 1;
    track(
      ports.runActivity(run).then(
        (result) => detached(() => apply({ type: 'activity.completed', activityId: run.activityId, result })),
        (error: unknown) =>
          detached(() =>
            apply({ type: 'activity.failed', activityId: run.activityId, error: failureMessage(error) }),
          ),
      ),
    );
  }

  async function fireDueTimers(): Promise<void> {
    if (!driver) return;
    for (const { timerId } of dueTimers(driver.timers, ports.now())) {
      // An 'unknown-timer' rejection (cancelled meanwhile) is ignored by design.
      driver = (await driveEvent(flow, driver, { type: 'timer.fired', timerId }, driverPorts)).driver;
    }
    rescheduleTimer();
  }

  async function apply(event: RunEvent, stepPorts: DriverPorts = driverPorts): Promise<ActResult> {
    if (!driver) return { ok: false, rejected: 'conflict: ticket not started' };
    // PATCH POINT (see docs/workflow-versioning.md): an engine change that alters the effects of an
    // existing event is chosen here with `patched('<change>')`, the old path kept for old tickets.
    const result = await driveEvent(flow, driver, event, stepPorts);
    driver = result.driver;
    rescheduleTimer();
    if (result.rejected) return { ok: false, rejected: result.rejected };
    return { ok: true, status: driver.run.status, tasks: openTasks(driver.run) };
  }

  return {
    stats,
    driver: () => driver,
    start() {
      // A run carried into a fresh history (continue-as-new) has nothing to drive, but its timer
      // is armed here: a ticket whose last input came before the boundary must still escalate.
      started ??= serially(async () => {
        if (driver && !ports.armsCarriedTimer()) return;
        driver ??= await driveStart(flow, ticket, driverPorts, ports.conditionFailure());
        rescheduleTimer();
      });
      return started;
    },
    apply: (event) =>
      serially(() => apply(event, HISTORY_INPUTS.has(event.type) ? driverPorts : updatePorts)),
    wouldReject(event) {
      if (!driver) return 'conflict: ticket is still starting';
      return wouldReject(flow, driver, event, ports.now());
    },
    liveState: (now) => (driver ? liveState(flow, driver.run, now) : undefined),
    finished: () => driver !== undefined && driver.run.status !== 'running',
    idle: () => pending === 0 && inflight.size === 0,
    applying: () => pending > 0,
    async settled() {
      for (;;) {
        const before = tail;
        await Promise.allSettled([tail, ...inflight]);
        if (tail === before && pending === 0 && inflight.size === 0) return;
      }
    },
    async drained() {
      for (;;) {
        const before = tail;
        await before;
        if (tail === before && pending === 0) return;
      }
    },
    dispose: () => timer.dispose(),
  };
}
