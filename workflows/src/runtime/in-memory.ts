// InMemoryRuntime: the same engine, driver and activity functions as ticketWorkflow, run
// in-process. NOT durable: a restart forgets every running ticket (their read model stays, but
// timers and open tasks are gone). For tests (with a VirtualClock) and a demo mode.
import type { Actor, Flow, RunEvent } from '@baton/engine';
import { openTasks } from '@baton/engine';
import type { Logger } from 'pino';
import type { BatonActivities } from '../activities/index.js';
import {
  type ActivityRun,
  type DriverPorts,
  type DriverState,
  driveEvent,
  driveStart,
  dueTimers,
  liveState,
  wouldReject,
} from '../workflows/driver.js';
import { type CommandStats, emptyCommandStats } from '../workflows/records.js';
import { type SingleTimer, singleTimer } from '../workflows/single-timer.js';
import { type Clock, realClock } from './clock.js';
import type { ActResult, EngineRuntime, LiveState, TaskEvent, TicketInput } from './port.js';

export const NOT_DURABLE_WARNING =
  "Baton is running tickets IN MEMORY: NOT DURABLE. A restart loses every running ticket's timers and open tasks. Set TEMPORAL_ADDRESS (or install the `temporal` CLI) for durable tickets.";

export type InMemoryRuntimeOptions = {
  activities: BatonActivities;
  log: Logger;
  /** 'real' (default) or a VirtualClock the caller advances. */
  clock?: 'real' | Clock;
  /** Attempts for a read-model write before the action fails (Temporal would retry forever). */
  readModelAttempts?: number;
};

type TicketRun = {
  flow: Flow;
  ticket: TicketInput;
  driver?: DriverState;
  tail: Promise<unknown>;
  timer: SingleTimer;
  inflight: Set<Promise<unknown>>;
  stats: CommandStats;
};

const sleepReal = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let handle: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    handle = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(handle);
  }
}

const isNonRetryable = (error: unknown) => (error as { nonRetryable?: unknown }).nonRetryable === true;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Tries `attempts` times with a short real-time backoff, like Temporal's retry policy. */
async function retrying<T>(attempts: number, run: (attempt: number) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= attempts || isNonRetryable(error)) throw error;
      await sleepReal(Math.min(2_000, 50 * 2 ** attempt));
    }
  }
}

export class InMemoryRuntime implements EngineRuntime {
  readonly mode = 'in-memory' as const;
  readonly durable = false;
  readonly clock: Clock;
  private readonly runs = new Map<string, TicketRun>();
  private readonly activities: BatonActivities;
  private readonly log: Logger;
  private readonly readModelAttempts: number;

  constructor(options: InMemoryRuntimeOptions) {
    this.activities = options.activities;
    this.log = options.log.child({ runtime: 'in-memory' });
    this.clock = options.clock === undefined || options.clock === 'real' ? realClock : options.clock;
    this.readModelAttempts = options.readModelAttempts ?? 5;
    this.log.warn(NOT_DURABLE_WARNING);
  }

  async startTicket(input: { flow: Flow; ticket: TicketInput }): Promise<void> {
    const existing = this.runs.get(input.ticket.ticketId);
    if (existing) {
      await existing.tail; // idempotent: resolve once the first start is recorded
      return;
    }
    const stats = emptyCommandStats();
    const run: TicketRun = {
      ...input,
      tail: Promise.resolve(),
      inflight: new Set(),
      stats,
      timer: singleTimer(
        {
          start: (at, fire) => {
            let fired: Promise<unknown> = Promise.resolve();
            const cancel = this.clock.schedule(at, () => {
              fire();
              fired = run.tail; // fire() queued the timer job: wait for it (VirtualClock order)
              return fired.then(() => undefined);
            });
            return { cancel };
          },
        },
        stats,
        () => void this.serially(run, () => this.fireDueTimers(run)),
      ),
    };
    this.runs.set(input.ticket.ticketId, run);
    try {
      await this.serially(run, async () => {
        run.driver = await driveStart(run.flow, run.ticket, this.ports(run));
        this.rescheduleTimer(run);
      });
    } catch (error) {
      // Nothing ran: forget the ticket so a later start can try again.
      this.runs.delete(input.ticket.ticketId);
      throw error;
    }
  }

  act(ticketId: string, event: TaskEvent): Promise<ActResult> {
    return this.update(ticketId, event);
  }

  async sendMessage(ticketId: string, name: string, data?: Record<string, unknown>): Promise<void> {
    const run = this.runs.get(ticketId);
    if (!run) throw new Error(`sendMessage: ticket ${ticketId} is not running`);
    run.stats.signals += 1;
    await this.serially(run, () =>
      this.apply(run, { type: 'message.received', name, ...(data ? { data } : {}) }),
    );
  }

  async readState(ticketId: string): Promise<LiveState | undefined> {
    const run = this.runs.get(ticketId);
    if (!run?.driver) return undefined;
    return liveState(run.flow, run.driver.run, this.clock.now());
  }

  cancel(ticketId: string, actor: Actor, reason?: string): Promise<ActResult> {
    return this.update(ticketId, { type: 'ticket.cancelled', actor, ...(reason ? { reason } : {}) });
  }

  /** Resolves when nothing is queued or running for the ticket (or all tickets). */
  async settled(ticketId?: string): Promise<void> {
    const runs = ticketId
      ? [this.runs.get(ticketId)].filter((r): r is TicketRun => !!r)
      : [...this.runs.values()];
    for (;;) {
      const busy = runs.flatMap((r) => [r.tail, ...r.inflight]);
      const before = runs.map((r) => r.tail);
      await Promise.allSettled(busy);
      if (runs.every((r, i) => r.tail === before[i] && r.inflight.size === 0)) return;
    }
  }

  /** Workflow commands the driver issued for a ticket (see history-estimate.ts). */
  commandStats(ticketId: string): CommandStats | undefined {
    const stats = this.runs.get(ticketId)?.stats;
    return stats ? { ...stats } : undefined;
  }

  async close(): Promise<void> {
    await this.settled();
    for (const run of this.runs.values()) run.timer.dispose();
    this.runs.clear();
  }

  /**
   * Like a Workflow Update: the validator (the engine's verdict on the current state) answers a
   * rejection at once and costs nothing; an accepted update queues behind earlier inputs.
   */
  private update(ticketId: string, event: RunEvent): Promise<ActResult> {
    const run = this.runs.get(ticketId);
    if (!run)
      return Promise.resolve({ ok: false, rejected: `unknown-task: ticket ${ticketId} is not running` });
    const rejected = run.driver && wouldReject(run.flow, run.driver, event, this.clock.now());
    if (rejected) return Promise.resolve({ ok: false, rejected });
    run.stats.updates += 1;
    return this.serially(run, () => this.apply(run, event));
  }

  private serially<T>(run: TicketRun, job: () => Promise<T>): Promise<T> {
    const result = run.tail.then(job);
    run.tail = result.catch((error: unknown) => {
      this.log.error({ ticketId: run.ticket.ticketId, err: messageOf(error) }, 'ticket step failed');
    });
    return result;
  }

  private async apply(run: TicketRun, event: RunEvent): Promise<ActResult> {
    if (!run.driver) return { ok: false, rejected: 'conflict: ticket not started' };
    const result = await driveEvent(run.flow, run.driver, event, this.ports(run));
    run.driver = result.driver;
    this.rescheduleTimer(run);
    if (result.rejected) return { ok: false, rejected: result.rejected };
    return { ok: true, state: run.driver.run, tasks: openTasks(run.driver.run) };
  }

  private async fireDueTimers(run: TicketRun): Promise<void> {
    if (!run.driver) return;
    for (const { timerId } of dueTimers(run.driver.timers, this.clock.now())) {
      run.driver = (
        await driveEvent(run.flow, run.driver, { type: 'timer.fired', timerId }, this.ports(run))
      ).driver;
    }
    this.rescheduleTimer(run);
  }

  /** As in ticketWorkflow: a finished run drops its timer (the workflow completes) uncounted. */
  private rescheduleTimer(run: TicketRun): void {
    if (run.driver?.run.status === 'running') run.timer.reschedule(run.driver.timers);
    else run.timer.dispose();
  }

  private ports(run: TicketRun): DriverPorts {
    const { readModel } = this.activities;
    return {
      now: () => this.clock.now(),
      record: (steps) => {
        run.stats.localActivities += 1;
        return retrying(this.readModelAttempts, () => readModel.recordSteps(steps));
      },
      pickAssignee: (input) => {
        run.stats.localActivities += 1;
        return retrying(this.readModelAttempts, () => readModel.pickAssignee(input));
      },
      startActivity: (activityRun) => this.startActivity(run, activityRun),
      warn: (message, context) => this.log.warn({ ticketId: run.ticket.ticketId, ...context }, message),
    };
  }

  private startActivity(run: TicketRun, activityRun: ActivityRun): void {
    run.stats.activities += 1;
    const fn = this.activities.custom[activityRun.activity];
    const meta = { ticketId: run.ticket.ticketId, activityId: activityRun.activityId };
    const attempts = Math.max(1, activityRun.retries + 1);
    const outcome = (async (): Promise<RunEvent> => {
      try {
        if (!fn) throw new Error(`no custom activity '${activityRun.activity}' is registered`);
        const result = await retrying(attempts, () =>
          withTimeout(fn(activityRun.input, meta), activityRun.timeoutMs, `activity ${activityRun.activity}`),
        );
        return { type: 'activity.completed', activityId: activityRun.activityId, result };
      } catch (error) {
        return { type: 'activity.failed', activityId: activityRun.activityId, error: messageOf(error) };
      }
    })();
    const done = outcome.then((event) => this.serially(run, () => this.apply(run, event)));
    run.inflight.add(done);
    void done.finally(() => run.inflight.delete(done));
  }
}
