// calendars.changed with departmentCalendars: a department's hours assigned, changed or cleared
// while a ticket runs. Its open clocks held by that department switch calendars at once (time
// counted stays as the old calendar measured it, the rest on the new one), the ticket's clock too
// while the department holds the ticket; closed clocks never change, and a repeat moves nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarSpec, Flow, RunEvent } from '../types.js';
import { addBusinessTime } from '../calendar/index.js';
import { referenceAddBusinessTime, referenceBusinessTime } from '../calendar/slow-reference.js';
import { applyEvent, flowOfRun } from './index.js';
import { agent } from './testing/actors.js';
import { arbitraryCalendar, arbitraryMinutes, weekdays } from './testing/calendar-arbitraries.js';
import { drive, ofType, type Timed } from './testing/drive.js';
import { flowBuilder, HOUR, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const DAY = 24 * HOUR;
const ann = agent('ann', 'support');
const input = { ticketId: 'T', variables: {} };
const OFFICE: CalendarSpec = { timeZone: 'UTC', week: weekdays([['09:00', '17:00']]) };
const LATE: CalendarSpec = { timeZone: 'UTC', week: weekdays([['13:00', '17:00']]) };

/** Triage in support, then a refund in refunds, 4 h each, and a 16 h ticket, on the office's hours. */
const handoff = (): Flow =>
  flowBuilder('handoff')
    .start('s')
    .userTask('triage', { department: 'support', sla: sla(4 * HOUR) })
    .userTask('refund', { department: 'refunds', sla: sla(4 * HOUR) })
    .end('e')
    .path('s', 'triage', 'refund', 'e')
    .with({ calendar: 'office', calendars: { office: OFFICE }, ticketSla: sla(16 * HOUR) })
    .build();
/** Support keeping the late hours from the start (the directory's, when the ticket started). */
const lateSupport = (): Flow => {
  const flow = handoff();
  return { ...flow, calendars: { ...flow.calendars, late: LATE }, departmentCalendars: { support: 'late' } };
};

const assign = (department: string, calendar: string, spec?: CalendarSpec): RunEvent => ({
  type: 'calendars.changed',
  departmentCalendars: { [department]: calendar },
  ...(spec === undefined ? {} : { calendars: { [calendar]: spec } }),
  reason: `department '${department}' now keeps calendar '${calendar}'`,
});
const clear = (department: string): RunEvent => ({
  type: 'calendars.changed',
  departmentCalendars: { [department]: null },
  reason: `department '${department}' no longer keeps its own calendar`,
});
const complete = (taskId: string): RunEvent => ({ type: 'task.completed', taskId, actor: ann });

describe('calendars.changed for a department', () => {
  it("assigned mid-clock: the department's open clock and the ticket's switch, keeping the time counted", () => {
    const flow = handoff();
    const at = T0 + HOUR; // an hour of triage counted on the office's hours
    const { start, steps, state } = drive(flow, input, T0, [{ at, event: assign('support', 'late', LATE) }]);
    expect(steps[0]!.rejected).toBeUndefined();
    const triage = state.tasks.t1!.sla!;
    expect(triage.calendar).toBe('late');
    expect(triage.consumedMs).toBe(referenceBusinessTime(T0, at, OFFICE));
    // 3 h left on the late hours from Monday 10:00: 13:00-16:00, by the minute-by-minute oracle.
    expect(triage.dueAt).toBe(referenceAddBusinessTime(at, 3 * HOUR, LATE, 7 * DAY));
    expect(triage.dueAt).toBe(T0 + 7 * HOUR);
    expect(triage.calendarSince).toEqual([
      { from: T0, calendar: 'office' },
      { from: at, calendar: 'late' },
    ]);
    const ticket = state.ticketSla!;
    expect(ticket.calendar).toBe('late');
    expect(ticket.dueAt).toBe(referenceAddBusinessTime(at, 15 * HOUR, LATE, 7 * DAY));

    const reason = "department 'support' now keeps calendar 'late'";
    const effects = steps[0]!.effects;
    expect(ofType(effects, 'sla.recalculated')).toEqual([
      {
        type: 'sla.recalculated',
        taskId: 't1',
        fromDueAt: start.state.tasks.t1!.sla!.dueAt,
        toDueAt: triage.dueAt,
        reason,
        at,
      },
      {
        type: 'sla.recalculated',
        fromDueAt: start.state.ticketSla!.dueAt,
        toDueAt: ticket.dueAt,
        reason,
        at,
      },
    ]);
    expect(ofType(effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at: triage.warningAt },
      { type: 'timer.start', timerId: 'sla:ticket:warning', at: ticket.warningAt },
    ]);
    // The run counts on the new calendar from now on; the flow as compiled is untouched.
    expect(flowOfRun(flow, state).departmentCalendars).toEqual({ support: 'late' });
    expect(flowOfRun(flow, state).calendars.late).toEqual(LATE);
    expect(flow.departmentCalendars).toBeUndefined();
  });

  it("a task opened afterwards counts on its department's new hours; the ticket's clock follows the ticket", () => {
    const flow = handoff();
    const { state } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: assign('refunds', 'late', LATE) },
      { at: T0 + 2 * HOUR, event: complete('t1') },
    ]);
    const refund = state.tasks.t2!.sla!;
    expect(refund.calendar).toBe('late');
    expect(refund.dueAt).toBe(addBusinessTime(T0 + 2 * HOUR, 4 * HOUR, LATE));
    expect(state.ticketSla!.calendar).toBe('late');
    expect(state.ticketSla!.consumedMs).toBe(2 * HOUR); // counted on the office's hours
  });

  it("cleared: the department's clocks go back to the flow's calendar", () => {
    const flow = lateSupport();
    const at = T0 + 5 * HOUR; // Monday 14:00: an hour counted on the late hours
    const { steps, state } = drive(flow, input, T0, [{ at, event: clear('support') }]);
    expect(steps[0]!.rejected).toBeUndefined();
    const triage = state.tasks.t1!.sla!;
    expect(triage.calendar).toBe('office');
    expect(triage.consumedMs).toBe(HOUR);
    expect(triage.dueAt).toBe(referenceAddBusinessTime(at, 3 * HOUR, OFFICE, 7 * DAY)); // 17:00
    expect(state.ticketSla!.calendar).toBe('office');
    expect(state.ticketSla!.dueAt).toBe(referenceAddBusinessTime(at, 15 * HOUR, OFFICE, 7 * DAY));
    expect(ofType(steps[0]!.effects, 'sla.recalculated').map((e) => e.reason)).toEqual([
      "department 'support' no longer keeps its own calendar",
      "department 'support' no longer keeps its own calendar",
    ]);
    expect(flowOfRun(flow, state).departmentCalendars).toEqual({});
  });

  it('a closed clock never changes; a department not holding the ticket leaves its clock alone', () => {
    const flow = lateSupport();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 5 * HOUR, event: complete('t1') },
      { at: T0 + 6 * HOUR, event: assign('support', 'office') },
    ]);
    expect(steps[1]!.rejected).toBeUndefined();
    expect(state.tasks.t1!.sla).toBe(steps[0]!.state.tasks.t1!.sla);
    expect(state.tasks.t2!.sla).toBe(steps[0]!.state.tasks.t2!.sla);
    expect(state.ticketSla).toBe(steps[0]!.state.ticketSla);
    expect(steps[1]!.effects).toEqual([]);
  });

  it('the same change again moves nothing', () => {
    const change = assign('support', 'late', LATE);
    const { steps } = drive(handoff(), input, T0, [
      { at: T0 + HOUR, event: change },
      { at: T0 + 2 * HOUR, event: change },
    ]);
    expect(ofType(steps[0]!.effects, 'sla.recalculated')).toHaveLength(2);
    expect(steps[1]!.rejected).toBeUndefined();
    expect(steps[1]!.effects).toEqual([]);
  });

  it('a held clock switches without moving, and counts on the new hours once resumed', () => {
    const { steps, state } = drive(handoff(), input, T0, [
      { at: T0 + HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + 2 * HOUR, event: assign('support', 'late', LATE) },
      { at: T0 + 3 * HOUR, event: { type: 'task.resumed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[1]!.effects, 'sla.recalculated').map((e) => e.taskId)).toEqual([undefined]);
    expect(steps[1]!.state.tasks.t1!.sla!.calendar).toBe('late');
    expect(state.tasks.t1!.sla!.dueAt).toBe(addBusinessTime(T0 + 3 * HOUR, 3 * HOUR, LATE));
  });

  it('refuses, changing nothing, a department not in the flow, a calendar without its spec, or nothing named', () => {
    const flow = handoff();
    const { state } = drive(flow, input, T0, []);
    const refusal = (event: unknown) => {
      const step = applyEvent(flow, state, event as RunEvent, T0 + HOUR);
      expect(step.state).toBe(state);
      return step.rejected;
    };
    expect(refusal(assign('billing', 'office'))).toBe(
      "invalid: department 'billing' is not in flow 'handoff'",
    );
    expect(refusal(assign('support', 'late'))).toMatch(
      /^invalid: calendar 'late' of department 'support' is new to the run: calendars.changed must carry its spec/,
    );
    expect(refusal({ ...assign('support', 'office'), calendars: { late: LATE } })).toMatch(
      /^invalid: calendar 'late' is not used by flow 'handoff'/,
    );
    expect(refusal({ type: 'calendars.changed', departmentCalendars: {}, reason: 'x' })).toMatch(
      /names no calendar and no department calendar/,
    );
    expect(refusal({ type: 'calendars.changed', reason: 'x' })).toMatch(/names no calendar/);
    expect(refusal({ type: 'calendars.changed', departmentCalendars: ['support'], reason: 'x' })).toMatch(
      /departmentCalendars must be an object/,
    );
    expect(refusal({ type: 'calendars.changed', departmentCalendars: { support: 7 }, reason: 'x' })).toMatch(
      /department 'support' needs a calendar key, or null/,
    );
  });

  it("keeps the run's view apart for each pair of changes (flowOfRun's cache)", () => {
    const flow = handoff();
    const edited = drive(flow, input, T0, [
      { at: T0, event: { type: 'calendars.changed', calendars: { office: LATE }, reason: 'x' } },
    ]);
    const assigned = applyEvent(flow, edited.state, clear('support'), T0 + HOUR).state;
    // The second change shares the first's calendar record: the views still differ.
    expect(assigned.internal.calendars).toBe(edited.state.internal.calendars);
    expect(flowOfRun(flow, edited.state).departmentCalendars).toBeUndefined();
    expect(flowOfRun(flow, assigned).departmentCalendars).toEqual({});
    expect(flowOfRun(flow, assigned)).toBe(flowOfRun(flow, assigned));
    expect(flowOfRun(flow, edited.start.state)).toBe(flow);
  });
});

// Any old and new hours, switched at any minute, after any hold: the switched clock has counted
// exactly the old calendar's business time (by the minute-by-minute oracle), the switch itself
// adds or removes none, the deadline is what is left on the new calendar, and replays agree.
describe('calendars.changed for a department, for any change', () => {
  it('keeps the business time consumed, re-targets the rest on the new hours, and replays alike', () => {
    fc.assert(
      fc.property(
        arbitraryCalendar(T0),
        arbitraryCalendar(T0),
        fc.option(fc.tuple(arbitraryMinutes(600), arbitraryMinutes(600))),
        arbitraryMinutes(1_800),
        (before, after, hold, changeAfter) => {
          const flow: Flow = { ...handoff(), calendars: { office: before } };
          const events: Timed[] = [];
          let at = T0;
          const running: [number, number][] = [];
          if (hold) {
            running.push([T0, (at += hold[0])]);
            events.push({ at, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'r' } });
            events.push({ at: (at += hold[1]), event: { type: 'task.resumed', taskId: 't1', actor: ann } });
          }
          const changeAt = (at += changeAfter);
          running.push([hold ? T0 + hold[0] + hold[1] : T0, changeAt]);
          events.push({ at: changeAt, event: assign('support', 'late', after) });
          const run = drive(flow, input, T0, events);
          expect(run.steps.map((s) => s.rejected).filter(Boolean)).toEqual([]);
          const was = (run.steps.at(-2)?.state ?? run.start.state).tasks.t1!.sla!;
          const clock = run.state.tasks.t1!.sla!;
          const counted = running.reduce((sum, [a, b]) => sum + referenceBusinessTime(a, b, before), 0);
          expect(clock.consumedMs).toBe(counted);
          // The switch neither adds nor removes business time: the clock it replaced, counted on
          // to the switch on the old hours, says the same.
          const since = was.runningSince ?? changeAt;
          expect(clock.consumedMs).toBe(was.consumedMs + referenceBusinessTime(since, changeAt, before));
          expect(clock.calendar).toBe('late');
          expect(clock.dueAt).toBe(addBusinessTime(changeAt, Math.max(0, 4 * HOUR - counted), after));
          expect(drive(flow, input, T0, events).state).toEqual(run.state);
        },
      ),
      { numRuns: 200 },
    );
  });
});
