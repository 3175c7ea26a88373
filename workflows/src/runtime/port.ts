// The EngineRuntime port: how the API drives tickets without knowing whether they run on
// Temporal (durable) or in-process (InMemoryRuntime, not durable: tests and demo mode).
import type { Actor, Flow, RunEvent, RunState, RunStatus, SlaExplanation, TaskView } from '@baton/engine/run';

export type TicketInput = {
  ticketId: string;
  typeId: string;
  flowVersionId: string;
  /** Engine variables: priority, category, service, customer, custom fields... */
  variables: Record<string, unknown>;
  /** The user who created the ticket; the run's first recorded step writes it to the tickets row. */
  createdBy?: string;
  /** How it came in (the tickets row's source): agent, API script, web form or e-mail. */
  source?: 'agent' | 'api' | 'form' | 'email';
};

/**
 * The actions on a ticket's work a runtime accepts: the task.* events, incident retries, and
 * calendar and SLA target changes (which re-target the open clocks).
 */
export type TaskEvent = Extract<
  RunEvent,
  { type: `task.${string}` | 'incident.retried' | 'calendars.changed' | 'sla.targetsChanged' }
>;

/** A done ticket opened again; see EngineRuntime.reopen. */
export type ReopenEvent = Extract<RunEvent, { type: 'ticket.reopened' }>;

export type RuntimeMode = 'temporal' | 'in-memory';

/**
 * What an accepted action answers: the run's status and its open tasks, nothing more. On Temporal
 * every Update result is stored in the ticket's history, so it stays small (no variables, no state).
 */
export type ActResult =
  | { ok: true; status: RunStatus; tasks: TaskView[] }
  /** The engine refused the event: `<code>: <message>`; see rejectCode(). Nothing changed. */
  | { ok: false; rejected: string };

/**
 * Why a runtime could not even ask the engine. Thrown by act, cancel, sendMessage (and
 * startTicket for `unavailable`); the API maps each kind to one status code, never by message.
 * - `not-running`: the runtime knows no run for the ticket (never started, or an in-memory
 *   runtime lost it in a restart);
 * - `finished`: the run has ended (done, cancelled, or closed from Temporal's own UI or CLI);
 * - `unavailable`: no answer in time (no worker polling, server down, too many in-flight
 *   requests); the action may still be applied later, so retry with the same Idempotency-Key.
 */
export type RuntimeFailureKind = 'not-running' | 'finished' | 'unavailable';

export class RuntimeFailure extends Error {
  constructor(
    readonly kind: RuntimeFailureKind,
    message: string,
    options?: { cause?: unknown; retryAfterSeconds?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RuntimeFailure';
    if (options?.retryAfterSeconds !== undefined) this.retryAfterSeconds = options.retryAfterSeconds;
  }
  /** For `unavailable`: when a retry is worth trying. */
  retryAfterSeconds?: number;
}

export const isRuntimeFailure = (error: unknown, kind?: RuntimeFailureKind): error is RuntimeFailure =>
  error instanceof RuntimeFailure && (kind === undefined || error.kind === kind);

/** What readState (the workflow query) answers: live state, open tasks, explained SLA clocks. */
export type LiveState = {
  state: RunState;
  tasks: TaskView[];
  sla: { ticket?: SlaExplanation; tasks: Record<string, SlaExplanation> };
};

/**
 * What a start answers: the open tasks and their explained clocks once the first step is
 * recorded (no run state: on Temporal this answer is stored in the ticket's history), so a caller
 * showing the new ticket needs no query.
 */
export type StartedTicket = Omit<LiveState, 'state'>;

export type CloseLostResult = 'closed' | 'already-closed' | 'running';

/** Per-call options of an action. */
export type ActOptions = {
  /**
   * A key that makes the call idempotent end to end (the API derives it from the caller and their
   * Idempotency-Key): the same key applies the action once and answers the first result again.
   */
  requestId?: string;
};

export interface EngineRuntime {
  readonly mode: RuntimeMode;
  readonly durable: boolean;
  /**
   * Starts the ticket's run; resolves once the first step's effects are recorded (the tickets row
   * exists). Idempotent by ticketId: a repeat, even while the first call is still under way,
   * joins the same run and never starts a second one.
   */
  startTicket(input: { flow: Flow; ticket: TicketInput }): Promise<StartedTicket>;
  /** Applies an agent action; resolves after the engine accepted or rejected it. */
  act(ticketId: string, event: TaskEvent, options?: ActOptions): Promise<ActResult>;
  /** A customer message: resumes held tasks, feeds message catch events. */
  sendMessage(ticketId: string, name: string, data?: Record<string, unknown>): Promise<void>;
  /**
   * Live state, or undefined for a ticket the runtime does not run. A finished run may answer
   * its final state or undefined (Temporal answers undefined rather than replaying a closed run).
   */
  readState(ticketId: string): Promise<LiveState | undefined>;
  cancel(ticketId: string, actor: Actor, reason?: string, options?: ActOptions): Promise<ActResult>;
  /**
   * Opens a done ticket again (engine `ticket.reopened`): a cancelled or running one is a
   * rejection. On Temporal the finished execution's state is carried into a new execution of the
   * same workflow id, whose first input this is.
   */
  reopen(ticketId: string, event: ReopenEvent, options?: ActOptions): Promise<ActResult>;
  /**
   * Closes, as cancelled, the read model of a ticket this runtime does not run (an in-memory
   * restart lost it, or its workflow is gone): what an admin needs instead of a ticket that
   * answers "not running" for ever. Never touches a live run: `running` says to cancel instead.
   */
  closeLost(ticketId: string, actor: Actor, reason: string): Promise<CloseLostResult>;
  close(): Promise<void>;
}
