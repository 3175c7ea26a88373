// Public shapes of @baton/engine. The names and meanings of the contract types are fixed by
// ARCHITECTURE.md (tests outside the project use them); the Flow IR below is ours.

import type { FieldDefinition } from './ticket-fields.js';

// ---------------------------------------------------------------------------------------------
// Diagnostics and calendars
// ---------------------------------------------------------------------------------------------

export type Severity = 'error' | 'warning';

export type Diagnostic = {
  /** Stable, kebab-case code, e.g. `unsupported-element`, `gateway-not-exhaustive`. */
  code: string;
  /** Says what is wrong and what to do about it. */
  message: string;
  elementId?: string;
  severity: Severity;
};

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

export type CalendarSpec = {
  /** IANA zone, e.g. 'Asia/Shanghai'. */
  timeZone: string;
  /** Opening hours per weekday as [from, to] 'HH:MM' pairs; a missing day is closed. */
  week: Partial<Record<Weekday, [string, string][]>>;
  /** Closed dates, 'YYYY-MM-DD' in the calendar's zone. */
  holidays?: string[];
};

export type CompileOptions = {
  calendars?: Record<string, CalendarSpec>;
  /** When given, a service task naming an activity type outside this list is an error. */
  activities?: string[];
  /**
   * The form fields of the ticket type the flow is for. When given, conditions are checked
   * against the variables its tickets have (these fields, the variables every ticket has and
   * those the flow sets): naming any other is an `unknown-variable` warning, and a condition that
   * is only a field or ticket variable holding no boolean (a text or number field) is a
   * `non-boolean-condition` error. Without it, variables are not checked.
   */
  ticketFields?: readonly Pick<FieldDefinition, 'key' | 'type'>[];
};

export type CompileResult =
  | { ok: true; flow: Flow; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

// ---------------------------------------------------------------------------------------------
// Flow IR: what compileFlow produces and the interpreter runs. Plain JSON, so it travels in
// Temporal workflow input and is stored with a flow version.
// ---------------------------------------------------------------------------------------------

export const FLOW_SCHEMA_VERSION = 1;

export type SlaLevel = 'ok' | 'warning' | 'overdue' | 'severe';
export type ReachedSlaLevel = Exclude<SlaLevel, 'ok'>;

/** A time target measured either in wall-clock time or in a named calendar's business time. */
export type SlaSpec = {
  /** The ISO 8601 duration as written in the diagram, for display. */
  iso: string;
  targetMs: number;
  /** Calendar key (in Flow.calendars); absent = wall-clock time. */
  calendar?: string;
  /** Fractions of the target: warning (default 0.8) and severe (default 1.3); overdue is 1.0. */
  warnAt: number;
  severeAt: number;
};

export type TimerSpec =
  | { kind: 'duration'; iso: string; ms: number; calendar?: string }
  /** ISO 8601 date-time, resolved to epoch ms at compile time. */
  | { kind: 'date'; iso: string; at: number }
  /** `R<n>/<duration>`; repetitions absent = unbounded (only valid on non-interrupting boundaries). */
  | { kind: 'cycle'; iso: string; ms: number; repetitions?: number; calendar?: string };

export type AssignStrategy = 'round-robin' | 'least-loaded' | 'previous-handler' | 'none';

type NodeBase = {
  id: string;
  name?: string;
  /** Id of the enclosing sub-process node; absent at process level. */
  scope?: string;
  incoming: string[];
  outgoing: string[];
};

export type StartEventNode = NodeBase & { kind: 'startEvent'; message?: string };
export type EndEventNode = NodeBase & { kind: 'endEvent'; terminate: boolean };

export type UserTaskNode = NodeBase & {
  kind: 'userTask';
  name: string;
  /** Department key of the lane the task sits in. */
  department?: string;
  sla?: SlaSpec;
  assign: AssignStrategy;
  /** Buttons the agent sees; an empty list means a plain "complete". */
  outcomes: string[];
  /** Departments this task may be transferred to; '*' = any department of the flow. */
  transferTo: string[] | '*';
  returnable: boolean;
  /** Ids of boundary event nodes attached to this task. */
  boundaries: string[];
};

export type ServiceTaskNode = NodeBase & {
  kind: 'serviceTask';
  activity: string;
  /** Input name -> FEEL expression evaluated over the ticket variables. */
  inputs: { name: string; expression: string }[];
  retries: number;
  timeoutMs: number;
  boundaries: string[];
};

export type SendTaskNode = NodeBase & {
  kind: 'sendTask';
  /** Symbolic recipients, see `Recipient`. */
  notify: string[];
  template: string;
};

export type ExclusiveGatewayNode = NodeBase & { kind: 'exclusiveGateway'; defaultFlow?: string };
export type ParallelGatewayNode = NodeBase & { kind: 'parallelGateway' };
export type EventBasedGatewayNode = NodeBase & { kind: 'eventBasedGateway' };

export type CatchEventNode = NodeBase & {
  kind: 'intermediateCatchEvent';
  timer?: TimerSpec;
  message?: string;
};

export type BoundaryEventNode = NodeBase & {
  kind: 'boundaryEvent';
  attachedTo: string;
  cancelActivity: boolean;
  timer: TimerSpec;
};

export type SubProcessNode = NodeBase & {
  kind: 'subProcess';
  /** The sub-process's none start event. */
  start: string;
};

export type FlowNode =
  | StartEventNode
  | EndEventNode
  | UserTaskNode
  | ServiceTaskNode
  | SendTaskNode
  | ExclusiveGatewayNode
  | ParallelGatewayNode
  | EventBasedGatewayNode
  | CatchEventNode
  | BoundaryEventNode
  | SubProcessNode;

export type FlowNodeKind = FlowNode['kind'];

export type SequenceFlow = {
  id: string;
  name?: string;
  source: string;
  target: string;
  /** FEEL expression; absent = unconditional. */
  condition?: string;
};

export type Flow = {
  schemaVersion: typeof FLOW_SCHEMA_VERSION;
  /** bpmn:Process id. */
  id: string;
  name?: string;
  /** Process-level none start events (a ticket starts at the first; message starts by name). */
  starts: string[];
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Department keys in lane order. */
  departments: string[];
  /** First user task of each department's lane in flow order: where a transfer lands. */
  entryTasks: Record<string, string>;
  /** Default calendar key (process `baton:calendar`). */
  calendar?: string;
  /**
   * The calendar of each department that keeps its own hours (the directory's, given when a
   * ticket starts; keys in `calendars`). A task's clock counts on its department's, whatever the
   * task names (the calendar follows the owner), and the ticket's clock on the calendar of the
   * department holding the ticket, switching when the ticket moves. Absent: the flow's calendars.
   */
  departmentCalendars?: Record<string, string>;
  /** Whole-ticket resolution target (process `baton:ticketSla`). */
  ticketSla?: SlaSpec;
  /** Every calendar the flow refers to, embedded so a run needs nothing else. */
  calendars: Record<string, CalendarSpec>;
};

// ---------------------------------------------------------------------------------------------
// Running: the contract of startRun / applyEvent / openTasks.
// ---------------------------------------------------------------------------------------------

export type Actor = { userId: string; departments: string[]; roles: string[] };

/**
 * What a condition that fails to evaluate does: raise an incident (Camunda 8's rule, the default)
 * or count as not holding, as it did before incidents existed. Workflows started before that keep
 * 'false', so their recorded histories replay as they were written.
 */
export type ConditionFailure = 'incident' | 'false';

export type RunInput = {
  ticketId: string;
  variables: Record<string, unknown>;
  /** Default 'incident'. */
  conditionFailure?: ConditionFailure;
};

export type RunEvent =
  | { type: 'task.claimed'; taskId: string; actor: Actor }
  | { type: 'task.completed'; taskId: string; actor: Actor; outcome?: string; data?: Record<string, unknown> }
  | { type: 'task.transferred'; taskId: string; actor: Actor; department: string; reason?: string }
  | { type: 'task.returned'; taskId: string; actor: Actor; reason?: string }
  | { type: 'task.held'; taskId: string; actor: Actor; reason: string }
  | { type: 'task.resumed'; taskId: string; actor?: Actor }
  | { type: 'task.extensionGranted'; taskId: string; actor: Actor; extendByMs: number }
  /**
   * A lead refused an extension request: changes nothing but is a step of its own, so the
   * timeline records denials the way it records grants. `extendByMs`: what was asked for.
   */
  | { type: 'task.extensionDenied'; taskId: string; actor: Actor; extendByMs?: number; reason?: string }
  | { type: 'timer.fired'; timerId: string }
  | { type: 'activity.completed'; activityId: string; result?: unknown }
  | { type: 'activity.failed'; activityId: string; error: string }
  | { type: 'message.received'; name: string; data?: Record<string, unknown> }
  | { type: 'ticket.cancelled'; actor: Actor; reason?: string }
  /**
   * A done ticket is opened again (the customer says it is not solved): the run is running once
   * more, with a new task at `elementId` (a user task of the process, not of a subprocess;
   * absent: the element of the stage that closed last) and the flow goes on from there as drawn.
   * The whole-ticket clock starts a new cycle; closed stages and clocks stay as they closed. A
   * cancelled ticket is not reopened: it was given up, not solved.
   */
  | { type: 'ticket.reopened'; actor: Actor; reason: string; elementId?: string }
  /**
   * Someone responsible for the flow resolves an open incident: `fields` (optional) are merged
   * into the variables first (the ticket's corrected data), then the token stuck there moves
   * again from where it stopped. A retry that fails again opens a new incident.
   */
  | { type: 'incident.retried'; incidentId: string; actor: Actor; fields?: Record<string, unknown> }
  /**
   * Business calendars the run's flow uses were edited (a holiday added, hours changed): the run
   * counts on `calendars` from now on instead of the copies compiled into its flow. Open clocks
   * on a changed calendar keep the business time they counted so far (the past is not
   * re-measured) and get new deadlines for what is left; closed clocks never change. `reason`
   * says why, for the timeline ("calendar 'office' edited by …"). Keys must be calendars the run
   * uses, or ones `departmentCalendars` names.
   *
   * `departmentCalendars`: departments of the flow that now keep other hours (a calendar key) or
   * no longer keep their own (null: the task's, else the flow's calendar). Their open task clocks,
   * and the ticket's clock while one of them holds the ticket, switch calendars now, keeping the
   * time counted so far as the old calendar measured it. A calendar it names that the run does not
   * have must come with its spec in `calendars`. At least one of the two records names something.
   */
  | {
      type: 'calendars.changed';
      calendars?: Record<string, CalendarSpec>;
      departmentCalendars?: Record<string, string | null>;
      reason: string;
      actor?: Actor;
    }
  /**
   * The SLA policy changed and someone responsible applied it to this run (a newer version's
   * targets): `tasks` gives, per user-task element id of the run's flow, the new target (its
   * `calendar`, if any, one the run has) or null for no SLA. Tasks opened later use them, and the
   * whole-ticket clock uses `ticketSla`. Open clocks of those elements take the new target now:
   * the business time counted so far and the extensions stay, levels not yet reached get the
   * deadlines a clock started with that target would have at that consumption, levels reached
   * keep theirs, and each move is an sla.recalculated with `reason`. They keep counting on their
   * calendar. A held clock takes the target and gets deadlines when it resumes; a closed clock
   * never changes; an open clock whose element gets null keeps its old target (it was promised).
   * At least one of the two names something.
   */
  | {
      type: 'sla.targetsChanged';
      tasks?: Record<string, SlaSpec | null>;
      ticketSla?: SlaSpec;
      reason: string;
      actor?: Actor;
    };

export type RunEventType = RunEvent['type'];

/**
 * Symbolic notification recipients; the notification activity resolves them to people:
 * `user:<id>`, `lead:<department>` (the department's lead), `group:<department>` (its members),
 * `role:manager`, `customer`.
 */
export type Recipient = string;

export type Effect =
  | { type: 'timer.start'; timerId: string; at: number }
  | { type: 'timer.cancel'; timerId: string }
  | {
      type: 'activity.run';
      activityId: string;
      activity: string;
      input: unknown;
      retries: number;
      timeoutMs: number;
    }
  | {
      type: 'stage.opened';
      taskId: string;
      elementId: string;
      department?: string;
      at: number;
      dueAt?: number;
    }
  | { type: 'stage.claimed'; taskId: string; userId: string; at: number }
  | {
      type: 'stage.closed';
      taskId: string;
      elementId: string;
      department?: string;
      openedAt: number;
      claimedAt?: number;
      closedAt: number;
      outcome?: string;
      /** Elapsed time, opened..closed, holds included; businessMs the same in the stage's calendar. */
      totalMs: number;
      businessMs: number;
      /**
       * Of that, time on hold (waiting on the customer), every hold summed, in wall-clock and
       * business time (same calendar as businessMs). Work time = totalMs - heldMs.
       */
      heldMs: number;
      businessHeldMs: number;
      slaLevel: SlaLevel;
    }
  | { type: 'sla.level'; taskId?: string; level: ReachedSlaLevel; at: number }
  /** A calendar or SLA target change moved an open clock's deadline (taskId absent: the ticket's clock). */
  | {
      type: 'sla.recalculated';
      taskId?: string;
      fromDueAt: number;
      toDueAt: number;
      reason: string;
      at: number;
    }
  | { type: 'notify'; to: Recipient[]; template: string; taskId?: string }
  | { type: 'ticket.completed'; at: number; outcome: 'done' | 'cancelled' }
  /** The flow cannot go on at `elementId` (see Incident); the ticket waits for someone to act. */
  | {
      type: 'incident.opened';
      incidentId: string;
      elementId: string;
      flowId?: string;
      expression?: string;
      error: string;
      at: number;
    }
  /** `retried`: incident.retried moved the token on (or opened a new incident); `closed`: the ticket ended. */
  | { type: 'incident.resolved'; incidentId: string; resolution: 'retried' | 'closed'; at: number };

export type EffectType = Effect['type'];

export type TaskView = {
  taskId: string;
  elementId: string;
  name: string;
  department?: string;
  outcomes: string[];
  assignee?: string;
  openedAt: number;
  claimedAt?: number;
  dueAt?: number;
  held?: boolean;
  slaLevel: SlaLevel;
};

// ---------------------------------------------------------------------------------------------
// Run state. Plain JSON; owned by the interpreter. Consumers (workflows, api) may read the
// fields below; everything else in it is the interpreter's business.
// ---------------------------------------------------------------------------------------------

export type Pause = { from: number; to?: number; reason: string };
export type Extension = { at: number; byMs: number; by: string };
/** A deadline moved by a calendar or target change; the first one's `fromDueAt` is the original deadline. */
export type Recalculation = {
  at: number;
  fromDueAt: number;
  toDueAt: number;
  reason: string;
  /** The target before and after, when the move came with a new target (an SLA policy applied). */
  targetMs?: { from: number; to: number };
  /** The calendar before and after, when the clock changed calendars (absent inside: wall-clock time). */
  calendar?: { from?: string; to?: string };
};

/** The deadlines of one SLA clock, with what moved them. */
export type SlaClock = {
  targetMs: number;
  calendar?: string;
  startedAt: number;
  /** Absolute instants of each level; recomputed on hold/resume/extension. Absent while held. */
  warningAt?: number;
  dueAt?: number;
  severeAt?: number;
  level: SlaLevel;
  pauses: Pause[];
  extensions: Extension[];
  /** Internal: level fractions (of the target), business time consumed before `runningSince`, and the start of
   * the segment being counted now (absent while held). */
  warnFraction: number;
  severeFraction: number;
  consumedMs: number;
  runningSince?: number;
  /** Internal: when the clock stopped for good (task closed, ticket finished). */
  stoppedAt?: number;
  /** Deadlines moved by calendar or target changes, oldest first (absent: none). */
  recalculations?: Recalculation[];
  /**
   * The calendars the clock counted on, each from when it took over (the first from the start),
   * when it switched calendars as the ticket moved between departments. Absent: one all along.
   */
  calendarSince?: { from: number; calendar?: string }[];
};

export type TaskState = {
  taskId: string;
  elementId: string;
  name: string;
  department?: string;
  status: 'open' | 'closed';
  assignee?: string;
  openedAt: number;
  claimedAt?: number;
  closedAt?: number;
  outcome?: string;
  held?: { since: number; reason: string };
  /**
   * Time spent on hold (waiting on the customer) in holds that have ended, summed over every hold:
   * wall clock and business time in the stage's calendar (the one stage.closed's businessMs uses).
   * Absent = none. The hold in progress, if any, is `held.since` up to now.
   */
  heldMs?: number;
  businessHeldMs?: number;
  sla?: SlaClock;
  /** Task that handed this one over (by transfer or flow), for `task.returned`. */
  handedOverBy?: string;
  /** Internal: the token waiting on this task, and the outcomes it offers. */
  tokenId?: string;
  outcomes?: string[];
};

export type RunStatus = 'running' | 'done' | 'cancelled';

export type RunState = {
  v: 1;
  ticketId: string;
  status: RunStatus;
  variables: Record<string, unknown>;
  /** Number of events applied, for idempotent read-model writes keyed by (ticket, seq). */
  seq: number;
  tasks: Record<string, TaskState>;
  ticketSla?: SlaClock;
  // Interpreter internals (tokens, timers, activities, joins, id counters); consumers must not
  // depend on them.
  internal: RunInternals;
};

export type Step = { state: RunState; effects: Effect[]; rejected?: string };

/**
 * Why applyEvent rejected an event. `Step.rejected` is `<code>: <human message>` so callers can
 * map it (api: unknown-* -> 404, forbidden -> 403, conflict -> 409, invalid -> 422).
 */
export type RejectCode =
  | 'unknown-task' // no such task in this run
  | 'unknown-timer' // timer not pending (already fired or cancelled): ignored by runtimes
  | 'unknown-activity'
  | 'unknown-incident' // no such incident in this run
  | 'conflict' // task closed, claimed by someone else, already held, ticket finished...
  | 'forbidden' // actor not in the task's department / lacks the role
  | 'invalid'; // outcome not offered, transfer target not allowed, bad extension...

export const rejectCode = (rejected: string): RejectCode =>
  rejected.slice(0, rejected.indexOf(':')) as RejectCode;

// ---------------------------------------------------------------------------------------------
// Interpreter internals (owned by src/interpreter; consumers must not depend on them).
// ---------------------------------------------------------------------------------------------

/** What a token is waiting for at its node; absent = the token is moving. */
export type TokenWait =
  | { kind: 'task'; taskId: string }
  | { kind: 'activity'; activityId: string }
  | { kind: 'timer'; timerId: string }
  | { kind: 'message'; name: string }
  /** Event-based gateway: catch node per armed timer id / message name; the first wins. */
  | { kind: 'race'; timers: Record<string, string>; messages: Record<string, string> }
  | { kind: 'scope'; scopeId: string }
  /** Flow could not continue (no gateway flow matched...): see RunState.incidents. */
  | { kind: 'stuck' };

export type TokenState = {
  id: string;
  node: string;
  /** Scope instance ('' = process level, else a sub-process instance id `s<n>`). */
  scope: string;
  wait?: TokenWait;
  /** Last user task this token closed: a new task it opens is handed over by it. */
  lastTask?: string;
};

export type TimerState =
  | { kind: 'sla'; at: number; taskId: string; level: ReachedSlaLevel }
  | { kind: 'ticketSla'; at: number; level: ReachedSlaLevel }
  | { kind: 'boundary'; at: number; tokenId: string; node: string; owner: string; fired: number }
  | { kind: 'catch'; at: number; tokenId: string; node: string };

export type ActivityState = { tokenId: string; node: string };

export type ScopeState = { node: string; parentToken: string; parentScope: string };

/**
 * Where and why the flow could not go on. `id` is `i<n>`, n its place in RunInternals.incidents
 * (absent on incidents recorded before ids existed); `flowId` and `expression` name the sequence
 * flow whose condition failed; `resume` how a retry moves the token: `enter` the node again
 * (gateway) or `leave` it again (conditional flows out of another node). `resolvedAt` once done.
 */
export type Incident = {
  id?: string;
  at: number;
  elementId: string;
  message: string;
  flowId?: string;
  expression?: string;
  tokenId?: string;
  resume?: 'enter' | 'leave';
  resolvedAt?: number;
  resolution?: 'retried' | 'closed';
};

/** An incident as consumers see it (openIncidents). */
export type IncidentView = {
  incidentId: string;
  at: number;
  elementId: string;
  flowId?: string;
  expression?: string;
  error: string;
};

export type RunInternals = {
  tokens: Record<string, TokenState>;
  timers: Record<string, TimerState>;
  activities: Record<string, ActivityState>;
  /** Arrivals per `<scope>|<parallel join id>`. */
  joins: Record<string, number>;
  scopes: Record<string, ScopeState>;
  counters: { task: number; activity: number; token: number; scope: number };
  incidents: Incident[];
  /** Last closed user task of the ticket, for send-task recipients. */
  lastTask?: string;
  /**
   * A failed condition raises an incident. Absent in runs started with conditionFailure 'false'
   * and in states carried from before incidents existed: there it counts as not holding.
   */
  conditionIncidents?: true;
  /**
   * Calendars edited since the flow was compiled (calendars.changed), by key: they replace the
   * flow's own copies for this run. Absent: none edited.
   */
  calendars?: Record<string, CalendarSpec>;
  /**
   * Departments whose own calendar changed since the run started (calendars.changed), by key: a
   * calendar key replaces Flow.departmentCalendars' entry, null removes it. Absent: none changed.
   */
  departmentCalendars?: Record<string, string | null>;
  /**
   * SLA targets applied since the run started (sla.targetsChanged): `tasks` by user-task element
   * id replaces the node's `sla` (null: none), `ticketSla` the flow's. Absent: the flow's own.
   */
  slaTargets?: { tasks: Record<string, SlaSpec | null>; ticketSla?: SlaSpec };
};
