// Properties of the interpreter over random event sequences, valid and invalid alike.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceBusinessTime } from '../calendar/slow-reference.js';
import type { Actor, CalendarSpec, Flow, RunEvent, RunState, SlaClock, Step } from '../types.js';
import { applyEvent, explainSla, type LedgerSegment, openTasks, startRun } from './index.js';
import { ENGINE_ERROR } from './run.js';
import { admin, agent, manager } from './testing/actors.js';
import { flowBuilder, HOUR, sla } from './testing/flow-builder.js';
import { callCentreFlow, kitchenSinkFlow } from './testing/sample-flows.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const ACTORS: Actor[] = [
  agent('ann', 'support'),
  agent('bob', 'support', 'refunds'),
  agent('fay', 'faults'),
  agent('ray', 'refunds'),
  agent('sam', 'after-sales'),
  agent('eve'),
  admin,
  manager,
];
const DEPARTMENTS = ['support', 'refunds', 'faults', 'after-sales', 'mars'];
const OUTCOMES = [
  'solved',
  'escalate',
  'wait',
  'route',
  'approved',
  'fixed',
  'reached',
  'no-answer',
  'done',
  'resolved',
  'bogus',
];
const MESSAGES = ['customer-reply', 'nobody-listens'];

/** One random choice turned into an event against the current state (ids mostly real). */
type Choice = { kind: number; pick: number; actor: number; extra: number; advance: number };
const choice: fc.Arbitrary<Choice> = fc.record({
  kind: fc.nat(100),
  pick: fc.nat(1000),
  actor: fc.nat(ACTORS.length - 1),
  extra: fc.nat(1000),
  advance: fc.nat(6 * 3_600_000),
});

const pickOf = <T>(items: T[], n: number): T | undefined =>
  items.length === 0 ? undefined : items[n % items.length];

function eventFor(state: RunState, c: Choice, now: number): { event: RunEvent; at: number } {
  const tasks = Object.keys(state.tasks);
  const taskId = c.pick % 10 === 0 ? `t${c.pick}` : (pickOf(tasks, c.pick) ?? 't1');
  const actor = ACTORS[c.actor]!;
  const at = now + c.advance;
  const k = c.kind;
  // A done ticket is reopened half the time: at the last stage, a stage it had, or nowhere valid.
  if (state.status === 'done' && c.extra % 2 === 0) {
    const elementId =
      c.pick % 3 === 0
        ? undefined
        : c.pick % 3 === 1
          ? state.tasks[pickOf(tasks, c.pick) ?? '']?.elementId
          : 'e0';
    return {
      event: { type: 'ticket.reopened', actor, reason: 'not solved', ...(elementId ? { elementId } : {}) },
      at,
    };
  }
  if (k < 14) return { event: { type: 'task.claimed', taskId, actor }, at };
  if (k < 34) {
    const outcome = c.extra % 7 === 0 ? undefined : OUTCOMES[c.extra % OUTCOMES.length];
    const data = c.extra % 3 === 0 ? { category: pickOf(['refund', 'fault', 'other'], c.extra) } : undefined;
    return {
      event: {
        type: 'task.completed',
        taskId,
        actor,
        ...(outcome ? { outcome } : {}),
        ...(data ? { data } : {}),
      },
      at,
    };
  }
  if (k < 40)
    return {
      event: {
        type: 'task.transferred',
        taskId,
        actor,
        department: DEPARTMENTS[c.extra % DEPARTMENTS.length]!,
      },
      at,
    };
  if (k < 44) return { event: { type: 'task.returned', taskId, actor }, at };
  if (k < 49) return { event: { type: 'task.held', taskId, actor, reason: 'waiting' }, at };
  if (k < 53) return { event: { type: 'task.resumed', taskId, ...(c.extra % 2 ? { actor } : {}) }, at };
  if (k < 56)
    return {
      event: { type: 'task.extensionGranted', taskId, actor, extendByMs: (c.extra % 5) * 1_800_000 },
      at,
    };
  if (k < 78) {
    const timers = Object.entries(state.internal.timers);
    const pending = pickOf(timers, c.pick);
    if (pending === undefined || c.extra % 10 === 0)
      return { event: { type: 'timer.fired', timerId: `sla:t${c.pick}:overdue` }, at };
    return { event: { type: 'timer.fired', timerId: pending[0] }, at: Math.max(now, pending[1].at) };
  }
  if (k < 88) {
    const activityId = pickOf(Object.keys(state.internal.activities), c.pick) ?? `a${c.pick}`;
    return c.extra % 4 === 0
      ? { event: { type: 'activity.failed', activityId, error: 'boom' }, at }
      : {
          event: { type: 'activity.completed', activityId, result: c.extra % 2 ? { customer: 'Ada' } : 42 },
          at,
        };
  }
  if (k >= 95 && k < 98) {
    const incidentId =
      c.pick % 10 === 0 ? `i${c.pick}` : `i${(c.pick % (state.internal.incidents.length || 1)) + 1}`;
    const fields =
      c.extra % 2
        ? { category: pickOf(['refund', 'fault', 'other'], c.extra), amount: c.extra % 200 }
        : undefined;
    return { event: { type: 'incident.retried', incidentId, actor, ...(fields ? { fields } : {}) }, at };
  }
  if (k < 98)
    return {
      event: { type: 'message.received', name: MESSAGES[c.extra % 2]!, data: { reply: c.extra } },
      at,
    };
  return { event: { type: 'ticket.cancelled', actor }, at };
}

type Trace = { start: Step; steps: Step[]; events: { event: RunEvent; at: number }[] };

function simulate(flow: Flow, category: string, choices: Choice[]): Trace {
  const start = startRun(flow, { ticketId: 'T-9', variables: { category, customerId: 'c-1' } }, T0);
  let state = start.state;
  let now = T0;
  const steps: Step[] = [];
  const events: Trace['events'] = [];
  for (const c of choices) {
    const timed = eventFor(state, c, now);
    now = timed.at;
    const step = applyEvent(flow, state, timed.event, now);
    steps.push(step);
    events.push(timed);
    state = step.state;
  }
  return { start, steps, events };
}

function replay(flow: Flow, category: string, events: Trace['events']): Step[] {
  let state = startRun(flow, { ticketId: 'T-9', variables: { category, customerId: 'c-1' } }, T0).state;
  return events.map(({ event, at }) => {
    const step = applyEvent(flow, state, event, at);
    state = step.state;
    return step;
  });
}

/** A gateway whose condition fails until a retry supplies `amount`: incidents and their retries. */
const incidentFlow = (): Flow =>
  flowBuilder('incidents')
    .start('s')
    .exclusive('gw')
    .userTask('big', { department: 'refunds', sla: sla(4 * HOUR), outcomes: ['done'] })
    .userTask('small', { department: 'support', outcomes: ['done', 'route'] })
    .end('e')
    .path('s', 'gw')
    .flow('gw', 'big', { condition: 'amount > 100' })
    .flow('gw', 'small', { isDefault: true })
    .path('big', 'e')
    .flow('small', 'e', { condition: 'outcome = "done"' })
    .flow('small', 'gw', { condition: 'outcome = "route" and amount < 50' })
    .build();

const flows: [string, () => Flow][] = [
  ['kitchen sink', kitchenSinkFlow],
  ['call centre', callCentreFlow],
  ['incidents', incidentFlow],
];
const scenario = fc.tuple(fc.constantFrom('refund', 'fault', 'other'), fc.array(choice, { maxLength: 60 }));

describe.each(flows)('interpreter properties (%s flow)', (_name, makeFlow) => {
  const flow = makeFlow();

  it('never throws; timers tracked from effects match the state; none is left once the ticket completes', () => {
    fc.assert(
      fc.property(scenario, ([category, choices]) => {
        const trace = simulate(flow, category, choices);
        const pending = new Set<string>();
        const track = (step: Step, fired?: string): void => {
          if (fired !== undefined && step.rejected === undefined) pending.delete(fired);
          for (const effect of step.effects) {
            if (effect.type === 'timer.start') pending.add(effect.timerId);
            if (effect.type === 'timer.cancel')
              expect(pending.delete(effect.timerId), `cancel of unknown ${effect.timerId}`).toBe(true);
          }
        };
        track(trace.start);
        trace.steps.forEach((step, i) => {
          const event = trace.events[i]!.event;
          track(step, event.type === 'timer.fired' ? event.timerId : undefined);
          expect([...pending].sort()).toEqual(Object.keys(step.state.internal.timers).sort());
          if (step.effects.some((e) => e.type === 'ticket.completed')) expect(pending.size).toBe(0);
          if (step.state.status !== 'running') expect(openTasks(step.state)).toEqual([]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('rejected events return the identical state and no effects; accepted ones count in seq', () => {
    fc.assert(
      fc.property(scenario, ([category, choices]) => {
        const trace = simulate(flow, category, choices);
        let previous = trace.start.state;
        for (const step of trace.steps) {
          if (step.rejected !== undefined) {
            expect(step.state).toBe(previous);
            expect(step.effects).toEqual([]);
            expect(step.rejected).toMatch(
              /^(unknown-task|unknown-timer|unknown-activity|unknown-incident|conflict|forbidden|invalid): ./,
            );
            expect(step.rejected).not.toContain(ENGINE_ERROR);
          } else {
            expect(step.state.seq).toBe(previous.seq + 1);
          }
          previous = step.state;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('replaying the same events gives identical effects and states, and states are plain JSON', () => {
    fc.assert(
      fc.property(scenario, ([category, choices]) => {
        const trace = simulate(flow, category, choices);
        const again = replay(flow, category, trace.events);
        expect(again).toEqual(trace.steps);
        const last = trace.steps.at(-1)?.state ?? trace.start.state;
        expect(JSON.parse(JSON.stringify(last))).toStrictEqual(last);
      }),
      { numRuns: 200 },
    );
  });

  it('every open task has exactly one token waiting on it; SLA explanations add up', () => {
    fc.assert(
      fc.property(scenario, ([category, choices]) => {
        const trace = simulate(flow, category, choices);
        const state = trace.steps.at(-1)?.state ?? trace.start.state;
        const waitedOn = Object.values(state.internal.tokens).flatMap((t) =>
          t.wait?.kind === 'task' ? [t.wait.taskId] : [],
        );
        expect(waitedOn.sort()).toEqual(
          openTasks(state)
            .map((t) => t.taskId)
            .sort(),
        );
        // explainSla accounts for every millisecond the clocks counted, holds excluded.
        const later = (trace.events.at(-1)?.at ?? T0) + 3_600_000;
        for (const clock of [state.ticketSla, ...Object.values(state.tasks).map((t) => t.sla)]) {
          if (clock === undefined) continue;
          const explained = explainSla(flow, clock, later);
          expect(explained.segments.reduce((sum, s) => sum + s.to - s.from, 0)).toBe(explained.consumedMs);
          expectLedgerEndToEnd(explained.ledger, clock, later);
        }
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * A clock's ledger covers its life end to end: from its start to `at` (or to when it stopped), no
 * gap, no overlap, no empty stretch; its paused stretches are the clock's pauses, cut at the end.
 */
function expectLedgerEndToEnd(ledger: LedgerSegment[], clock: SlaClock, at: number): void {
  const end = clock.stoppedAt === undefined ? at : Math.min(at, clock.stoppedAt);
  let cursor = clock.startedAt;
  for (const stretch of ledger) {
    expect(stretch.from).toBe(cursor);
    expect(stretch.to).toBeGreaterThan(stretch.from);
    cursor = stretch.to;
  }
  expect(cursor).toBe(Math.max(clock.startedAt, end));
  const paused = ledger.filter((s) => s.kind === 'paused');
  const pauses = clock.pauses
    .filter((p) => p.from < end)
    .map((p) => ({ from: p.from, to: Math.min(p.to ?? end, end), reason: p.reason }))
    .filter((p) => p.to > p.from);
  expect(paused).toEqual(pauses.map((p) => ({ kind: 'paused', ...p })));
}

/** Opening hours with a lunch break and a weekend, so holds fall inside and outside them. */
const OFFICE: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [
      day,
      [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
    ]),
  ),
  holidays: ['2026-01-06'],
};
const MINUTE_MS = 60_000;
/** Whole minutes, where the minute-by-minute oracle is exact. */
const minuteChoice = choice.map((c) => ({ ...c, advance: Math.floor(c.advance / MINUTE_MS) * MINUTE_MS }));

describe.each(flows)('held time (%s flow, on a business calendar)', (_name, makeFlow) => {
  const flow: Flow = { ...makeFlow(), calendar: 'office', calendars: { office: OFFICE } };

  it('held + work = elapsed for every stage; held time is the hold intervals, wall and business, by the slow oracle', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('refund', 'fault', 'other'),
        fc.array(minuteChoice, { maxLength: 40 }),
        (category, choices) => {
          const trace = simulate(flow, category, choices);
          // Hold intervals per task, read off the states alone: on hold from `held.since` until
          // the first state where the task is no longer held (resumed, or closed).
          const holds = new Map<string, [number, number][]>();
          let previous = trace.start.state;
          trace.steps.forEach((step, i) => {
            const at = trace.events[i]!.at;
            for (const task of Object.values(step.state.tasks)) {
              const before = previous.tasks[task.taskId]?.held;
              const ended = before !== undefined && (task.held === undefined || task.status === 'closed');
              if (ended) holds.set(task.taskId, [...(holds.get(task.taskId) ?? []), [before.since, at]]);
            }
            previous = step.state;
          });
          for (const step of trace.steps) {
            for (const stage of step.effects) {
              if (stage.type !== 'stage.closed') continue;
              const intervals = holds.get(stage.taskId) ?? [];
              expect(stage.heldMs).toBe(intervals.reduce((sum, [a, b]) => sum + b - a, 0));
              expect(stage.businessHeldMs).toBe(
                intervals.reduce((sum, [a, b]) => sum + referenceBusinessTime(a, b, OFFICE), 0),
              );
              expect(stage.businessMs).toBe(referenceBusinessTime(stage.openedAt, stage.closedAt, OFFICE));
              const workMs = stage.totalMs - stage.heldMs;
              expect(workMs).toBeGreaterThanOrEqual(0);
              expect(workMs + stage.heldMs).toBe(stage.closedAt - stage.openedAt);
              expect(stage.businessMs - stage.businessHeldMs).toBeGreaterThanOrEqual(0);
              // The deadline clock counted exactly the business work time (it ran from the open).
              const sla = step.state.tasks[stage.taskId]!.sla;
              if (sla?.calendar === 'office' && sla.startedAt === stage.openedAt)
                expect(sla.consumedMs).toBe(stage.businessMs - stage.businessHeldMs);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

/** A second team's hours, another zone and a Saturday: a ticket moving there switches calendars. */
const SHIFT: CalendarSpec = {
  timeZone: 'America/New_York',
  week: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const).map((day) => [day, [['08:00', '20:00']]]),
  ),
};

/** The flow with refunds, faults and after-sales keeping the shift's hours, the rest the office's. */
const withDepartmentCalendars = (makeFlow: () => Flow): Flow => ({
  ...makeFlow(),
  calendar: 'office',
  calendars: { office: OFFICE, shift: SHIFT },
  departmentCalendars: { refunds: 'shift', faults: 'shift', 'after-sales': 'shift' },
});

describe.each(flows)('clock ledgers across department calendars (%s flow)', (_name, makeFlow) => {
  const flow = withDepartmentCalendars(makeFlow);

  it("a clock's ledger adds up: stretches end to end, counting ones = the oracle's business time = time counted", () => {
    fc.assert(
      fc.property(
        fc.constantFrom('refund', 'fault', 'other'),
        fc.array(minuteChoice, { maxLength: 40 }),
        fc.integer({ min: 0, max: 30 }),
        (category, choices, hoursLater) => {
          const trace = simulate(flow, category, choices);
          const state = trace.steps.at(-1)?.state ?? trace.start.state;
          const at = (trace.events.at(-1)?.at ?? T0) + hoursLater * HOUR;
          const again = replay(flow, category, trace.events).at(-1)?.state ?? trace.start.state;
          const replayed = [again.ticketSla, ...Object.values(again.tasks).map((t) => t.sla)].map(
            (c) => c && explainSla(flow, c, at).ledger,
          );
          for (const clock of [state.ticketSla, ...Object.values(state.tasks).map((t) => t.sla)]) {
            if (clock === undefined) continue;
            const { ledger, consumedMs } = explainSla(flow, clock, at);
            expectLedgerEndToEnd(ledger, clock, at);
            // Each stretch on the calendar in force then: the task's department's, or for the
            // ticket's clock the department holding the ticket.
            expect(ledger.every((s) => s.kind === 'paused' || s.calendar !== undefined)).toBe(true);
            const counting = ledger.filter((s) => s.kind === 'counting');
            const closed = ledger.filter((s) => s.kind === 'closed');
            const length = (stretches: LedgerSegment[]) =>
              stretches.reduce((sum, s) => sum + s.to - s.from, 0);
            expect(length(counting)).toBe(consumedMs);
            const specOf = (s: LedgerSegment) => flow.calendars[s.calendar!]!;
            const oracle = (stretches: LedgerSegment[]) =>
              stretches.reduce((sum, s) => sum + referenceBusinessTime(s.from, s.to, specOf(s)), 0);
            expect(oracle(counting)).toBe(length(counting));
            // Closed stretches can span weekends: the oracle checks their first and last minutes,
            // where a cut in the wrong place would show.
            for (const stretch of closed) {
              expect(referenceBusinessTime(stretch.from, stretch.from + MINUTE_MS, specOf(stretch))).toBe(0);
              expect(referenceBusinessTime(stretch.to - MINUTE_MS, stretch.to, specOf(stretch))).toBe(0);
            }
            // Replaying the same events gives the same ledger.
            expect(replayed).toContainEqual(ledger);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

// The flows whose tickets move from support into the departments keeping the shift's hours.
describe.each(flows.slice(0, 2))('the ticket clock following the department (%s flow)', (_name, makeFlow) => {
  const flow = withDepartmentCalendars(makeFlow);

  it('a ticket that moved into a department with other hours counts on them from then on', () => {
    let switched = 0;
    fc.assert(
      fc.property(
        fc.constantFrom('refund', 'fault'),
        fc.array(minuteChoice, { maxLength: 40 }),
        (category, choices) => {
          const trace = simulate(flow, category, choices);
          const state = trace.steps.at(-1)?.state ?? trace.start.state;
          const clock = state.ticketSla;
          if (clock?.calendarSince === undefined) return;
          switched += 1;
          // Office first, then the calendar of each department the ticket moved to, in order.
          expect(clock.calendarSince[0]).toEqual({ from: clock.startedAt, calendar: 'office' });
          expect(clock.calendar).toBe(clock.calendarSince.at(-1)!.calendar);
          const opened = trace.steps.flatMap((step) => step.effects.filter((e) => e.type === 'stage.opened'));
          for (const change of clock.calendarSince.slice(1)) {
            const stage = opened.filter((e) => e.at <= change.from).at(-1);
            const department = stage?.department;
            expect(change.calendar).toBe(flow.departmentCalendars![department ?? ''] ?? 'office');
          }
        },
      ),
      { numRuns: 100 },
    );
    // The scenarios route refunds and faults away from support: some tickets did switch.
    expect(switched).toBeGreaterThan(0);
  });
});
