import { businessSegments } from '../calendar/index.js';
import type { Flow, Recalculation, SlaClock } from '../types.js';
import { consumedMs, effectiveTargetMs } from './sla.js';
import { calendarOf } from './time.js';

/**
 * One stretch of a clock's life: counting (running in open hours), closed (running, but outside
 * the calendar's open hours, so nothing counted) or paused (on hold, with the hold's reason).
 * A clock's ledger is these stretches in order, end to end from its start to now (or to when it
 * stopped): their lengths add up to the elapsed time, the counting ones to the time counted.
 */
export type LedgerSegment = {
  kind: 'counting' | 'closed' | 'paused';
  from: number;
  to: number;
  /** Paused: why (the hold's reason). */
  reason?: string;
  /** Counting and closed: the calendar in force (absent: wall-clock time). */
  calendar?: string;
};

/** Why an SLA clock's deadlines are where they are: business segments counted, pauses, extensions. */
export type SlaExplanation = {
  targetMs: number;
  calendar?: string;
  dueAt?: number;
  consumedMs: number;
  remainingMs: number;
  /** The counting stretches of the ledger. */
  segments: { from: number; to: number }[];
  ledger: LedgerSegment[];
  pauses: { from: number; to?: number; reason: string }[];
  extensions: { at: number; byMs: number; by: string }[];
  /**
   * Deadlines moved by calendar or target changes, oldest first; the first `fromDueAt` is the
   * original. Each names the target and the calendar before and after where they changed.
   */
  recalculations: Recalculation[];
};

/**
 * Explains a clock as of `now`: its ledger from the start to now or to when it stopped, the
 * running spans cut to the calendar's open hours; the counting stretches add up to the consumed
 * business time. `flow` is the run's (flowOfRun): after a calendar change the stretches are cut by
 * the calendar as it is now, while consumedMs keeps what the old one counted before the change.
 */
export function explainSla(flow: Flow, clock: SlaClock, now: number): SlaExplanation {
  const consumed = consumedMs(flow, clock, now);
  const target = effectiveTargetMs(clock);
  const ledger = ledgerOf(flow, clock, now);
  return {
    targetMs: target,
    ...(clock.calendar === undefined ? {} : { calendar: clock.calendar }),
    ...(clock.dueAt === undefined ? {} : { dueAt: clock.dueAt }),
    consumedMs: consumed,
    remainingMs: Math.max(0, target - consumed),
    segments: ledger.filter((s) => s.kind === 'counting').map((s) => ({ from: s.from, to: s.to })),
    ledger,
    pauses: clock.pauses.map((p) => ({ ...p })),
    extensions: clock.extensions.map((e) => ({ ...e })),
    recalculations: (clock.recalculations ?? []).map((r) => ({
      ...r,
      ...(r.targetMs === undefined ? {} : { targetMs: { ...r.targetMs } }),
      ...(r.calendar === undefined ? {} : { calendar: { ...r.calendar } }),
    })),
  };
}

/** The clock's stretches up to `at` (or to when it stopped), in order and end to end. */
function ledgerOf(flow: Flow, clock: SlaClock, at: number): LedgerSegment[] {
  const end = clock.stoppedAt === undefined ? at : Math.min(at, clock.stoppedAt);
  const periods = clock.calendarSince ?? [{ from: clock.startedAt, calendar: clock.calendar }];
  const ledger: LedgerSegment[] = [];
  const put = (segment: LedgerSegment) => {
    if (segment.to > segment.from) ledger.push(segment);
  };
  /** Running from `from` to `to` on one calendar: open hours count, the rest is closed. */
  const onCalendar = (from: number, to: number, key: string | undefined) => {
    if (to <= from) return;
    const spec = calendarOf(flow, key);
    const on = key === undefined ? {} : { calendar: key };
    if (spec === undefined) return put({ kind: 'counting', from, to, ...on });
    let cursor = from;
    for (const open of businessSegments(from, to, spec)) {
      put({ kind: 'closed', from: cursor, to: open.from, ...on });
      put({ kind: 'counting', from: open.from, to: open.to, ...on });
      cursor = open.to;
    }
    put({ kind: 'closed', from: cursor, to, ...on });
  };
  const running = (from: number, to: number) => {
    periods.forEach((period, i) => {
      const next = periods[i + 1]?.from ?? Infinity;
      onCalendar(Math.max(from, period.from), Math.min(to, next), period.calendar);
    });
  };
  let from = clock.startedAt;
  for (const pause of clock.pauses) {
    running(from, Math.min(pause.from, end));
    if (pause.from >= end) return ledger;
    const resumed = pause.to === undefined ? end : Math.min(pause.to, end);
    put({ kind: 'paused', from: pause.from, to: resumed, reason: pause.reason });
    if (resumed >= end) return ledger;
    from = resumed;
  }
  running(from, end);
  return ledger;
}
