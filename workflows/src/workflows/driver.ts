// The ticket driver: what both runtimes do with one engine event. Pure planning (planStart /
// planEvent turn an engine step into read-model records, activity runs and assignment requests)
// plus one small async loop (carry out a plan through injected ports). ticketWorkflow plugs in
// Temporal activities and workflow time; InMemoryRuntime plugs in direct calls and its clock, so
// the two cannot drift apart. Imports only @baton/engine: it is part of the workflow bundle.
import {
  type Effect,
  type Flow,
  type RunEvent,
  type ConditionFailure,
  type RunState,
  type Step,
  type TaskState,
  applyEvent,
  businessTimeBetween,
  explainSla,
  flowOfRun,
  openTasks,
  pendingSlaLevels,
  startRun,
} from '@baton/engine/run';
import type { LiveState, TicketInput } from '../runtime/port.js';
import type {
  EscalationRecord,
  NotificationRecord,
  PickAssigneeInput,
  RecordStepInput,
  SlaLevelKey,
  RecordedTicketStatus,
  StageRecord,
  TimelineRecord,
} from './records.js';

export type ActivityRun = Extract<Effect, { type: 'activity.run' }>;

/** Pending engine timers by id -> due instant (epoch ms): what the single workflow timer serves. */
export type TimerBook = Record<string, number>;

/** Everything a run needs to continue (also what continue-as-new carries). */
export type DriverState = { run: RunState; timers: TimerBook };

export type PlannedStep = {
  driver: DriverState;
  rejected?: string;
  /** Absent when the step changed nothing a reader can see (e.g. an internal timer). */
  record?: RecordStepInput;
  activities: ActivityRun[];
  assignments: PickAssigneeInput[];
};

/** The clock key of the whole ticket's SLA (a task's clock is keyed by its task id). */
export const TICKET_CLOCK = 'ticket';

const notificationsOf = (effects: Effect[]): NotificationRecord[] =>
  effects.flatMap((e) =>
    e.type === 'notify'
      ? [{ to: e.to, template: e.template, ...(e.taskId ? { taskId: e.taskId } : {}) }]
      : [],
  );

/**
 * The levels the run will reach if nothing else happens first, each with the notices the engine's
 * step will send when its timer fires: the steps computed ahead, firing the SLA timers in the
 * order the runtime would (the same pure function, so the same people), each level arming the
 * next. Only up to the first other timer: what follows it depends on what it does.
 */
function escalationsOf(flow: Flow, run: RunState, timers: TimerBook): EscalationRecord[] {
  const escalations: EscalationRecord[] = [];
  const slaTimers = new Set(pendingSlaLevels(run).map((pending) => pending.timerId));
  const firstOtherTimer = Math.min(
    ...Object.entries(timers).flatMap(([timerId, at]) => (slaTimers.has(timerId) ? [] : [at])),
  );
  let ahead = run;
  // Each firing reaches one level of one clock: three per clock at most.
  for (let fired = 0; fired < 3 * slaTimers.size; fired += 1) {
    const next = pendingSlaLevels(ahead)[0];
    if (next === undefined || next.at >= firstOtherTimer) break;
    const step = applyEvent(flow, ahead, { type: 'timer.fired', timerId: next.timerId }, next.at);
    if (step.rejected) break;
    escalations.push({
      clock: next.taskId ?? TICKET_CLOCK,
      level: next.level,
      dueAt: next.at,
      ...(next.taskId ? { taskId: next.taskId } : {}),
      notifications: notificationsOf(step.effects),
    });
    ahead = step.state;
  }
  return escalations;
}

export function planStart(
  flow: Flow,
  ticket: TicketInput,
  now: number,
  conditionFailure?: ConditionFailure,
): PlannedStep {
  const step = startRun(
    flow,
    {
      ticketId: ticket.ticketId,
      variables: ticket.variables,
      ...(conditionFailure === undefined ? {} : { conditionFailure }),
    },
    now,
  );
  const trigger: TimelineRecord = {
    type: 'ticket.started',
    at: now,
    data: { typeId: ticket.typeId, flowVersionId: ticket.flowVersionId },
  };
  return plan(flow, { run: undefined, timers: {} }, step, trigger, now, ticket);
}

export function planEvent(flow: Flow, driver: DriverState, event: RunEvent, now: number): PlannedStep {
  const step = applyEvent(flow, driver.run, event, now);
  if (step.rejected) return { driver, rejected: step.rejected, activities: [], assignments: [] };
  // A fired timer is no longer pending, whether or not the engine also cancels it.
  const timers = { ...driver.timers };
  if (event.type === 'timer.fired') delete timers[event.timerId];
  const planned = plan(
    flow,
    { run: driver.run, timers },
    step,
    eventEntry(event, now, flow, driver.run),
    now,
  );
  const level = step.effects.find((e): e is Extract<Effect, { type: 'sla.level' }> => e.type === 'sla.level');
  const dueAt = event.type === 'timer.fired' ? driver.timers[event.timerId] : undefined;
  if (planned.record && level && dueAt !== undefined) {
    const reached: SlaLevelKey = { clock: level.taskId ?? TICKET_CLOCK, level: level.level, dueAt };
    planned.record.reachedLevel = reached;
  }
  return planned;
}

/** The rejection applyEvent would give now, without changing anything (update validators). */
export function wouldReject(
  flow: Flow,
  driver: DriverState,
  event: RunEvent,
  now: number,
): string | undefined {
  return applyEvent(flow, driver.run, event, now).rejected;
}

function plan(
  flow: Flow,
  before: { run: RunState | undefined; timers: TimerBook },
  step: Step,
  trigger: TimelineRecord,
  now: number,
  ticket?: TicketInput,
): PlannedStep {
  const run = step.state;
  const timers = { ...before.timers };
  for (const effect of step.effects) {
    if (effect.type === 'timer.start') timers[effect.timerId] = effect.at;
    else if (effect.type === 'timer.cancel') delete timers[effect.timerId];
  }
  const changed = Object.values(run.tasks).filter(
    (task) => JSON.stringify(task) !== JSON.stringify(before.run?.tasks[task.taskId]),
  );
  // Open stages are written with every step (see RecordStepInput.stages); closed ones only when
  // they change, because their durations come from the step that closed them.
  const written = Object.values(run.tasks).filter((task) => task.status === 'open' || changed.includes(task));
  const visible = step.effects.filter((e) => e.type !== 'timer.start' && e.type !== 'timer.cancel');
  const ticketSlaChanged = JSON.stringify(run.ticketSla) !== JSON.stringify(before.run?.ticketSla);
  const status = ticketStatus(run);
  // What a timing rule's `status.changed` reads: the step that changed the status says so.
  const statusEntries: TimelineRecord[] =
    before.run === undefined || ticketStatus(before.run) === status
      ? []
      : [{ type: 'ticket.status', at: now, data: { from: ticketStatus(before.run), to: status } }];
  const quiet =
    trigger.type === 'timer.fired' && visible.length === 0 && changed.length === 0 && !ticketSlaChanged;
  const record: RecordStepInput | undefined = quiet
    ? undefined
    : {
        ticketId: run.ticketId,
        seq: run.seq,
        at: now,
        ...(ticket ? { ticket } : {}),
        status,
        slaLevel: run.ticketSla?.level ?? 'ok',
        ...(run.ticketSla?.dueAt !== undefined ? { slaDueAt: run.ticketSla.dueAt } : {}),
        ...closedAt(step.effects),
        stages: written.map((task) => stageRecord(flow, run, task, step.effects)),
        taskIds: Object.keys(run.tasks),
        timeline: [trigger, ...visible.map((effect) => effectEntry(effect, now)), ...statusEntries],
        notifications: notificationsOf(visible),
        escalations: escalationsOf(flow, run, timers),
      };
  return {
    driver: { run, timers },
    ...(record ? { record } : {}),
    activities: step.effects.filter((e): e is ActivityRun => e.type === 'activity.run'),
    assignments: assignmentRequests(flow, run, step.effects),
  };
}

export function ticketStatus(run: RunState): RecordedTicketStatus {
  if (run.status === 'done') return 'done';
  if (run.status === 'cancelled') return 'cancelled';
  const tasks = Object.values(run.tasks);
  const open = tasks.filter((t) => t.status === 'open');
  if (open.length > 0 && open.every((t) => t.held)) return 'pending';
  // Once someone has picked the ticket up it stays in progress across handoffs.
  return tasks.some((t) => t.claimedAt !== undefined) ? 'in_progress' : 'submitted';
}

function closedAt(effects: Effect[]): { closedAt?: number } {
  const completed = effects.find((e) => e.type === 'ticket.completed');
  return completed ? { closedAt: completed.at } : {};
}

function stageRecord(flow: Flow, run: RunState, task: TaskState, effects: Effect[]): StageRecord {
  const record: StageRecord = {
    taskId: task.taskId,
    elementId: task.elementId,
    name: task.name,
    openedAt: task.openedAt,
    slaLevel: task.sla?.level ?? 'ok',
  };
  // By element, as the read model's rules check a return (api access/read-model-verdicts.ts).
  const handedOverBy = task.handedOverBy === undefined ? undefined : run.tasks[task.handedOverBy];
  if (handedOverBy) record.handedOverBy = handedOverBy.elementId;
  if (task.department) record.department = task.department;
  if (task.assignee) record.assignee = task.assignee;
  if (task.claimedAt !== undefined) record.claimedAt = task.claimedAt;
  if (task.outcome !== undefined) record.outcome = task.outcome;
  record.heldMs = task.heldMs ?? 0;
  record.businessHeldMs = task.businessHeldMs ?? 0;
  if (task.status === 'open' && task.held !== undefined) record.heldSince = task.held.since;
  if (task.sla) {
    record.slaTargetMs = task.sla.targetMs;
    record.slaExtendedMs = task.sla.extensions.reduce((sum, extension) => sum + extension.byMs, 0);
    if (task.sla.calendar) record.slaCalendar = task.sla.calendar;
    if (task.status === 'closed') record.slaConsumedMs = task.sla.consumedMs;
    if (task.sla.dueAt !== undefined) record.dueAt = task.sla.dueAt;
  }
  if (task.status === 'closed' && task.closedAt !== undefined) {
    record.closedAt = task.closedAt;
    const closed = effects.find(
      (e): e is Extract<Effect, { type: 'stage.closed' }> =>
        e.type === 'stage.closed' && e.taskId === task.taskId,
    );
    if (closed) record.slaLevel = closed.slaLevel;
    record.durations = durations(flowOfRun(flow, run), task, task.closedAt, closed);
  }
  return record;
}

/**
 * Queue = entered..claimed, work = claimed..closed (a never-claimed stage is all queue), holds
 * included in both (the time on hold is StageRecord.heldMs). The engine gives the business total
 * (entered..closed in the stage's calendar); the business queue is counted in the stage's
 * calendar and the business work is the rest.
 */
function durations(
  flow: Flow,
  task: TaskState,
  closedAtMs: number,
  closed: Extract<Effect, { type: 'stage.closed' }> | undefined,
): NonNullable<StageRecord['durations']> {
  const totalMs = closed?.totalMs ?? closedAtMs - task.openedAt;
  const claimedAt = task.claimedAt ?? closedAtMs;
  const queueMs = Math.max(0, claimedAt - task.openedAt);
  const calendar = task.sla?.calendar ? flow.calendars[task.sla.calendar] : undefined;
  const between = (a: number, b: number) => (calendar ? businessTimeBetween(a, b, calendar) : b - a);
  const businessTotalMs = closed?.businessMs ?? between(task.openedAt, closedAtMs);
  const businessQueueMs = Math.min(businessTotalMs, Math.max(0, between(task.openedAt, claimedAt)));
  return {
    queueMs,
    workMs: Math.max(0, totalMs - queueMs),
    totalMs,
    businessQueueMs,
    businessWorkMs: businessTotalMs - businessQueueMs,
    businessTotalMs,
  };
}

function eventEntry(event: RunEvent, at: number, flow: Flow, before: RunState): TimelineRecord {
  if (event.type === 'sla.targetsChanged') return targetsEntry(event, at, flowOfRun(flow, before));
  // The timeline names the calendars that changed, and the departments' new calendars; the specs
  // are the admin's calendar page's.
  if (event.type === 'calendars.changed')
    return {
      type: event.type,
      at,
      data: {
        calendars: Object.keys(event.calendars ?? {}),
        ...(event.departmentCalendars ? { departmentCalendars: event.departmentCalendars } : {}),
        reason: event.reason,
      },
      ...(event.actor ? { actorId: event.actor.userId } : {}),
    };
  const { type, ...rest } = event;
  const data: Record<string, unknown> = { ...rest };
  delete data.actor;
  delete data.taskId;
  const entry: TimelineRecord = { type, at, data };
  if ('actor' in event && event.actor) entry.actorId = event.actor.userId;
  if ('taskId' in event) entry.taskId = event.taskId;
  return entry;
}

/**
 * An sla.targetsChanged entry names each task (and the ticket) with its new target and the one the
 * run had (`run`: its flow before the event), both in ms (null: no SLA), not the whole specs.
 */
function targetsEntry(
  event: Extract<RunEvent, { type: 'sla.targetsChanged' }>,
  at: number,
  run: Flow,
): TimelineRecord {
  const tasks = Object.entries(event.tasks ?? {}).map(([elementId, spec]) => {
    const node = run.nodes[elementId];
    const was = node?.kind === 'userTask' ? node.sla : undefined;
    return {
      elementId,
      name: node?.name ?? elementId,
      targetMs: spec?.targetMs ?? null,
      wasMs: was?.targetMs ?? null,
    };
  });
  const ticketSla = event.ticketSla && {
    targetMs: event.ticketSla.targetMs,
    wasMs: run.ticketSla?.targetMs ?? null,
  };
  return {
    type: event.type,
    at,
    data: { tasks, ...(ticketSla ? { ticketSla } : {}), reason: event.reason },
    ...(event.actor ? { actorId: event.actor.userId } : {}),
  };
}

function effectEntry(effect: Effect, now: number): TimelineRecord {
  switch (effect.type) {
    case 'stage.opened':
      return {
        type: effect.type,
        at: effect.at,
        taskId: effect.taskId,
        data: { elementId: effect.elementId, department: effect.department, dueAt: effect.dueAt },
      };
    case 'stage.claimed':
      return { type: effect.type, at: effect.at, taskId: effect.taskId, actorId: effect.userId, data: {} };
    case 'stage.closed': {
      const { type, taskId, closedAt: at, ...data } = effect;
      return { type, at, taskId, data };
    }
    case 'sla.level':
      return {
        type: effect.type,
        at: effect.at,
        ...(effect.taskId ? { taskId: effect.taskId } : {}),
        data: { level: effect.level },
      };
    case 'sla.recalculated': {
      const { type, at, taskId, ...data } = effect;
      return { type, at, ...(taskId ? { taskId } : {}), data };
    }
    case 'notify':
      return {
        type: 'notification',
        at: now,
        ...(effect.taskId ? { taskId: effect.taskId } : {}),
        data: { to: effect.to, template: effect.template },
      };
    case 'activity.run':
      return {
        type: 'activity.started',
        at: now,
        data: { activityId: effect.activityId, activity: effect.activity },
      };
    case 'ticket.completed':
      return { type: effect.type, at: effect.at, data: { outcome: effect.outcome } };
    case 'incident.opened': {
      // The read model's open incidents are these entries without a later incident.resolved.
      const { type, at, ...data } = effect;
      return { type, at, data };
    }
    case 'incident.resolved':
      return {
        type: effect.type,
        at: effect.at,
        data: { incidentId: effect.incidentId, resolution: effect.resolution },
      };
    case 'timer.start':
    case 'timer.cancel':
      return { type: effect.type, at: now, data: { timerId: effect.timerId } };
  }
}

function assignmentRequests(flow: Flow, run: RunState, effects: Effect[]): PickAssigneeInput[] {
  const requests: PickAssigneeInput[] = [];
  for (const effect of effects) {
    if (effect.type !== 'stage.opened') continue;
    const node = flow.nodes[effect.elementId];
    const task = run.tasks[effect.taskId];
    const department = effect.department ?? task?.department;
    if (node?.kind !== 'userTask' || node.assign === 'none' || !department) continue;
    if (!task || task.status !== 'open' || task.assignee) continue;
    requests.push({ ticketId: run.ticketId, taskId: effect.taskId, department, strategy: node.assign });
  }
  return requests;
}

// ---------------------------------------------------------------------------------------------
// Timers: the runtime keeps ONE pending timer, for the earliest engine timer.
// ---------------------------------------------------------------------------------------------

export function earliestTimer(timers: TimerBook): number | undefined {
  let earliest: number | undefined;
  for (const at of Object.values(timers)) if (earliest === undefined || at < earliest) earliest = at;
  return earliest;
}

/** Engine timers due at `now`, in firing order (due instant, then id: deterministic). */
export function dueTimers(timers: TimerBook, now: number): { timerId: string; at: number }[] {
  return Object.entries(timers)
    .filter(([, at]) => at <= now)
    .map(([timerId, at]) => ({ timerId, at }))
    .sort((a, b) => a.at - b.at || (a.timerId < b.timerId ? -1 : a.timerId > b.timerId ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Carrying a plan out.
// ---------------------------------------------------------------------------------------------

export type DriverPorts = {
  now(): number;
  /** Writes the read model for consecutive steps, in order; resolves once it is durable. */
  record(steps: RecordStepInput[]): Promise<void>;
  pickAssignee(input: PickAssigneeInput): Promise<string | null>;
  /** Fire and forget: the outcome comes back later as activity.completed / activity.failed. */
  startActivity(run: ActivityRun): void;
  warn(message: string, context: Record<string, unknown>): void;
};

export type DriveResult = { driver: DriverState; rejected?: string };

/**
 * The steps one input causes (the event, the automatic claims of the tasks it opened, resumed
 * holds), written with ONE record call: one local activity, one history event, per input.
 */
type Batch = { driver: DriverState; records: RecordStepInput[]; activities: ActivityRun[] };

export async function driveStart(
  flow: Flow,
  ticket: TicketInput,
  ports: DriverPorts,
  conditionFailure?: ConditionFailure,
): Promise<DriverState> {
  const planned = planStart(flow, ticket, ports.now(), conditionFailure);
  const batch: Batch = { driver: planned.driver, records: [], activities: [] };
  await absorb(flow, batch, planned, ports);
  return flush(batch, ports);
}

/**
 * Applies one event and everything it entails before returning: the automatic assignment of
 * tasks it opened, (for a customer message) resuming held tasks, and the read-model record.
 */
export async function driveEvent(
  flow: Flow,
  driver: DriverState,
  event: RunEvent,
  ports: DriverPorts,
): Promise<DriveResult> {
  const planned = planEvent(flow, driver, event, ports.now());
  if (planned.rejected) return { driver, rejected: planned.rejected };
  const batch: Batch = { driver: planned.driver, records: [], activities: [] };
  await absorb(flow, batch, planned, ports);
  if (event.type === 'message.received') {
    // A customer answer resumes what waited on them; harmless if the engine already did.
    for (const task of openTasks(batch.driver.run).filter((t) => t.held)) {
      const resumed = planEvent(
        flow,
        batch.driver,
        { type: 'task.resumed', taskId: task.taskId },
        ports.now(),
      );
      if (!resumed.rejected) await absorb(flow, batch, resumed, ports);
    }
  }
  return { driver: await flush(batch, ports) };
}

async function absorb(flow: Flow, batch: Batch, planned: PlannedStep, ports: DriverPorts): Promise<void> {
  batch.driver = planned.driver;
  if (planned.record) batch.records.push(planned.record);
  batch.activities.push(...planned.activities);
  for (const request of planned.assignments) {
    const userId = await ports.pickAssignee(request);
    if (!userId) {
      ports.warn('nobody to assign', { ...request });
      continue;
    }
    const actor = { userId, departments: [request.department], roles: ['agent'] };
    const claimed = planEvent(
      flow,
      batch.driver,
      { type: 'task.claimed', taskId: request.taskId, actor },
      ports.now(),
    );
    if (claimed.rejected) {
      ports.warn('automatic assignment rejected', { ...request, userId, rejected: claimed.rejected });
      continue;
    }
    await absorb(flow, batch, claimed, ports);
  }
}

async function flush(batch: Batch, ports: DriverPorts): Promise<DriverState> {
  if (batch.records.length > 0) await ports.record(batch.records);
  // Started after the record so an activity's completion never overtakes the step that began it.
  for (const run of batch.activities) ports.startActivity(run);
  return batch.driver;
}

/** The query answer: state, open tasks, and why each SLA deadline is where it is. */
export function liveState(compiled: Flow, run: RunState, now: number): LiveState {
  const flow = flowOfRun(compiled, run);
  const tasks: LiveState['sla']['tasks'] = {};
  for (const task of Object.values(run.tasks)) {
    if (task.status === 'open' && task.sla) tasks[task.taskId] = explainSla(flow, task.sla, now);
  }
  return {
    state: run,
    tasks: openTasks(run),
    sla: { ...(run.ticketSla ? { ticket: explainSla(flow, run.ticketSla, now) } : {}), tasks },
  };
}
