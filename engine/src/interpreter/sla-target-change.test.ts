// sla.targetsChanged: a newer SLA policy applied to a running ticket. Open clocks of the named
// elements take the new target (and its calendar, unless their department keeps its own hours)
// keeping the business time counted, the extensions and the levels already reached; tasks opened
// later start on it; a ticket without a ticket SLA starts one; closed clocks never change; a
// repeat moves nothing; anything but valid targets of the flow's user tasks is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarSpec, Flow, RunEvent, RunState, SlaClock, SlaSpec, Step } from '../types.js';
import { addBusinessTime } from '../calendar/index.js';
import { referenceBusinessTime } from '../calendar/slow-reference.js';
import { applyEvent, flowOfRun, openTasks, startRun } from './index.js';
import { consumedMs, effectiveTargetMs } from './sla.js';
import { agent, manager } from './testing/actors.js';
import { arbitraryCalendar, arbitraryMinutes, weekdays } from './testing/calendar-arbitraries.js';
import { drive, ofType } from './testing/drive.js';
import { flowBuilder, HOUR, MINUTE, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const ann = agent('ann', 'support');
const input = { ticketId: 'T', variables: {} };
const OFFICE: CalendarSpec = { timeZone: 'UTC', week: weekdays([['09:00', '17:00']]) };
const REASON = 'SLA targets of version 2 applied by admin';

/** A call handled in 1 h, then a fix in 2 h, and an 8 h ticket, on the office's hours. */
const calls = (): Flow =>
  flowBuilder('calls')
    .start('s')
    .userTask('handle', { department: 'support', sla: sla(HOUR, { calendar: 'office' }) })
    .userTask('fix', { department: 'support', sla: sla(2 * HOUR, { calendar: 'office' }) })
    .end('e')
    .path('s', 'handle', 'fix', 'e')
    .with({ calendar: 'office', calendars: { office: OFFICE }, ticketSla: sla(8 * HOUR) })
    .build();

const target = (targetMs: number, extra: Partial<SlaSpec> = {}): SlaSpec =>
  sla(targetMs, { calendar: 'office', ...extra });
const retarget = (tasks: Record<string, SlaSpec | null>, ticketSla?: SlaSpec): RunEvent => ({
  type: 'sla.targetsChanged',
  tasks,
  ...(ticketSla === undefined ? {} : { ticketSla }),
  reason: REASON,
});
const complete = (taskId: string): RunEvent => ({ type: 'task.completed', taskId, actor: ann });
const fired = (timerId: string): RunEvent => ({ type: 'timer.fired', timerId });

describe('sla.targetsChanged', () => {
  it("moves an open clock's deadlines to the new target, keeping the time counted", () => {
    const at = T0 + 30 * MINUTE;
    const { start, steps, state } = drive(calls(), input, T0, [
      { at, event: retarget({ handle: target(4 * HOUR) }) },
    ]);
    expect(steps[0]!.rejected).toBeUndefined();
    const was = start.state.tasks.t1!.sla!;
    const clock = state.tasks.t1!.sla!;
    expect(was.dueAt).toBe(T0 + HOUR);
    expect(clock.targetMs).toBe(4 * HOUR);
    expect(clock.consumedMs).toBe(30 * MINUTE);
    expect(clock.dueAt).toBe(T0 + 4 * HOUR);
    expect(clock.warningAt).toBe(T0 + 3.2 * HOUR);
    expect(clock.calendar).toBe('office');
    // The move names the target before and after, for the deadline's explanation.
    expect(clock.recalculations).toEqual([
      {
        at,
        fromDueAt: T0 + HOUR,
        toDueAt: T0 + 4 * HOUR,
        reason: REASON,
        targetMs: { from: HOUR, to: 4 * HOUR },
      },
    ]);
    expect(ofType(steps[0]!.effects, 'sla.recalculated')).toEqual([
      {
        type: 'sla.recalculated',
        taskId: 't1',
        fromDueAt: T0 + HOUR,
        toDueAt: T0 + 4 * HOUR,
        reason: REASON,
        at,
      },
    ]);
    expect(ofType(steps[0]!.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at: T0 + 3.2 * HOUR },
    ]);
    expect(openTasks(state)[0]!.dueAt).toBe(T0 + 4 * HOUR);
    // The flow as compiled is untouched; the run sees the new target.
    expect(flowOfRun(calls(), state).nodes.handle).toMatchObject({ sla: target(4 * HOUR) });
  });

  it('a level already reached stays reached, with its deadline; the next ones move', () => {
    const flow = calls();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 48 * MINUTE, event: fired('sla:t1:warning') },
      { at: T0 + 50 * MINUTE, event: retarget({ handle: target(4 * HOUR) }) },
    ]);
    const clock = state.tasks.t1!.sla!;
    expect(clock.level).toBe('warning');
    expect(clock.warningAt).toBe(T0 + 48 * MINUTE);
    expect(clock.dueAt).toBe(T0 + 4 * HOUR);
    expect(clock.severeAt).toBe(T0 + 5.2 * HOUR);
    expect(ofType(steps[1]!.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:overdue', at: T0 + 4 * HOUR },
    ]);
    expect(openTasks(state)[0]!.slaLevel).toBe('warning');
  });

  it('a shorter target than already consumed arms the next level now', () => {
    const at = T0 + 2 * HOUR;
    const flow: Flow = {
      ...calls(),
      nodes: {
        ...calls().nodes,
        handle: { ...calls().nodes.handle!, sla: target(4 * HOUR) },
      } as Flow['nodes'],
    };
    const { steps, state } = drive(flow, input, T0, [{ at, event: retarget({ handle: target(HOUR) }) }]);
    expect(state.tasks.t1!.sla!.dueAt).toBe(at);
    expect(ofType(steps[0]!.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at },
    ]);
  });

  it('extensions stay on top of the new target', () => {
    const { state } = drive(calls(), input, T0, [
      {
        at: T0 + 10 * MINUTE,
        event: { type: 'task.extensionGranted', taskId: 't1', actor: manager, extendByMs: HOUR },
      },
      { at: T0 + 30 * MINUTE, event: retarget({ handle: target(4 * HOUR) }) },
    ]);
    const clock = state.tasks.t1!.sla!;
    expect(effectiveTargetMs(clock)).toBe(5 * HOUR);
    expect(clock.dueAt).toBe(T0 + 5 * HOUR);
  });

  it('a held clock takes the target without moving and gets its deadlines when it resumes', () => {
    const { steps, state } = drive(calls(), input, T0, [
      { at: T0 + 30 * MINUTE, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + HOUR, event: retarget({ handle: target(4 * HOUR) }) },
      { at: T0 + 2 * HOUR, event: { type: 'task.resumed', taskId: 't1', actor: ann } },
    ]);
    expect(steps[1]!.rejected).toBeUndefined();
    expect(ofType(steps[1]!.effects, 'sla.recalculated')).toEqual([]);
    expect(ofType(steps[1]!.effects, 'timer.start')).toEqual([]);
    expect(steps[1]!.state.tasks.t1!.sla!.targetMs).toBe(4 * HOUR);
    expect(state.tasks.t1!.sla!.dueAt).toBe(addBusinessTime(T0 + 2 * HOUR, 3.5 * HOUR, OFFICE));
  });

  it("a closed clock never changes; a task opened later starts on the run's targets; null drops the SLA of later tasks only", () => {
    const { steps, state } = drive(calls(), input, T0, [
      { at: T0 + HOUR, event: complete('t1') },
      { at: T0 + 2 * HOUR, event: retarget({ handle: target(4 * HOUR), fix: null }) },
    ]);
    expect(steps[1]!.effects).toEqual([]);
    expect(state.tasks.t1!.sla).toBe(steps[0]!.state.tasks.t1!.sla);
    // The open fix keeps the 2 h it was given.
    expect(state.tasks.t2!.sla).toBe(steps[0]!.state.tasks.t2!.sla);

    const later = drive(calls(), input, T0, [
      { at: T0 + 10 * MINUTE, event: retarget({ fix: target(3 * HOUR) }) },
      { at: T0 + HOUR, event: complete('t1') },
    ]).state;
    expect(later.tasks.t2!.sla!.dueAt).toBe(T0 + 4 * HOUR);
    expect(later.tasks.t1!.sla!.targetMs).toBe(HOUR);

    const dropped = drive(calls(), input, T0, [
      { at: T0 + 10 * MINUTE, event: retarget({ fix: null }) },
      { at: T0 + HOUR, event: complete('t1') },
    ]).state;
    expect(dropped.tasks.t2!.sla).toBeUndefined();
    expect(flowOfRun(calls(), dropped).nodes.fix).not.toHaveProperty('sla');
  });

  it("the ticket's clock takes a new ticket SLA; the same change again moves nothing", () => {
    const change = retarget({ handle: target(2 * HOUR) }, sla(16 * HOUR, { calendar: 'office' }));
    const { steps, state } = drive(calls(), input, T0, [
      { at: T0 + HOUR, event: change },
      { at: T0 + 2 * HOUR, event: change },
    ]);
    expect(ofType(steps[0]!.effects, 'sla.recalculated').map((e) => e.taskId)).toEqual(['t1', undefined]);
    expect(state.ticketSla!.targetMs).toBe(16 * HOUR);
    expect(state.ticketSla!.consumedMs).toBe(HOUR);
    expect(state.ticketSla!.dueAt).toBe(addBusinessTime(T0 + HOUR, 15 * HOUR, OFFICE));
    expect(steps[1]!.rejected).toBeUndefined();
    expect(steps[1]!.effects).toEqual([]);
  });

  it('a target on another calendar moves the open clock to it from now, in one move naming both changes', () => {
    // The weekend desk: open Saturday and Sunday 10:00-14:00.
    const WEEKEND: CalendarSpec = {
      timeZone: 'UTC',
      week: { sat: [['10:00', '14:00']], sun: [['10:00', '14:00']] },
    };
    const flow: Flow = { ...calls(), calendars: { office: OFFICE, weekend: WEEKEND } };
    const at = T0 + 30 * MINUTE;
    const { steps, state } = drive(flow, input, T0, [
      { at, event: retarget({ handle: target(2 * HOUR, { calendar: 'weekend' }) }) },
    ]);
    const clock = state.tasks.t1!.sla!;
    expect(clock.calendar).toBe('weekend');
    // The half hour the office counted stays; the 1.5 h left count on Saturday 10:00-11:30.
    expect(consumedMs(flow, clock, at)).toBe(30 * MINUTE);
    expect(clock.dueAt).toBe(Date.UTC(2026, 0, 10, 11, 30));
    expect(clock.calendarSince).toEqual([
      { from: T0, calendar: 'office' },
      { from: at, calendar: 'weekend' },
    ]);
    expect(clock.recalculations).toEqual([
      {
        at,
        fromDueAt: T0 + HOUR,
        toDueAt: Date.UTC(2026, 0, 10, 11, 30),
        reason: REASON,
        targetMs: { from: HOUR, to: 2 * HOUR },
        calendar: { from: 'office', to: 'weekend' },
      },
    ]);
    expect(ofType(steps[0]!.effects, 'sla.recalculated')).toHaveLength(1);
  });

  it("a department keeping its own hours keeps them: the spec's calendar does not override the owner's", () => {
    const WEEKEND: CalendarSpec = { timeZone: 'UTC', week: { sat: [['10:00', '14:00']] } };
    const flow: Flow = {
      ...calls(),
      calendars: { office: OFFICE, weekend: WEEKEND },
      departmentCalendars: { support: 'office' },
    };
    const { state } = drive(flow, input, T0, [
      { at: T0 + 30 * MINUTE, event: retarget({ handle: target(2 * HOUR, { calendar: 'weekend' }) }) },
    ]);
    expect(state.tasks.t1!.sla!.calendar).toBe('office');
    expect(state.tasks.t1!.sla!.dueAt).toBe(T0 + 2 * HOUR);
  });

  it('a ticket that had no ticket SLA starts one at the change, not back-dated, and arms its levels', () => {
    const flow: Flow = { ...calls() };
    delete flow.ticketSla;
    const at = T0 + 3 * HOUR;
    const { steps, state } = drive(flow, input, T0, [
      { at, event: retarget({}, sla(8 * HOUR, { calendar: 'office' })) },
    ]);
    expect(steps[0]!.rejected).toBeUndefined();
    expect(state.ticketSla).toMatchObject({
      startedAt: at,
      consumedMs: 0,
      targetMs: 8 * HOUR,
      calendar: 'office',
    });
    expect(state.ticketSla!.dueAt).toBe(addBusinessTime(at, 8 * HOUR, OFFICE));
    expect(ofType(steps[0]!.effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:ticket:warning', at: addBusinessTime(at, 6.4 * HOUR, OFFICE) },
    ]);
  });

  it('refuses, changing nothing, what is not a valid target of a user task of the flow', () => {
    const flow = calls();
    const { state } = drive(flow, input, T0, []);
    const refusal = (event: unknown) => {
      const step = applyEvent(flow, state, event as RunEvent, T0 + HOUR);
      expect(step.state).toBe(state);
      expect(step.effects).toEqual([]);
      return step.rejected;
    };
    expect(refusal(retarget({ triage: target(HOUR) }))).toBe(
      "invalid: 'triage' is not a user task of flow 'calls'",
    );
    expect(refusal(retarget({ s: target(HOUR) }))).toBe("invalid: 's' is not a user task of flow 'calls'");
    expect(refusal(retarget({ handle: target(0) }))).toMatch(/targetMs\) above 0/);
    expect(refusal(retarget({ handle: target(-HOUR) }))).toMatch(/above 0/);
    expect(refusal(retarget({ handle: target(HOUR, { warnAt: 1.2 }) }))).toMatch(/0 < warnAt < 1 < severeAt/);
    expect(refusal(retarget({ handle: target(HOUR, { severeAt: 0.9 }) }))).toMatch(
      /0 < warnAt < 1 < severeAt/,
    );
    expect(refusal(retarget({ handle: target(HOUR, { calendar: 'berlin' }) }))).toMatch(
      /names calendar 'berlin', which the run does not have/,
    );
    expect(refusal(retarget({}, sla(0)))).toMatch(/the ticket SLA needs a target/);
    expect(refusal(retarget({}))).toMatch(/names no task target and no ticket SLA/);
    expect(refusal({ type: 'sla.targetsChanged', tasks: ['handle'], reason: REASON })).toMatch(
      /must be an object/,
    );
    expect(refusal({ type: 'sla.targetsChanged', tasks: { handle: target(HOUR) }, reason: ' ' })).toMatch(
      /needs a reason/,
    );
  });

  it("keeps the run's view apart for each set of changes (flowOfRun's cache)", () => {
    const flow = calls();
    const edited = drive(flow, input, T0, [
      { at: T0, event: { type: 'calendars.changed', calendars: { office: OFFICE }, reason: 'x' } },
    ]);
    const retargeted = applyEvent(flow, edited.state, retarget({ fix: null }), T0 + HOUR).state;
    expect(retargeted.internal.calendars).toBe(edited.state.internal.calendars);
    expect(flowOfRun(flow, edited.state).nodes.fix).toHaveProperty('sla');
    expect(flowOfRun(flow, retargeted).nodes.fix).not.toHaveProperty('sla');
    expect(flowOfRun(flow, retargeted)).toBe(flowOfRun(flow, retargeted));
    // A state without the record (every state before this event existed) sees the flow itself.
    expect(flowOfRun(flow, edited.start.state)).toBe(flow);
  });
});

// Any sequence of holds, resumes, extensions, level timers and target changes on one task: at
// each target change the business time consumed stays what it was (and what the minute-by-minute
// oracle counts), the level stays, reached levels keep their deadlines, and the others are the
// ones a clock with that target and that consumption gets; replays agree.
type Op =
  | { kind: 'hold'; after: number }
  | { kind: 'resume'; after: number }
  | { kind: 'extend'; after: number; byMs: number }
  | { kind: 'retarget'; after: number; targetMs: number; warnAt: number; severeAt: number };

const arbitraryOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('hold' as const), after: arbitraryMinutes(600) }),
  fc.record({ kind: fc.constant('resume' as const), after: arbitraryMinutes(600) }),
  fc.record({
    kind: fc.constant('extend' as const),
    after: arbitraryMinutes(600),
    byMs: arbitraryMinutes(240).map((ms) => ms + MINUTE),
  }),
  fc.record({
    kind: fc.constant('retarget' as const),
    after: arbitraryMinutes(600),
    targetMs: arbitraryMinutes(900).map((ms) => ms + MINUTE),
    warnAt: fc.constantFrom(0.5, 0.8, 0.9),
    severeAt: fc.constantFrom(1.1, 1.3, 2),
  }),
);

const RANK = { ok: 0, warning: 1, overdue: 2, severe: 3 } as const;
const deadlines = (clock: SlaClock) => ({
  warning: clock.warningAt,
  overdue: clock.dueAt,
  severe: clock.severeAt,
});

describe('sla.targetsChanged, for any sequence', () => {
  it('never changes the time consumed or un-reaches a level, and re-targets the rest as a fresh clock would', () => {
    fc.assert(
      fc.property(arbitraryCalendar(T0), fc.array(arbitraryOp, { maxLength: 12 }), (office, ops) => {
        const flow: Flow = { ...calls(), calendars: { office } };
        const run = (check: boolean): RunState => {
          let state = startRun(flow, input, T0).state;
          let now = T0;
          const running: [number, number | undefined][] = [[T0, undefined]];
          const apply = (event: RunEvent, at: number): Step => {
            const step = applyEvent(flow, state, event, at);
            state = step.state;
            return step;
          };
          for (const op of ops) {
            const at = now + op.after;
            // Level timers due before the op fire first, in order.
            for (;;) {
              const due = Object.entries(state.internal.timers)
                .filter(([, timer]) => timer.kind === 'sla' && timer.at <= at)
                .sort(([, a], [, b]) => a.at - b.at)[0];
              if (due === undefined) break;
              apply(fired(due[0]), Math.max(now, due[1].at));
            }
            now = at;
            const was = state.tasks.t1!.sla!;
            if (op.kind === 'hold') {
              if (
                apply({ type: 'task.held', taskId: 't1', actor: ann, reason: 'r' }, at).rejected === undefined
              )
                running.at(-1)![1] = at;
            } else if (op.kind === 'resume') {
              if (apply({ type: 'task.resumed', taskId: 't1', actor: ann }, at).rejected === undefined)
                running.push([at, undefined]);
            } else if (op.kind === 'extend') {
              apply({ type: 'task.extensionGranted', taskId: 't1', actor: manager, extendByMs: op.byMs }, at);
            } else {
              const spec = target(op.targetMs, { warnAt: op.warnAt, severeAt: op.severeAt });
              const step = apply(retarget({ handle: spec }), at);
              expect(step.rejected).toBeUndefined();
              if (!check) continue;
              const clock = state.tasks.t1!.sla!;
              const counted = running.reduce(
                (sum, [a, b]) => sum + referenceBusinessTime(a, b ?? at, office),
                0,
              );
              expect(consumedMs(flow, clock, at)).toBe(consumedMs(flow, was, at));
              expect(consumedMs(flow, clock, at)).toBe(counted);
              expect(clock.level).toBe(was.level);
              expect(clock.targetMs).toBe(op.targetMs);
              expect(clock.extensions).toBe(was.extensions);
              if (clock.runningSince === undefined) {
                expect(clock.dueAt).toBeUndefined();
                continue;
              }
              const fresh = { warning: op.warnAt, overdue: 1, severe: op.severeAt };
              const total = effectiveTargetMs(clock);
              for (const level of ['warning', 'overdue', 'severe'] as const) {
                const expected =
                  RANK[level] <= RANK[was.level]
                    ? deadlines(was)[level]
                    : addBusinessTime(at, Math.max(0, Math.round(fresh[level] * total) - counted), office);
                expect(deadlines(clock)[level]).toBe(expected);
              }
            }
          }
          return state;
        };
        expect(run(true)).toEqual(run(false));
      }),
      { numRuns: 100 },
    );
  });
});
