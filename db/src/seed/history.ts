// A deterministic demo history: months of tickets through the seeded flows, as the read model
// would hold them had the engine run them (tickets, one stage per user-task visit, the timeline
// with the engine's event and effect entries). Pure: the same input gives the same rows. Times
// follow the engine's rules: a stage's duration is business time in its SLA calendar, its due
// time and SLA levels come from its target, automatic assignment claims a stage as it opens.
import {
  addBusinessTime,
  businessTimeBetween,
  isOpenAt,
  localDateAt,
  startOfLocalDate,
  type CalendarSpec,
  type Flow,
  type SlaLevel,
  type SlaSpec,
  type UserTaskNode,
} from '@baton/engine';
import {
  CUSTOMERS,
  DURATIONS,
  delay,
  slowdown,
  type TicketTypeScenario,
  type Visit,
} from './history-scenario.js';
import { seededRandom, type Random } from './random.js';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Ticket ids of the generated history start with this, so a second run can tell it is there. */
export const HISTORY_ID_PREFIX = 'hist-';

/**
 * What the history's tickets say they were imported from (tickets.imported_from): no engine runs
 * them, so their open stages are for the dashboard to show, not for anyone to act on.
 */
export const HISTORY_IMPORTED_FROM = 'demo history';

export type HistoryInput = {
  /** The history ends at this instant (epoch ms); open stages are open as of now. */
  now: number;
  /** How many days back it starts. */
  days: number;
  seed: number;
  /** The deployed flow each scenario runs on. */
  types: { scenario: TicketTypeScenario; flowVersionId: string; flow: Flow }[];
  /** Who works in each department (user ids); a department without anyone leaves stages unassigned. */
  agents: Record<string, string[]>;
};

export type TicketRow = {
  id: string;
  typeId: string;
  flowVersionId: string;
  title: string;
  priority: string;
  category: string;
  service: string;
  status: 'in_progress' | 'done';
  customer: Record<string, string>;
  fields: Record<string, unknown>;
  createdBy: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  slaDueAt: number | null;
  slaLevel: SlaLevel;
  lastSeq: number;
};

export type StageRow = {
  ticketId: string;
  taskId: string;
  elementId: string;
  name: string;
  department: string | null;
  assigneeId: string | null;
  enteredAt: number;
  claimedAt: number | null;
  closedAt: number | null;
  outcome: string | null;
  slaTargetMs: number | null;
  slaCalendar: string | null;
  dueAt: number | null;
  slaLevel: SlaLevel;
  /** Present once closed: wall-clock total and business total (queue is zero: claimed on opening). */
  totalMs: number | null;
  businessTotalMs: number | null;
  /** Once closed: time on hold waiting on the customer, wall-clock and business (0: never held). */
  heldMs: number | null;
  businessHeldMs: number | null;
};

export type EventRow = {
  ticketId: string;
  seq: number;
  ord: number;
  type: string;
  at: number;
  actorId: string | null;
  taskId: string | null;
  data: Record<string, unknown>;
};

export type History = { tickets: TicketRow[]; stages: StageRow[]; events: EventRow[] };

type Entry = Omit<EventRow, 'ticketId' | 'seq' | 'ord'>;
/** One engine step: the event that triggered it and the effects it had, at one instant. */
type Step = { at: number; entries: Entry[] };

const LEVELS = ['warning', 'overdue', 'severe'] as const;

/** The SLA level a clock has reached after `elapsed` business ms of `sla`'s target. */
function levelAfter(sla: SlaSpec, elapsed: number): SlaLevel {
  if (elapsed >= sla.targetMs * sla.severeAt) return 'severe';
  if (elapsed >= sla.targetMs) return 'overdue';
  if (elapsed >= sla.targetMs * sla.warnAt) return 'warning';
  return 'ok';
}
const levelFraction = (sla: SlaSpec, level: (typeof LEVELS)[number]) =>
  level === 'warning' ? sla.warnAt : level === 'overdue' ? 1 : sla.severeAt;

/** 'MM-DD' of the instant in the zone, for the scenario's seasons. */
function monthDayAt(at: number, zone: string): string {
  const { month, day } = localDateAt(at, zone);
  return `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The zone a flow's days are counted in: its default calendar's, else UTC. */
const zoneOf = (flow: Flow) => (flow.calendar && flow.calendars[flow.calendar]?.timeZone) || 'UTC';

/** Business-time math in a calendar, or wall-clock without one. */
function clockOf(flow: Flow, calendarKey: string | undefined) {
  const calendar: CalendarSpec | undefined = calendarKey ? flow.calendars[calendarKey] : undefined;
  return {
    add: (at: number, ms: number) => (calendar ? addBusinessTime(at, ms, calendar) : at + ms),
    between: (a: number, b: number) => (calendar ? businessTimeBetween(a, b, calendar) : b - a),
  };
}

export function generateHistory(input: HistoryInput): History {
  const random = seededRandom(input.seed);
  const history: History = { tickets: [], stages: [], events: [] };
  // One arrival list over every type, in time order, so ticket numbers follow creation times.
  const arrivals = input.types
    .flatMap((type) => arrivalsOf(type, input, random).map((at) => ({ at, type })))
    .sort((a, b) => a.at - b.at || a.type.scenario.typeId.localeCompare(b.type.scenario.typeId));
  for (const [index, { at, type }] of arrivals.entries()) {
    const id = `${HISTORY_ID_PREFIX}${String(index + 1).padStart(5, '0')}`;
    const monthDay = monthDayAt(at, zoneOf(type.flow));
    simulateTicket(history, { id, createdAt: at, monthDay, ...type }, input, random);
  }
  return history;
}

/** When this type's tickets arrive: more on open days, within office hours, growing over the year. */
function arrivalsOf(type: HistoryInput['types'][number], input: HistoryInput, random: Random): number[] {
  const calendar = type.flow.calendar ? type.flow.calendars[type.flow.calendar] : undefined;
  const zone = zoneOf(type.flow);
  const today = localDateAt(input.now, zone);
  const arrivals: number[] = [];
  for (let back = input.days; back >= 0; back--) {
    const date = { year: today.year, month: today.month, day: today.day - back };
    const dayStart = startOfLocalDate(date, zone);
    const open = calendar ? isOpenAt(dayStart + 11 * 60 * MINUTE, calendar) : true;
    const growth = 0.85 + 0.3 * (1 - back / input.days);
    const monthDay = monthDayAt(dayStart + 12 * 60 * MINUTE, zone);
    const season =
      type.scenario.typeId === 'call-centre' && monthDay >= '11-11' && monthDay <= '11-25' ? 1.3 : 1;
    const mean = (open ? type.scenario.perOpenDay : type.scenario.perClosedDay) * growth * season;
    const count = Math.floor(mean * (0.75 + 0.5 * random.next()) + random.next());
    for (let i = 0; i < count; i++) {
      // Office hours 09:00-18:00 with the lunch dip, and a few calls outside them.
      const minute = random.chance(0.06) ? random.int(7 * 60, 21 * 60) : random.int(9 * 60, 17 * 60 + 50);
      const at = dayStart + minute * MINUTE + random.int(0, 59_999);
      if (at <= input.now) arrivals.push(at);
    }
  }
  return arrivals;
}

type TicketContext = {
  id: string;
  createdAt: number;
  /** 'MM-DD' of the day it arrived, in the flow's zone: the scenario's seasons go by it. */
  monthDay: string;
  scenario: TicketTypeScenario;
  flowVersionId: string;
  flow: Flow;
};

function simulateTicket(history: History, ticket: TicketContext, input: HistoryInput, random: Random): void {
  const { flow, scenario } = ticket;
  const plan = scenario.ticket(random, {
    monthDay: ticket.monthDay,
    entryTask: (department) => flow.entryTasks[department] ?? '',
  });
  const customerName = random.pick(CUSTOMERS);
  const customer = {
    name: customerName,
    email: `${customerName.toLowerCase().replaceAll(/[^a-z]+/g, '.')}@example.com`,
    ...(typeof plan.fields.callerPhone === 'string' ? { phone: plan.fields.callerPhone } : {}),
  };

  const steps: Step[] = [
    {
      at: ticket.createdAt,
      entries: [
        {
          type: 'ticket.started',
          at: ticket.createdAt,
          actorId: null,
          taskId: null,
          data: { typeId: scenario.typeId, flowVersionId: ticket.flowVersionId },
        },
      ],
    },
  ];
  const stages: StageRow[] = [];
  let at = ticket.createdAt;
  let finished = false;
  let createdBy: string | null = null;

  for (const [index, visit] of plan.visits.entries()) {
    if (visit.waitBefore) {
      const wait = visit.waitBefore;
      const fired = wait.business ? clockOf(flow, flow.calendar).add(at, wait.ms) : at + wait.ms;
      if (fired > input.now) break;
      at = fired;
      steps.push({
        at,
        entries: [
          {
            type: 'timer.fired',
            at,
            actorId: null,
            taskId: null,
            data: { timerId: `catch:${index}:${wait.timerNode}` },
          },
        ],
      });
    }
    const stage = openStage(ticket, visit, stages.length + 1, at, input, random);
    stages.push(stage.row);
    createdBy ??= stage.row.assigneeId;
    const current = steps[steps.length - 1]!;
    current.entries.push({
      type: 'stage.opened',
      at,
      actorId: null,
      taskId: stage.row.taskId,
      data: { elementId: visit.elementId, department: stage.row.department, dueAt: stage.row.dueAt },
    });
    if (stage.row.assigneeId) {
      steps.push({
        at,
        entries: [
          { type: 'task.claimed', at, actorId: stage.row.assigneeId, taskId: stage.row.taskId, data: {} },
          { type: 'stage.claimed', at, actorId: stage.row.assigneeId, taskId: stage.row.taskId, data: {} },
        ],
      });
    }
    steps.push(...stage.levelSteps);
    if (stage.closesAt > input.now) break; // still open now

    const row = stage.row;
    // Some stages wait on the customer once the work is done (a confirmation asked for): on hold,
    // their clock stopped, so the level stays what the work reached.
    const waitMs = waitOnCustomer(row, input, random);
    const heldFrom = stage.closesAt;
    const held = waitMs > 0 && heldFrom + waitMs <= input.now;
    const closedAt = held ? heldFrom + waitMs : stage.closesAt;
    row.heldMs = held ? waitMs : 0;
    row.businessHeldMs = held ? stage.clock.between(heldFrom, closedAt) : 0;
    if (held) {
      const task = { actorId: row.assigneeId, taskId: row.taskId };
      steps.push(
        {
          at: heldFrom,
          entries: [
            { type: 'task.held', at: heldFrom, ...task, data: { reason: 'waiting for the customer' } },
          ],
        },
        { at: closedAt, entries: [{ type: 'task.resumed', at: closedAt, ...task, data: {} }] },
      );
    }
    row.closedAt = closedAt;
    row.outcome = visit.transferTo ? 'transferred' : visit.outcome;
    row.totalMs = closedAt - row.enteredAt;
    row.businessTotalMs = stage.businessMs + row.businessHeldMs;
    row.slaLevel = stage.sla ? levelAfter(stage.sla, stage.businessMs) : 'ok';
    const actor = row.assigneeId;
    const trigger: Entry = visit.transferTo
      ? {
          type: 'task.transferred',
          at: closedAt,
          actorId: actor,
          taskId: row.taskId,
          data: { department: visit.transferTo },
        }
      : {
          type: 'task.completed',
          at: closedAt,
          actorId: actor,
          taskId: row.taskId,
          data: { outcome: visit.outcome },
        };
    steps.push({
      at: closedAt,
      entries: [
        trigger,
        {
          type: 'stage.closed',
          at: closedAt,
          actorId: null,
          taskId: row.taskId,
          data: {
            elementId: row.elementId,
            department: row.department,
            openedAt: row.enteredAt,
            claimedAt: row.claimedAt,
            outcome: row.outcome,
            totalMs: row.totalMs,
            businessMs: row.businessTotalMs,
            heldMs: row.heldMs,
            businessHeldMs: row.businessHeldMs,
            slaLevel: row.slaLevel,
          },
        },
      ],
    });
    at = closedAt;
    if (index === plan.visits.length - 1) finished = true;
  }

  const closedAt = finished ? at : null;
  if (closedAt !== null) {
    steps[steps.length - 1]!.entries.push({
      type: 'ticket.completed',
      at: closedAt,
      actorId: null,
      taskId: null,
      data: { outcome: 'done' },
    });
  }

  // The whole-ticket SLA: its level timers fire until the ticket is done.
  let ticketLevel: SlaLevel = 'ok';
  let slaDueAt: number | null = null;
  if (flow.ticketSla) {
    const sla = flow.ticketSla;
    const clock = clockOf(flow, sla.calendar ?? flow.calendar);
    slaDueAt = clock.add(ticket.createdAt, sla.targetMs);
    const until = closedAt ?? input.now;
    for (const level of LEVELS) {
      const reached = clock.add(ticket.createdAt, sla.targetMs * levelFraction(sla, level));
      if (reached > until || (closedAt !== null && reached >= closedAt)) break;
      ticketLevel = level;
      steps.push(levelStep(reached, undefined, level));
    }
  }

  // Engine steps in time order (stable: the steps of one instant keep their order), numbered 1..n.
  steps.sort((a, b) => a.at - b.at);
  for (const [index, step] of steps.entries()) {
    for (const [ord, entry] of step.entries.entries())
      history.events.push({ ticketId: ticket.id, seq: index + 1, ord, ...entry });
  }
  history.stages.push(...stages);
  const lastAt = steps[steps.length - 1]!.at;
  history.tickets.push({
    id: ticket.id,
    typeId: scenario.typeId,
    flowVersionId: ticket.flowVersionId,
    title: plan.title,
    priority: plan.priority,
    category: plan.category,
    service: plan.service,
    status: closedAt !== null ? 'done' : 'in_progress',
    customer,
    fields: plan.fields,
    createdBy,
    createdAt: ticket.createdAt,
    updatedAt: lastAt,
    closedAt,
    slaDueAt,
    slaLevel: ticketLevel,
    lastSeq: steps.length,
  });
}

/**
 * How long a closing stage waits on the customer (0: not at all). One agent per department (the
 * first listed) puts far more on hold than the others, the way a clock gets gamed, so the demo's
 * waiting report has an outlier to flag.
 */
function waitOnCustomer(row: StageRow, input: HistoryInput, random: Random): number {
  const people = (row.department && input.agents[row.department]) || [];
  const holdsOften = people.length > 1 && row.assigneeId === people[0];
  if (!random.chance(holdsOften ? 0.55 : 0.1)) return 0;
  return Math.max(10 * MINUTE, Math.round(random.logNormal(3 * 60 * MINUTE, 0.9) / 1000) * 1000);
}

const levelStep = (at: number, taskId: string | undefined, level: (typeof LEVELS)[number]): Step => ({
  at,
  entries: [
    {
      type: 'timer.fired',
      at,
      actorId: null,
      taskId: null,
      data: { timerId: `sla:${taskId ?? 'ticket'}:${level}` },
    },
    { type: 'sla.level', at, actorId: null, taskId: taskId ?? null, data: { level } },
  ],
});

/** A user-task visit opened at `at`: its row as it opens, when it would close, the SLA levels it reaches. */
function openStage(
  ticket: TicketContext,
  visit: Visit,
  number: number,
  at: number,
  input: HistoryInput,
  random: Random,
) {
  const node = ticket.flow.nodes[visit.elementId] as UserTaskNode;
  const taskId = `t${number}`;
  const sla = node.sla;
  const clock = clockOf(ticket.flow, sla?.calendar);
  const model = DURATIONS[visit.elementId] ?? { medianMs: 60 * MINUTE, sigma: 0.6 };
  const daysAgo = Math.floor((input.now - at) / DAY);
  const busy = slowdown(node.department, daysAgo, ticket.monthDay);
  let businessMs = random.logNormal(model.medianMs * busy, model.sigma);
  businessMs *= delay(random, node.department, daysAgo);
  businessMs = Math.max(MINUTE, Math.round(businessMs / 1000) * 1000);
  const closesAt = clock.add(at, businessMs);
  const people = (node.department && input.agents[node.department]) || [];
  const assigneeId = people.length > 0 ? random.pick(people) : null;

  const dueAt = sla ? clock.add(at, sla.targetMs) : null;
  const levelSteps: Step[] = [];
  let openLevel: SlaLevel = 'ok';
  if (sla) {
    const until = Math.min(closesAt, input.now);
    for (const level of LEVELS) {
      const reached = level === 'overdue' ? dueAt! : clock.add(at, sla.targetMs * levelFraction(sla, level));
      if (reached >= until) break;
      openLevel = level;
      levelSteps.push(levelStep(reached, taskId, level));
    }
  }
  const row: StageRow = {
    ticketId: ticket.id,
    taskId,
    elementId: visit.elementId,
    name: node.name,
    department: node.department ?? null,
    assigneeId,
    enteredAt: at,
    claimedAt: assigneeId ? at : null,
    closedAt: null,
    outcome: null,
    slaTargetMs: sla?.targetMs ?? null,
    slaCalendar: sla?.calendar ?? null,
    dueAt,
    slaLevel: openLevel,
    totalMs: null,
    businessTotalMs: null,
    heldMs: null,
    businessHeldMs: null,
  };
  return { row, closesAt, businessMs, sla, levelSteps, clock };
}

/**
 * The scenario's tasks that the deployed flow lacks or puts in another department, and its
 * departments without an entry task to transfer to (empty = the flow fits the scenario).
 */
export function scenarioMismatches(scenario: TicketTypeScenario, flow: Flow): string[] {
  const tasks = Object.entries(scenario.tasks).flatMap(([elementId, department]) => {
    const node = flow.nodes[elementId];
    if (node?.kind !== 'userTask') return [`${elementId} is not a user task`];
    if (node.department !== department)
      return [`${elementId} is in ${node.department ?? 'no department'}, not ${department}`];
    return [];
  });
  const entries = [...new Set(Object.values(scenario.tasks))]
    .filter((department) => flow.nodes[flow.entryTasks[department] ?? '']?.kind !== 'userTask')
    .map((department) => `department ${department} has no entry task`);
  return [...tasks, ...entries];
}
