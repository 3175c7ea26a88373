// Timing-rule clocks: worked examples, and laws over random event sequences against an oracle
// that walks the same events by hand and counts business time minute by minute
// (calendar/slow-reference.ts), sharing no code with the fold.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceBusinessTime } from '../calendar/slow-reference.js';
import type { CalendarSpec } from '../types.js';
import { measureRuleClock, ruleApplies, type ClockFact, type MeasureContext } from './measure.js';
import { timingRuleProblems, type TimingRule } from './rule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MONDAY = Date.parse('2026-03-02T00:00:00Z');

const CALENDARS: Record<string, CalendarSpec> = {
  berlin: {
    timeZone: 'Europe/Berlin',
    week: {
      mon: [['09:00', '17:00']],
      tue: [['09:00', '17:00']],
      wed: [['09:00', '17:00']],
      thu: [['09:00', '17:00']],
      fri: [['09:00', '17:00']],
    },
  },
  shanghai: {
    timeZone: 'Asia/Shanghai',
    week: {
      mon: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      tue: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      wed: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      thu: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      fri: [
        ['09:00', '12:00'],
        ['13:00', '18:00'],
      ],
      sat: [['10:00', '14:00']],
    },
    holidays: ['2026-03-04'],
  },
};

const resolution: TimingRule = {
  key: 'resolution',
  name: 'Resolution',
  start: [{ on: 'ticket.created' }],
  pause: [{ on: 'task.held' }],
  resume: [{ on: 'task.resumed' }, { on: 'customer.message' }],
  stop: [{ on: 'ticket.done' }, { on: 'ticket.cancelled' }],
  targetsMs: { urgent: 2 * HOUR, high: 4 * HOUR, medium: 8 * HOUR },
  calendar: 'berlin',
  followOwner: true,
  warnAt: 0.75,
  severeAt: 1.5,
};

const context = (now: number, overrides: Partial<MeasureContext> = {}): MeasureContext => ({
  priority: 'high',
  calendars: CALENDARS,
  departmentCalendars: { 'after-sales': 'shanghai' },
  now,
  ...overrides,
});

// Monday 2 March 2026, Berlin is UTC+1: 09:00 local is 08:00Z.
const at = (hoursAfterMidnightUtc: number) => MONDAY + hoursAfterMidnightUtc * HOUR;

describe('a timing rule clock', () => {
  it('waits for its start, then counts business hours on its calendar', () => {
    const facts: ClockFact[] = [{ type: 'ticket.created', at: at(7) }];
    expect(measureRuleClock(resolution, [], context(at(9))).state).toBe('waiting');
    const clock = measureRuleClock(resolution, facts, context(at(10)));
    // Created 07:00Z (08:00 Berlin), counting from 09:00 Berlin = 08:00Z: 2 h by 10:00Z.
    expect(clock.state).toBe('running');
    expect(clock.explanation?.consumedMs).toBe(2 * HOUR);
    expect(clock.explanation?.dueAt).toBe(at(12));
    expect(clock.explanation?.ledger.map((s) => s.kind)).toEqual(['closed', 'counting']);
  });

  it('does not count a hold, and names its reason in the ledger', () => {
    const facts: ClockFact[] = [
      { type: 'ticket.created', at: at(8) },
      { type: 'task.held', at: at(9), taskId: 't1', reason: 'waiting for the receipt' },
      { type: 'customer.message', at: at(10) },
    ];
    const clock = measureRuleClock(resolution, facts, context(at(11)));
    expect(clock.explanation?.consumedMs).toBe(2 * HOUR);
    expect(clock.explanation?.pauses).toEqual([
      { from: at(9), to: at(10), reason: 'waiting for the receipt' },
    ]);
    expect(clock.explanation?.ledger.find((s) => s.kind === 'paused')?.reason).toBe(
      'waiting for the receipt',
    );
  });

  it('switches to the calendar of the department holding the ticket', () => {
    const facts: ClockFact[] = [
      { type: 'ticket.created', at: at(8) },
      { type: 'task.opened', at: at(9), taskId: 't1', department: 'after-sales' },
    ];
    // One hour in Berlin (08:00Z-09:00Z); 09:00Z is 17:00 in Shanghai, where after-sales works
    // one more hour and then closes for the day.
    const clock = measureRuleClock(resolution, facts, context(at(12)));
    expect(clock.explanation?.consumedMs).toBe(2 * HOUR);
    expect(clock.explanation?.ledger.slice(-2)).toEqual([
      { kind: 'counting', from: at(9), to: at(10), calendar: 'shanghai' },
      { kind: 'closed', from: at(10), to: at(12), calendar: 'shanghai' },
    ]);
  });

  it('reaches its levels as their deadlines pass, and a stop after the target is not met', () => {
    const facts: ClockFact[] = [
      { type: 'ticket.created', at: at(8) },
      { type: 'ticket.done', at: at(13) },
    ];
    const clock = measureRuleClock(resolution, facts, context(at(20)));
    expect(clock).toMatchObject({ state: 'stopped', level: 'overdue', met: false, stoppedAt: at(13) });
    expect(clock.explanation?.consumedMs).toBe(5 * HOUR);
    // While it runs, the levels ahead fall due where the counted time will reach them.
    expect(measureRuleClock(resolution, [facts[0]!], context(at(9))).pendingLevels).toEqual([
      { level: 'warning', at: at(11) },
      { level: 'overdue', at: at(12) },
      { level: 'severe', at: at(14) },
    ]);
    expect(
      measureRuleClock(resolution, [facts[0]!], context(at(11.5))).pendingLevels.map((p) => p.level),
    ).toEqual(['overdue', 'severe']);
    expect(clock.pendingLevels).toEqual([]);
    const early = measureRuleClock(
      resolution,
      [facts[0]!, { type: 'ticket.done', at: at(10) }],
      context(at(20)),
    );
    expect(early).toMatchObject({ level: 'ok', met: true });
  });

  it('starts a new cycle on a reopen when its start names one, keeping the cycle that stopped', () => {
    const facts: ClockFact[] = [
      { type: 'ticket.created', at: at(8) },
      { type: 'ticket.done', at: at(13) },
      { type: 'ticket.reopened', at: at(14) },
      { type: 'ticket.done', at: at(15) },
      { type: 'ticket.reopened', at: at(15.5) },
    ];
    const cycles = {
      ...resolution,
      start: [{ on: 'ticket.created' as const }, { on: 'ticket.reopened' as const }],
    };
    const clock = measureRuleClock(cycles, facts, context(at(16)));
    expect(clock).toMatchObject({ cycle: 3, state: 'running', startedAt: at(15.5), level: 'ok' });
    expect(clock.explanation?.consumedMs).toBe(0.5 * HOUR);
    expect(
      clock.earlier.map((c) => [c.cycle, c.startedAt, c.stoppedAt, c.met, c.explanation?.consumedMs]),
    ).toEqual([
      [1, at(8), at(13), false, 5 * HOUR],
      [2, at(14), at(15), true, HOUR],
    ]);
    // A rule whose start does not name the reopen stays stopped, one cycle.
    const once = measureRuleClock(resolution, facts, context(at(16)));
    expect(once).toMatchObject({ cycle: 1, state: 'stopped', stoppedAt: at(13), earlier: [] });
  });

  it('starts and stops on the statuses its status triggers name, and on no other', () => {
    const rule: TimingRule = {
      ...resolution,
      calendar: undefined,
      start: [{ on: 'status.changed', status: 'in_progress' }],
      stop: [{ on: 'status.changed', status: 'done' }],
    };
    delete rule.calendar;
    const facts: ClockFact[] = [
      { type: 'ticket.created', at: at(8) },
      { type: 'status.changed', at: at(9), status: 'pending' },
      { type: 'status.changed', at: at(10), status: 'in_progress' },
      { type: 'status.changed', at: at(11), status: 'pending' },
      { type: 'status.changed', at: at(12.5), status: 'done' },
    ];
    expect(measureRuleClock(rule, facts, context(at(14)))).toMatchObject({
      state: 'stopped',
      startedAt: at(10),
      stoppedAt: at(12.5),
      explanation: { consumedMs: 2.5 * HOUR },
    });
    const problems = (triggers: unknown[]) =>
      timingRuleProblems(
        { ...resolution, start: triggers },
        { calendars: Object.keys(CALENDARS), departments: [] },
      ).map((problem) => [problem.field, problem.message]);
    expect(problems([{ on: 'status.changed' }])).toEqual([
      ['start.0.status', expect.stringMatching(/must name the status .*in_progress/)],
    ]);
    expect(problems([{ on: 'status.changed', status: 'replied' }])).toEqual([
      ['start.0.status', expect.stringMatching(/must name the status/)],
    ]);
    expect(problems([{ on: 'ticket.created', status: 'done' }])).toEqual([
      ['start.0.status', 'only status.changed names a status, not ticket.created'],
    ]);
  });

  it('takes the target of the ticket priority and applies only where its type and filter say', () => {
    const ticket = {
      typeId: 'refund',
      priority: 'low' as const,
      category: 'refund',
      service: null,
      fields: { amount: 120 },
    };
    expect(ruleApplies(resolution, ticket)).toEqual({ applies: false });
    const filtered = { ...resolution, typeIds: ['refund'], filter: 'amount > 100' };
    expect(ruleApplies(filtered, { ...ticket, priority: 'high' })).toEqual({ applies: true });
    expect(ruleApplies(filtered, { ...ticket, priority: 'high', fields: { amount: 50 } })).toEqual({
      applies: false,
    });
    expect(ruleApplies(filtered, { ...ticket, priority: 'high', typeId: 'complaint' })).toEqual({
      applies: false,
    });
    expect(ruleApplies(filtered, { ...ticket, priority: 'high', fields: {} })).toMatchObject({
      applies: false,
      error: expect.stringContaining('null'),
    });
  });
});

describe('a later rule version applied to a running ticket', () => {
  const shorter = { ...resolution, targetsMs: { high: 2 * HOUR } };
  const applied = (at: number, rule: TimingRule = shorter) => [{ at, rule, reason: 'version 2 was applied' }];
  const created: ClockFact[] = [{ type: 'ticket.created', at: at(8) }];

  it('keeps the time counted, takes the new target from then on, and records the move', () => {
    const clock = measureRuleClock(resolution, created, context(at(10.5)), applied(at(10)));
    // Two hours counted by 10:00Z, against a target now of two hours: overdue at once.
    expect(clock).toMatchObject({ state: 'running', targetMs: 2 * HOUR, level: 'overdue' });
    expect(clock.explanation?.consumedMs).toBe(2.5 * HOUR);
    expect(clock.pendingLevels).toEqual([{ level: 'severe', at: at(11) }]);
    expect(clock.explanation?.recalculations).toEqual([
      {
        at: at(10),
        fromDueAt: at(12),
        toDueAt: at(10),
        reason: 'version 2 was applied',
        targetMs: { from: 4 * HOUR, to: 2 * HOUR },
      },
    ]);
  });

  it('never changes a clock that stopped, and a version that does not time the priority changes nothing', () => {
    const done: ClockFact[] = [...created, { type: 'ticket.done', at: at(9) }];
    const stopped = measureRuleClock(resolution, done, context(at(11)), applied(at(10)));
    expect(stopped).toMatchObject({ state: 'stopped', targetMs: 4 * HOUR, met: true });
    expect(stopped.explanation?.recalculations).toEqual([]);
    const untimed = { ...resolution, targetsMs: { low: HOUR } };
    expect(measureRuleClock(resolution, created, context(at(11)), applied(at(10), untimed))).toEqual(
      measureRuleClock(resolution, created, context(at(11))),
    );
  });

  it('starts a clock that had not started on the version in force', () => {
    const later: ClockFact[] = [
      ...created,
      { type: 'task.opened', at: at(10), taskId: 't1', department: 'refunds' },
    ];
    const onOpen = { ...resolution, start: [{ on: 'task.opened' as const }] };
    const clock = measureRuleClock(
      onOpen,
      later,
      context(at(11)),
      applied(at(9), { ...shorter, start: onOpen.start }),
    );
    expect(clock).toMatchObject({ startedAt: at(10), targetMs: 2 * HOUR });
    expect(clock.explanation?.recalculations).toEqual([]);
  });
});

describe('timing rule problems', () => {
  const known = { calendars: ['berlin'], departments: ['after-sales'] };
  it('accepts a whole rule', () => {
    expect(timingRuleProblems(resolution, { ...known, calendars: ['berlin', 'shanghai'] })).toEqual([]);
  });
  it('names each wrong field', () => {
    const fields = timingRuleProblems(
      {
        ...resolution,
        key: 'Bad Key',
        filter: 'amount >',
        start: [],
        pause: [{ on: 'ticket.created', department: 'after-sales' }],
        resume: [{ on: 'lunch' }],
        stop: [{ on: 'task.closed', department: 'nowhere' }],
        targetsMs: { high: 5, someday: HOUR },
        calendar: 'mars',
        warnAt: 1.2,
      },
      known,
    ).map((problem) => problem.field);
    expect(fields).toEqual([
      'key',
      'filter',
      'pause.0.department',
      'resume.0.on',
      'stop.0.department',
      'start',
      'targetsMs.high',
      'targetsMs.someday',
      'calendar',
      'warnAt',
    ]);
  });
});

// ---- laws ----------------------------------------------------------------------------------

type Running = { from: number; to: number; calendar: string | undefined };

type OracleCycle = { started: number | undefined; stopped: number | undefined; counted: number };

/**
 * The oracle: which stretches the clock ran, on which calendar, walking the facts by hand; the
 * current cycle, and the cycles a reopen ended before it.
 */
function oracle(rule: TimingRule, facts: ClockFact[], ctx: MeasureContext) {
  const earlier: OracleCycle[] = [];
  let started: number | undefined;
  let stopped: number | undefined;
  let runningSince: number | undefined;
  const open: { taskId: string; department?: string }[] = [];
  const calendarNow = () => {
    const holding = [...open].reverse().find((task) => task.department !== undefined)?.department;
    const own = rule.followOwner && holding !== undefined ? ctx.departmentCalendars[holding] : undefined;
    return own ?? rule.calendar;
  };
  let stretches: Running[] = [];
  let calendar: string | undefined;
  const countedOf = (list: Running[]) =>
    list.reduce(
      (sum, s) =>
        sum +
        (s.calendar === undefined
          ? s.to - s.from
          : referenceBusinessTime(s.from, s.to, ctx.calendars[s.calendar]!)),
      0,
    );
  const close = (t: number) => {
    if (runningSince !== undefined && t > runningSince)
      stretches.push({ from: runningSince, to: t, calendar });
  };
  const fits = (list: TimingRule['start'], fact: ClockFact) =>
    list.some(
      (tr) =>
        tr.on === fact.type &&
        (tr.department === undefined || tr.department === fact.department) &&
        (tr.status === undefined || tr.status === fact.status),
    );
  for (const fact of facts) {
    if (fact.type === 'task.opened') open.push({ taskId: fact.taskId!, department: fact.department });
    if (fact.type === 'task.closed')
      open.splice(
        open.findIndex((task) => task.taskId === fact.taskId),
        1,
      );
    if (stopped !== undefined) {
      if (fact.type !== 'ticket.reopened' || !fits(rule.start, fact)) continue;
      earlier.push({ started, stopped, counted: countedOf(stretches) });
      [started, stopped, stretches] = [undefined, undefined, []];
    }
    if (started === undefined) {
      if (fits(rule.start, fact)) {
        started = fact.at;
        runningSince = fact.at;
        calendar = calendarNow();
      }
      continue;
    }
    if (fits(rule.stop, fact)) {
      close(fact.at);
      stopped = fact.at;
      runningSince = undefined;
      continue;
    }
    if (runningSince !== undefined && fits(rule.pause, fact)) {
      close(fact.at);
      runningSince = undefined;
    } else if (runningSince === undefined && fits(rule.resume, fact)) runningSince = fact.at;
    const next = calendarNow();
    if (next !== calendar) {
      close(fact.at);
      if (runningSince !== undefined) runningSince = fact.at;
      calendar = next;
    }
  }
  if (started !== undefined && stopped === undefined) close(ctx.now);
  return { started, stopped, counted: countedOf(stretches), earlier };
}

const factsArb = fc
  .array(
    fc.record({
      type: fc.constantFrom<ClockFact['type']>(
        'task.opened',
        'task.closed',
        'task.held',
        'task.resumed',
        'customer.message',
        'agent.reply',
        'ticket.done',
        'ticket.reopened',
        'status.changed',
      ),
      gapMinutes: fc.integer({ min: 0, max: 16 * 60 }),
      department: fc.constantFrom('after-sales', 'refunds', undefined),
      status: fc.constantFrom('in_progress', 'pending'),
    }),
    { maxLength: 14 },
  )
  .map((raw) => {
    let t = MONDAY + 7 * HOUR;
    let tasks = 0;
    const open: string[] = [];
    const facts: ClockFact[] = [{ type: 'ticket.created', at: t }];
    for (const step of raw) {
      t += step.gapMinutes * MINUTE;
      if (step.type === 'task.opened') {
        const taskId = `t${++tasks}`;
        open.push(taskId);
        facts.push({
          type: step.type,
          at: t,
          taskId,
          ...(step.department ? { department: step.department } : {}),
        });
      } else if (step.type === 'task.closed' || step.type === 'task.held' || step.type === 'task.resumed') {
        const taskId = open[0];
        if (taskId === undefined) continue;
        if (step.type === 'task.closed') open.shift();
        facts.push({
          type: step.type,
          at: t,
          taskId,
          ...(step.type === 'task.held' ? { reason: 'waiting for the customer' } : {}),
        });
      } else if (step.type === 'status.changed') facts.push({ type: step.type, at: t, status: step.status });
      else facts.push({ type: step.type, at: t });
    }
    return { facts, end: t };
  });

const ruleArb = fc.record({
  start: fc.constantFrom<TimingRule['start']>(
    [{ on: 'ticket.created' }],
    [{ on: 'task.opened' }],
    [{ on: 'task.opened', department: 'refunds' }],
    [{ on: 'ticket.created' }, { on: 'ticket.reopened' }],
    [{ on: 'status.changed', status: 'in_progress' }],
  ),
  stop: fc.constantFrom<TimingRule['stop']>(
    [{ on: 'ticket.done' }],
    [{ on: 'agent.reply' }],
    [{ on: 'task.closed' }],
    [{ on: 'status.changed', status: 'pending' }],
  ),
  calendar: fc.constantFrom('berlin', 'shanghai', undefined),
  followOwner: fc.boolean(),
  targetMs: fc.integer({ min: 1, max: 24 }).map((hours) => hours * HOUR),
});

const lawArb = fc.record({
  picked: ruleArb,
  history: factsArb,
  afterEndMinutes: fc.integer({ min: 0, max: 48 * 60 }),
});

describe('timing rule clock laws', () => {
  it('the ledger runs end to end from the start, and counts what the minute-by-minute oracle counts', () => {
    fc.assert(
      fc.property(lawArb, ({ picked, history, afterEndMinutes }) => {
        const rule: TimingRule = {
          ...resolution,
          start: picked.start,
          stop: picked.stop,
          followOwner: picked.followOwner,
          targetsMs: { high: picked.targetMs },
          ...(picked.calendar === undefined ? { calendar: undefined } : { calendar: picked.calendar }),
        };
        if (picked.calendar === undefined) delete rule.calendar;
        const ctx = context(history.end + afterEndMinutes * MINUTE, {
          departmentCalendars: { 'after-sales': 'shanghai', refunds: 'berlin' },
        });
        const clock = measureRuleClock(rule, history.facts, ctx);
        const expected = oracle(rule, history.facts, ctx);
        // Each reopen the rule starts on begins a cycle; the stopped ones keep what they counted.
        expect(clock.cycle).toBe(expected.earlier.length + 1);
        expect(
          clock.earlier.map((cycle) => ({
            started: cycle.startedAt,
            stopped: cycle.stoppedAt,
            counted: cycle.explanation!.consumedMs,
            met: cycle.met,
          })),
        ).toEqual(expected.earlier.map((cycle) => ({ ...cycle, met: cycle.counted <= picked.targetMs })));
        if (expected.started === undefined) {
          expect(clock.state).toBe('waiting');
          return;
        }
        const explanation = clock.explanation!;
        const end = expected.stopped ?? ctx.now;
        expect(clock.startedAt).toBe(expected.started);
        expect(clock.stoppedAt).toBe(expected.stopped);
        // End to end: each stretch starts where the last ended, and together they span the clock's life.
        let cursor = expected.started;
        for (const segment of explanation.ledger) {
          expect(segment.from).toBe(cursor);
          expect(segment.to).toBeGreaterThan(segment.from);
          cursor = segment.to;
        }
        expect(cursor).toBe(end > expected.started ? end : expected.started);
        const counting = explanation.ledger
          .filter((s) => s.kind === 'counting')
          .reduce((sum, s) => sum + s.to - s.from, 0);
        expect(explanation.consumedMs).toBe(expected.counted);
        expect(counting).toBe(expected.counted);
        // The level is the highest whose share of the target the counted time reached.
        const reachedLevel =
          expected.counted >= Math.round(rule.severeAt * picked.targetMs)
            ? 'severe'
            : expected.counted >= picked.targetMs
              ? 'overdue'
              : expected.counted >= Math.round(rule.warnAt * picked.targetMs)
                ? 'warning'
                : 'ok';
        expect(clock.level).toBe(reachedLevel);
        if (expected.stopped !== undefined) expect(clock.met).toBe(expected.counted <= picked.targetMs);
        // Levels ahead are pending only while it runs, each after now.
        if (clock.state !== 'running') expect(clock.pendingLevels).toEqual([]);
        for (const pending of clock.pendingLevels) expect(pending.at).toBeGreaterThan(ctx.now);
        // The same events give the same ledger.
        expect(measureRuleClock(rule, history.facts, ctx)).toEqual(clock);
      }),
      { numRuns: 150 },
    );
  });
});
