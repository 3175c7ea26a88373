// InMemoryRuntime: the same engine, run loop (workflows/ticket-run.ts) and activity functions as
// ticketWorkflow, run in-process. NOT durable: a restart forgets every running ticket (their read
// model stays, but timers and open tasks are gone). For tests (with a VirtualClock) and a demo mode.
import type { Actor, Flow, RunEvent } from '@baton/engine';
import type { Logger } from 'pino';
import type { BatonActivities } from '../activities/index.js';
import type { ActivityRun } from '../workflows/driver.js';
import type { CommandStats } from '../workflows/records.js';
import { type TicketRun, createTicketRun } from '../workflows/ticket-run.js';
import type { WebhookDispatcher } from '../webhooks/dispatcher.js';
import { type Clock, realClock } from './clock.js';
import {
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

export const NOT_DURABLE_WARNING =
  "Baton is running tickets IN MEMORY: NOT DURABLE. A restart loses every running ticket's timers and open tasks. Set TEMPORAL_ADDRESS (or install the `temporal` CLI) for durable tickets.";

export type InMemoryRuntimeOptions = {
  activities: BatonActivities;
  log: Logger;
  /** 'real' (default) or a VirtualClock the caller advances. */
  clock?: 'real' | Clock;
  /** Longest wait between two attempts of a read-model write (default 5 s). */
  maxRetryDelayMs?: number;
  /** The wait after a failed webhook attempt (default the delivery workflow's backoff). */
  webhookRetryDelayMs?: (attempt: number) => number;
};

type Entry = { run: TicketRun; ticket: TicketInput };

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
export class InMemoryRuntime implements EngineRuntime {
  readonly mode = 'in-memory' as const;
  readonly durable = false;
  readonly clock: Clock;
  private readonly runs = new Map<string, Entry>();
  private readonly activities: BatonActivities;
  private readonly log: Logger;
  private readonly maxRetryDelayMs: number;
  private closed = false;
  /** Webhook deliveries under way in this process, and the waits between their attempts. */
  private readonly webhooks: WebhookDispatcher;
  private readonly deliveries = new Set<Promise<unknown>>();
  private readonly webhookWaits = new Set<() => void>();

  constructor(options: InMemoryRuntimeOptions) {
    this.activities = options.activities;
    this.log = options.log.child({ runtime: 'in-memory' });
    this.clock = options.clock === undefined || options.clock === 'real' ? realClock : options.clock;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
    this.activities.outbox?.start();
    this.webhooks = this.activities.webhooks.dispatcher(async (deliveryId) => {
      const delivery = this.activities.webhooks
        .deliverInProcess(deliveryId, (ms) => this.webhookWait(ms), options.webhookRetryDelayMs)
        .catch((error: unknown) => {
          if (!this.closed) this.log.error({ err: error, deliveryId }, 'webhook delivery failed');
        })
        .finally(() => this.deliveries.delete(delivery));
      this.deliveries.add(delivery);
    });
    this.webhooks.start();
    // The rule clocks' levels fall due in real time; on a virtual clock (tests) nobody watches.
    if (this.clock === realClock) this.activities.ruleEscalations.start();
    this.log.warn(NOT_DURABLE_WARNING);
  }

  async startTicket(input: { flow: Flow; ticket: TicketInput }): Promise<StartedTicket> {
    const existing = this.runs.get(input.ticket.ticketId);
    if (existing) return this.started(existing.run); // idempotent: once the first start is recorded
    const run = createTicketRun(input.flow, input.ticket, this.ports(input.ticket));
    this.runs.set(input.ticket.ticketId, { run, ticket: input.ticket });
    try {
      return await this.started(run);
    } catch (error) {
      // Nothing was recorded: forget the ticket so a later start can try again.
      run.dispose();
      this.runs.delete(input.ticket.ticketId);
      throw error;
    }
  }

  private async started(run: TicketRun): Promise<StartedTicket> {
    await run.start();
    const { tasks, sla } = run.liveState(this.clock.now())!;
    return { tasks, sla };
  }

  act(ticketId: string, event: TaskEvent): Promise<ActResult> {
    return this.update(ticketId, event);
  }

  async sendMessage(ticketId: string, name: string, data?: Record<string, unknown>): Promise<void> {
    const { run } = this.running(ticketId);
    run.stats.signals += 1;
    await run.apply({ type: 'message.received', name, ...(data ? { data } : {}) });
  }

  async readState(ticketId: string): Promise<LiveState | undefined> {
    return this.runs.get(ticketId)?.run.liveState(this.clock.now());
  }

  cancel(ticketId: string, actor: Actor, reason?: string): Promise<ActResult> {
    return this.update(ticketId, { type: 'ticket.cancelled', actor, ...(reason ? { reason } : {}) });
  }

  async reopen(ticketId: string, event: ReopenEvent): Promise<ActResult> {
    const entry = this.runs.get(ticketId);
    if (!entry) throw this.notHere(ticketId);
    const rejected = entry.run.wouldReject(event);
    if (rejected) return { ok: false, rejected };
    entry.run.stats.updates += 1;
    return entry.run.apply(event);
  }
  async closeLost(ticketId: string, actor: Actor, reason: string): Promise<CloseLostResult> {
    const entry = this.runs.get(ticketId);
    if (entry && !entry.run.finished()) return 'running';
    const closed = await this.activities.recordClosedOutside({
      ticketId,
      at: this.clock.now(),
      reason,
      source: 'admin',
      actorId: actor.userId,
    });
    return closed ? 'closed' : 'already-closed';
  }

  /**
   * Resolves when nothing is queued or running for the ticket (or all tickets) and the e-mails
   * its steps queued have been sent.
   */
  async settled(ticketId?: string): Promise<void> {
    const entries = ticketId
      ? [this.runs.get(ticketId)].filter((entry): entry is Entry => !!entry)
      : [...this.runs.values()];
    await Promise.all(entries.map((entry) => entry.run.settled()));
    await this.activities.outbox?.flush();
  }

  /** Resolves when the webhook deliveries queued so far have been delivered or given up. */
  async webhooksSettled(): Promise<void> {
    await this.webhooks.flush();
    while (this.deliveries.size > 0) await Promise.all([...this.deliveries]);
  }

  /** A wait between webhook attempts that close() ends at once (the attempt loop then stops). */
  private webhookWait(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const end = () => {
        clearTimeout(timer);
        this.webhookWaits.delete(end);
        if (this.closed) reject(new Error('the in-memory runtime closed'));
        else resolve();
      };
      const timer = setTimeout(end, ms);
      this.webhookWaits.add(end);
    });
  }

  /** Workflow commands the run loop issued for a ticket (see history-estimate.ts). */
  commandStats(ticketId: string): CommandStats | undefined {
    const stats = this.runs.get(ticketId)?.run.stats;
    return stats ? { ...stats } : undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.settled();
    for (const { run } of this.runs.values()) run.dispose();
    this.runs.clear();
    await this.activities.outbox?.stop();
    await this.activities.ruleEscalations.stop();
    await this.webhooks.stop();
    for (const end of [...this.webhookWaits]) end();
    await Promise.all([...this.deliveries]);
  }

  private notHere(ticketId: string): RuntimeFailure {
    return new RuntimeFailure(
      'not-running',
      `ticket ${ticketId} is not running in this in-memory runtime (it was never started here, or a restart lost it)`,
    );
  }
  private running(ticketId: string): Entry {
    const entry = this.runs.get(ticketId);
    if (!entry) throw this.notHere(ticketId);
    if (entry.run.finished()) throw new RuntimeFailure('finished', `ticket ${ticketId} has finished`);
    return entry;
  }

  /**
   * Like a Workflow Update: the validator (the engine's verdict on the current state) answers a
   * rejection at once and costs nothing; an accepted update queues behind earlier inputs.
   */
  private async update(ticketId: string, event: RunEvent): Promise<ActResult> {
    const { run } = this.running(ticketId);
    const rejected = run.wouldReject(event);
    if (rejected) return { ok: false, rejected };
    run.stats.updates += 1;
    return run.apply(event);
  }

  /**
   * Like Temporal's retry policy: read-model writes retry until the database answers (a stand-in
   * that gave up would drop a timer that fell due during an outage), data errors never; the wait
   * grows to `maxRetryDelayMs`. close() stops the retrying.
   */
  private async untilDone<T>(what: string, call: () => Promise<T>, attempts = Infinity): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (attempt >= attempts || isNonRetryable(error) || this.closed) throw error;
        if (attempt === 3) this.log.warn({ err: error, what }, 'still retrying');
        await sleepReal(Math.min(this.maxRetryDelayMs, 50 * 2 ** attempt));
      }
    }
  }

  private ports(ticket: TicketInput): Parameters<typeof createTicketRun>[2] {
    const { readModel, custom } = this.activities;
    const log = this.log.child({ ticketId: ticket.ticketId });
    return {
      now: () => this.clock.now(),
      // Nothing to replay here: every run gets today's rule.
      conditionFailure: () => 'incident',
      armsCarriedTimer: () => true, // never carried: in-memory runs do not continue as new
      timers: {
        start: (at, fire) => {
          const cancel = this.clock.schedule(at, async () => {
            fire();
            // fire() queued the timer job: wait for it, so a VirtualClock advances in order.
            await this.runs.get(ticket.ticketId)?.run.drained();
          });
          return { cancel };
        },
      },
      record: (steps) => this.untilDone('recordSteps', () => readModel.recordSteps(steps)),
      pickAssignee: (input) => this.untilDone('pickAssignee', () => readModel.pickAssignee(input)),
      runActivity: (activityRun: ActivityRun) => {
        const fn = custom[activityRun.activity];
        if (!fn)
          return Promise.reject(new Error(`no custom activity '${activityRun.activity}' is registered`));
        const meta = { ticketId: ticket.ticketId, activityId: activityRun.activityId };
        return this.untilDone(
          `activity ${activityRun.activity}`,
          () =>
            withTimeout(
              fn(activityRun.input, meta),
              activityRun.timeoutMs,
              `activity ${activityRun.activity}`,
            ),
          Math.max(1, activityRun.retries + 1),
        );
      },
      warn: (message, context) => log.warn(context, message),
      onDetachedFailure: (error) => log.error({ err: error }, 'ticket step failed'),
    };
  }
}
