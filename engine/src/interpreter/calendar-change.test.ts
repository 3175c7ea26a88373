import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarSpec, Flow, RunEvent } from '../types.js';
import { addBusinessTime } from '../calendar/index.js';
import { referenceBusinessTime } from '../calendar/slow-reference.js';
import { applyEvent, explainSla } from './index.js';
import { agent } from './testing/actors.js';
import { arbitraryCalendar, arbitraryMinutes, weekdays } from './testing/calendar-arbitraries.js';
import { drive, ofType } from './testing/drive.js';
import { flowBuilder, HOUR, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9); // Monday 09:00 UTC
const DAY = 24 * HOUR;
const ann = agent('ann', 'support');
const input = { ticketId: 'T', variables: {} };
const OFFICE: CalendarSpec = { timeZone: 'UTC', week: weekdays([['09:00', '17:00']]) };

/** Two tasks in a row, 10 h business each, and a 30 h business whole-ticket clock, on `office`. */
const twoStages = (): Flow =>
  flowBuilder('recalc')
    .start('s')
    .userTask('triage', { department: 'support', sla: sla(10 * HOUR) })
    .userTask('fix', { department: 'support', sla: sla(10 * HOUR) })
    .end('e')
    .path('s', 'triage', 'fix', 'e')
    .with({
      calendar: 'office',
      calendars: { office: OFFICE },
      ticketSla: sla(30 * HOUR, { severeAt: 1.5 }),
    })
    .build();

const changed = (office: CalendarSpec, reason = "calendar 'office' edited by admin"): RunEvent => ({
  type: 'calendars.changed',
  calendars: { office },
  reason,
});

describe('calendars.changed', () => {
  it('a holiday added moves the open deadlines past it, keeping the time counted and the original', () => {
    const flow = twoStages();
    // Monday 09:00 opened; at Monday 12:00 (3 h counted) Tuesday becomes a holiday.
    const { start, steps, state } = drive(flow, input, T0, [
      { at: T0 + 3 * HOUR, event: changed({ ...OFFICE, holidays: ['2026-01-06'] }) },
    ]);
    const original = start.state.tasks.t1!.sla!;
    expect(original.dueAt).toBe(T0 + DAY + 2 * HOUR); // Tuesday 11:00
    const moved = state.tasks.t1!.sla!;
    expect(moved.dueAt).toBe(T0 + 2 * DAY + 2 * HOUR); // Wednesday 11:00: Tuesday skipped
    expect(moved.consumedMs).toBe(3 * HOUR);
    expect(moved.recalculations).toEqual([
      {
        at: T0 + 3 * HOUR,
        fromDueAt: original.dueAt,
        toDueAt: moved.dueAt,
        reason: "calendar 'office' edited by admin",
      },
    ]);
    const effects = steps[0]!.effects;
    expect(ofType(effects, 'sla.recalculated')).toEqual([
      {
        type: 'sla.recalculated',
        taskId: 't1',
        fromDueAt: original.dueAt,
        toDueAt: moved.dueAt,
        reason: "calendar 'office' edited by admin",
        at: T0 + 3 * HOUR,
      },
      expect.objectContaining({ type: 'sla.recalculated', fromDueAt: start.state.ticketSla!.dueAt }),
    ]);
    // The pending level timers are re-armed at the new instants.
    expect(ofType(effects, 'timer.start')).toEqual([
      { type: 'timer.start', timerId: 'sla:t1:warning', at: moved.warningAt },
      { type: 'timer.start', timerId: 'sla:ticket:warning', at: state.ticketSla!.warningAt },
    ]);
    expect(explainSla(flow, moved, T0 + 3 * HOUR).recalculations).toEqual(moved.recalculations);
  });

  it('a later task counts on the edited calendar; a closed clock never changes', () => {
    const flow = twoStages();
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'task.completed', taskId: 't1', actor: ann } },
      { at: T0 + 2 * HOUR, event: changed({ ...OFFICE, holidays: ['2026-01-06'] }) },
      { at: T0 + 3 * HOUR, event: changed({ ...OFFICE, week: weekdays([['09:00', '13:00']]) }) },
    ]);
    expect(steps.map((s) => s.rejected)).toEqual([undefined, undefined, undefined]);
    expect(state.tasks.t1!.sla).toBe(steps[0]!.state.tasks.t1!.sla);
    // The second change replaces the first: Tuesday is a working day again, with 4 h a day.
    // t2 opened Monday 10:00 and counted 2 h (8-hour days) before 12:00; the 8 h left at 4 h a
    // day: Monday 12-13, Tuesday 09-13, Wednesday 09-12.
    expect(state.tasks.t2!.sla!.consumedMs).toBe(2 * HOUR);
    expect(state.tasks.t2!.sla!.dueAt).toBe(T0 + 2 * DAY + 3 * HOUR); // Wednesday 12:00
    expect(state.tasks.t2!.sla!.recalculations).toHaveLength(2);
  });

  it('a held clock moves nothing now and counts on the edited calendar once resumed', () => {
    const flow = twoStages();
    const holiday = { ...OFFICE, holidays: ['2026-01-06'] };
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'customer' } },
      { at: T0 + 2 * HOUR, event: changed(holiday) },
      { at: T0 + 3 * HOUR, event: { type: 'task.resumed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[1]!.effects, 'sla.recalculated').map((e) => e.taskId)).toEqual([undefined]);
    expect(state.tasks.t1!.sla!.dueAt).toBe(addBusinessTime(T0 + 3 * HOUR, 9 * HOUR, holiday));
  });

  it('the same calendars again move nothing', () => {
    const flow = twoStages();
    const edit = changed({ ...OFFICE, holidays: ['2026-01-06'] });
    const { steps } = drive(flow, input, T0, [
      { at: T0 + HOUR, event: edit },
      { at: T0 + 2 * HOUR, event: edit },
    ]);
    expect(ofType(steps[1]!.effects, 'sla.recalculated')).toEqual([]);
    expect(steps[1]!.effects).toEqual([]);
  });

  it('refuses, changing nothing, a calendar the flow does not use, an invalid spec or no reason', () => {
    const flow = twoStages();
    const { state } = drive(flow, input, T0, []);
    const refusal = (event: unknown) => applyEvent(flow, state, event as RunEvent, T0 + HOUR).rejected;
    expect(refusal({ type: 'calendars.changed', calendars: { berlin: OFFICE }, reason: 'x' })).toMatch(
      /^invalid: calendar 'berlin' is not used by flow 'recalc'/,
    );
    expect(
      refusal({
        type: 'calendars.changed',
        calendars: { office: { timeZone: 'Mars/Base', week: {} } },
        reason: 'x',
      }),
    ).toMatch(/^invalid: calendar 'office' is invalid: /);
    expect(refusal({ type: 'calendars.changed', calendars: { office: OFFICE }, reason: ' ' })).toMatch(
      /^invalid: calendars.changed needs a reason/,
    );
    expect(refusal({ type: 'calendars.changed', calendars: {}, reason: 'x' })).toMatch(/names no calendar/);
  });
});

// Any holidays and hours, changed at any minute, after any holds: what the clock counted before
// the change is the old calendar's business time (by the minute-by-minute oracle), the new
// deadline is what is left added on the new calendar, and the same events give the same state.
describe('calendars.changed, for any change', () => {
  const calendar = arbitraryCalendar(T0);

  it('keeps the counted time, re-targets the rest, and replays alike', () => {
    fc.assert(
      fc.property(
        calendar,
        calendar,
        fc.option(fc.tuple(arbitraryMinutes(600), arbitraryMinutes(600))),
        arbitraryMinutes(1_800),
        (before, after, hold, changeAfter) => {
          const flow: Flow = { ...twoStages(), calendars: { office: before } };
          const events: { at: number; event: RunEvent }[] = [];
          let at = T0;
          if (hold) {
            events.push({
              at: (at += hold[0]),
              event: { type: 'task.held', taskId: 't1', actor: ann, reason: 'r' },
            });
            events.push({ at: (at += hold[1]), event: { type: 'task.resumed', taskId: 't1', actor: ann } });
          }
          const changeAt = (at += changeAfter);
          events.push({ at: changeAt, event: changed(after) });
          const run = drive(flow, input, T0, events);
          expect(run.steps.map((s) => s.rejected).filter(Boolean)).toEqual([]);
          const clock = run.state.tasks.t1!.sla!;
          const running = hold
            ? [
                [T0, T0 + hold[0]],
                [T0 + hold[0] + hold[1], changeAt],
              ]
            : [[T0, changeAt]];
          const counted = running.reduce((sum, [a, b]) => sum + referenceBusinessTime(a!, b!, before), 0);
          expect(clock.consumedMs).toBe(counted);
          expect(clock.dueAt).toBe(addBusinessTime(changeAt, Math.max(0, 10 * HOUR - counted), after));
          const was = (run.steps.at(-2)?.state ?? run.start.state).tasks.t1!.sla!;
          const moved = ofType(run.steps.at(-1)!.effects, 'sla.recalculated').find((e) => e.taskId === 't1');
          const same =
            clock.warningAt === was.warningAt && clock.dueAt === was.dueAt && clock.severeAt === was.severeAt;
          if (same) expect(moved).toBeUndefined();
          else expect(moved).toMatchObject({ fromDueAt: was.dueAt, toDueAt: clock.dueAt });
          expect(drive(flow, input, T0, events).state).toEqual(run.state);
        },
      ),
      { numRuns: 200 },
    );
  });
});
