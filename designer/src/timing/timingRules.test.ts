import { describe, expect, it } from 'vitest';
import type { TicketClock, TimingRuleVersion } from '../api/types.js';
import {
  clockSummary,
  newRuleForm,
  ruleBody,
  ruleForm,
  ruleFormProblems,
  triggersLabel,
} from './timingRules.js';

const HOUR = 3_600_000;
const known = { calendars: ['office'], departments: ['refunds'] };
const version: TimingRuleVersion = {
  key: 'first-response',
  version: 3,
  active: true,
  createdBy: null,
  createdAt: '2026-03-16T09:00:00Z',
  rule: {
    name: 'First response',
    typeIds: ['refund-request'],
    filter: 'category = "refund"',
    start: [{ on: 'ticket.created' }],
    pause: [{ on: 'task.held', department: 'refunds' }],
    resume: [{ on: 'customer.message' }],
    stop: [{ on: 'agent.reply' }],
    targetsMs: { urgent: HOUR / 2, high: HOUR },
    calendar: 'office',
    followOwner: true,
    warnAt: 0.75,
    severeAt: 1.5,
  },
};

describe('the timing rule form', () => {
  it('gives back the rule it was filled from', () => {
    expect(ruleBody(ruleForm(version))).toEqual({ rule: version.rule, active: true });
  });

  it('sends hours as whole minutes and leaves out what is empty', () => {
    const form = {
      ...newRuleForm(),
      key: 'resolution',
      name: ' Resolution ',
      targetHours: { urgent: '1,5', high: '', medium: '0.333', low: '' },
    };
    const { rule } = ruleBody(form);
    expect(rule.name).toBe('Resolution');
    expect(rule.targetsMs).toEqual({ urgent: 90 * 60_000, medium: 20 * 60_000 });
    expect(rule).not.toHaveProperty('calendar');
    expect(rule).not.toHaveProperty('filter');
    expect(ruleFormProblems(form, known)).toEqual({});
  });

  it("names what the engine's rule refuses, by field", () => {
    const form = {
      ...ruleForm(version),
      key: 'First Response',
      filter: 'amount >',
      resume: [],
      targetHours: { urgent: 'soon', high: '', medium: '', low: '' },
      warnPercent: '120',
    };
    expect(Object.keys(ruleFormProblems(form, known)).sort()).toEqual([
      'filter',
      'key',
      'resume',
      'targetsMs.urgent',
      'warnAt',
    ]);
    expect(ruleFormProblems({ ...ruleForm(version), calendar: 'mars' }, known)).toHaveProperty('calendar');
  });

  it('keeps the status of a status trigger, and names a missing one', () => {
    const withStatus = {
      ...version,
      rule: { ...version.rule, stop: [{ on: 'status.changed' as const, status: 'pending' as const }] },
    };
    expect(ruleBody(ruleForm(withStatus)).rule.stop).toEqual([{ on: 'status.changed', status: 'pending' }]);
    const unchosen = {
      ...ruleForm(version),
      stop: [{ on: 'status.changed' as const, department: '', status: '' as const }],
    };
    expect(ruleBody(unchosen).rule.stop).toEqual([{ on: 'status.changed' }]);
    expect(ruleFormProblems(unchosen, known)['stop.0.status']).toMatch(/must name the status/);
    expect(triggersLabel(withStatus.rule.stop, (k) => k)).toBe(
      'the ticket’s status becomes pending (on hold)',
    );
  });

  it('says the events in words', () => {
    expect(triggersLabel(version.rule.pause, () => 'Refunds')).toBe('a task is put on hold in Refunds');
    expect(triggersLabel([{ on: 'ticket.done' }, { on: 'ticket.cancelled' }], (k) => k)).toBe(
      'the ticket is done, or the ticket is cancelled',
    );
  });
});

describe('a ticket clock in one line', () => {
  const now = Date.parse('2026-03-16T12:00:00Z');
  const explanation = (consumedMs: number, dueAt?: number) => ({
    targetMs: HOUR,
    consumedMs,
    remainingMs: Math.max(0, HOUR - consumedMs),
    segments: [],
    ledger: [],
    pauses: [],
    extensions: [],
    recalculations: [],
    ...(dueAt === undefined ? {} : { dueAt }),
  });
  const clock = (overrides: Partial<Omit<TicketClock, 'pendingLevels'>>): TicketClock => ({
    key: 'first-response',
    name: 'First response',
    version: 1,
    state: 'running',
    pendingLevels: [],
    cycle: 1,
    earlier: [],
    targetMs: HOUR,
    level: 'ok',
    ...overrides,
  });
  it('says how it stands in each state', () => {
    expect(clockSummary(clock({ state: 'waiting' }), now)).toBe('not started · target 1 h');
    expect(clockSummary(clock({ explanation: explanation(20 * 60_000, now + 40 * 60_000) }), now)).toBe(
      'running · due in 40 min (20 min of 1 h used)',
    );
    expect(clockSummary(clock({ explanation: explanation(70 * 60_000, now - 10 * 60_000) }), now)).toBe(
      'running · overdue 10 min (target 1 h)',
    );
    expect(clockSummary(clock({ state: 'paused', explanation: explanation(15 * 60_000) }), now)).toBe(
      'paused · 15 min of 1 h used',
    );
    expect(
      clockSummary(clock({ state: 'stopped', met: true, explanation: explanation(45 * 60_000) }), now),
    ).toBe('met · took 45 min of 1 h');
    expect(
      clockSummary(clock({ state: 'stopped', met: false, explanation: explanation(90 * 60_000) }), now),
    ).toBe('missed · took 1 h 30 min, 30 min over 1 h');
    expect(clockSummary(clock({ filterError: 'amount is null' }), now)).toContain('amount is null');
  });
});
