// The EngineRuntime port: how the API drives tickets without knowing whether they run on
// Temporal (durable) or in-process (InMemoryRuntime, not durable: tests and demo mode).
import type { Actor, Flow, RunEvent, RunState, SlaExplanation, TaskView } from '@baton/engine';

export type TicketInput = {
  ticketId: string;
  typeId: string;
  flowVersionId: string;
  /** Engine variables: priority, category, service, customer, custom fields... */
  variables: Record<string, unknown>;
  /** The user who created the ticket; the run's first recorded step writes it to the tickets row. */
  createdBy?: string;
};

/** The agent actions a runtime accepts (the task.* events of the engine). */
export type TaskEvent = Extract<RunEvent, { type: `task.${string}` }>;

export type RuntimeMode = 'temporal' | 'in-memory';

export type ActResult =
  | { ok: true; state: RunState; tasks: TaskView[] }
  /** `rejected` is the engine's `<code>: <message>`; see rejectCode(). */
  | { ok: false; rejected: string };

/** What readState (the workflow query) answers: live state, open tasks, explained SLA clocks. */
export type LiveState = {
  state: RunState;
  tasks: TaskView[];
  sla: { ticket?: SlaExplanation; tasks: Record<string, SlaExplanation> };
};

export interface EngineRuntime {
  readonly mode: RuntimeMode;
  readonly durable: boolean;
  /** Starts the ticket's run; resolves once the first step's effects are recorded. Idempotent by ticketId. */
  startTicket(input: { flow: Flow; ticket: TicketInput }): Promise<void>;
  /** Applies an agent action; resolves after the engine accepted or rejected it. */
  act(ticketId: string, event: TaskEvent): Promise<ActResult>;
  /** A customer message: resumes held tasks, feeds message catch events. */
  sendMessage(ticketId: string, name: string, data?: Record<string, unknown>): Promise<void>;
  /** Live state, or undefined for an unknown ticket. */
  readState(ticketId: string): Promise<LiveState | undefined>;
  cancel(ticketId: string, actor: Actor, reason?: string): Promise<ActResult>;
  close(): Promise<void>;
}
