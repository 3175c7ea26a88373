// What the workflow hands the read-model activities. Plain JSON (it travels as activity input);
// type-only for the workflow bundle, so nothing here may import Node code.
import type { AssignStrategy, ReachedSlaLevel, SlaLevel, TicketStatus } from '@baton/engine/run';
import type { TicketInput } from '../runtime/port.js';

/** Every ticket status but 'replied', which the API sets when a customer answers. */
export type RecordedTicketStatus = Exclude<TicketStatus, 'replied'>;

/** One stages row as it stands after the step (written with an upsert). */
export type StageRecord = {
  taskId: string;
  elementId: string;
  name: string;
  department?: string;
  assignee?: string;
  openedAt: number;
  claimedAt?: number;
  closedAt?: number;
  outcome?: string;
  slaTargetMs?: number;
  slaCalendar?: string;
  /** Extensions granted, summed (with a clock); once closed, the business time its clock counted. */
  slaExtendedMs?: number;
  slaConsumedMs?: number;
  dueAt?: number;
  slaLevel: SlaLevel;
  /**
   * Element id of the user task that handed this one over (the engine's TaskState.handedOverBy),
   * where a return goes; absent when none did.
   */
  handedOverBy?: string;
  /**
   * Time on hold (waiting on the customer), every hold summed, wall-clock and in the stage's
   * business calendar (the engine's TaskState.heldMs / businessHeldMs): final once closed, the
   * holds that have ended while open. Absent in steps recorded before they were (unknown).
   */
  heldMs?: number;
  businessHeldMs?: number;
  /** Open and on hold: since when (the hold in progress, not yet in heldMs). */
  heldSince?: number;
  /** Present once closed: wall-clock and business-time durations in ms. */
  durations?: {
    queueMs: number;
    workMs: number;
    totalMs: number;
    businessQueueMs: number;
    businessWorkMs: number;
    businessTotalMs: number;
  };
};

/** One ticket_events row; `ord` is its index in RecordStepInput.timeline. */
export type TimelineRecord = {
  type: string;
  at: number;
  actorId?: string;
  taskId?: string;
  data: Record<string, unknown>;
};

/** `clock`: the timing-rule clock a level notice is about, by name (absent: a stage's or the ticket's SLA). */
export type NotificationRecord = { to: string[]; template: string; taskId?: string; clock?: string };

/**
 * An SLA level of one clock (`clock`: the task id, or `ticket` for the whole ticket's) due at
 * `dueAt`: the key under which a level is recorded once, by the workflow or by the escalation watch.
 */
export type SlaLevelKey = { clock: string; level: ReachedSlaLevel; dueAt: number };

/**
 * A level armed and not yet reached, with the notices its firing will send if nothing else happens
 * first (the engine's own step, computed ahead): what the escalation watch sends on time when the
 * workflow lags behind its timers.
 */
export type EscalationRecord = SlaLevelKey & { taskId?: string; notifications: NotificationRecord[] };

export type RecordStepInput = {
  ticketId: string;
  /**
   * RunState.seq after the step. Writing step N again replaces what was written for N and
   * everything after it: a retried workflow task recomputes its steps (new clock, new assignee
   * pick) and the write the workflow finally keeps is the one that stands.
   */
  seq: number;
  /**
   * Orders the writes of one ticket: (runs before this one) x 100,000 + Temporal's history length
   * when the step was computed. A later workflow task always has a longer history, a later run a
   * higher run count. A write whose fence is below the stored one comes from an attempt Temporal
   * has already replaced (a stalled worker waking up) and changes nothing. Absent in memory.
   */
  fence?: number;
  /**
   * Workflow time of the attempt that computed the step. Attempts of one retried workflow task
   * share a history length (Temporal attaches a transient or speculative task's events without
   * writing them), so between equal fences the later attempt wins. Absent in memory and in
   * writes scheduled before this field existed.
   */
  fenceAt?: number;
  at: number;
  /** Only on the first step: lets the activity create the tickets row if the API has not. */
  ticket?: TicketInput;
  status: RecordedTicketStatus;
  slaLevel: SlaLevel;
  slaDueAt?: number;
  closedAt?: number;
  /**
   * Stages changed by the step and every open one (so a rewrite also restores stages a
   * discarded attempt changed); closed stages never change again once written.
   */
  stages: StageRecord[];
  /** Every task id of the run after the step: stage rows of other ids came from a discarded attempt. */
  taskIds?: string[];
  timeline: TimelineRecord[];
  notifications: NotificationRecord[];
  /**
   * Every level pending after the step (replacing those written before). Absent in writes
   * scheduled before the escalation watch existed: those leave the pending levels as they are.
   */
  escalations?: EscalationRecord[];
  /**
   * The level this step reached (an SLA timer fired). When the escalation watch has already
   * recorded it, the step's notices and its level webhook are not sent again.
   */
  reachedLevel?: SlaLevelKey;
};

export type PickAssigneeInput = {
  ticketId: string;
  taskId: string;
  department: string;
  strategy: Exclude<AssignStrategy, 'none'>;
};

/** Custom activities get the engine's input plus where it comes from (idempotency keys, customer). */
export type CustomActivityMeta = { ticketId: string; activityId: string };

/** The read-model activities as the workflow calls them (implemented in ../activities). */
export type ReadModelActivities = {
  /**
   * Writes consecutive steps in order, each idempotently (see activities/record-step.ts), and
   * says how many e-mails the steps queued in the outbox (the worker's relay sends them).
   */
  recordSteps(steps: RecordStepInput[]): Promise<{ pendingEmails: number }>;
  pickAssignee(input: PickAssigneeInput): Promise<string | null>;
};

/** A custom activity as registered with the worker under its type. */
export type CustomActivityFunction = (input: unknown, meta: CustomActivityMeta) => Promise<unknown>;

/**
 * Workflow commands issued by the driver, for the history budget: every local activity adds one
 * marker event, every activity three (scheduled/started/completed), every timer one to start and
 * one to fire or cancel.
 */
export type CommandStats = {
  localActivities: number;
  activities: number;
  timersStarted: number;
  timersCancelled: number;
  timersFired: number;
  updates: number;
  signals: number;
};

export const emptyCommandStats = (): CommandStats => ({
  localActivities: 0,
  activities: 0,
  timersStarted: 0,
  timersCancelled: 0,
  timersFired: 0,
  updates: 0,
  signals: 0,
});
