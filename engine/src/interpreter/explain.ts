import { businessSegments } from '../calendar/index.js';
import type { Flow, SlaClock } from '../types.js';
import { consumedMs, effectiveTargetMs } from './sla.js';
import { calendarOf } from './time.js';

/** Why an SLA clock's deadlines are where they are: business segments counted, pauses, extensions. */
export type SlaExplanation = {
  targetMs: number;
  calendar?: string;
  dueAt?: number;
  consumedMs: number;
  remainingMs: number;
  segments: { from: number; to: number }[];
  pauses: { from: number; to?: number; reason: string }[];
  extensions: { at: number; byMs: number; by: string }[];
  /** Deadlines moved by calendar changes, oldest first; the first `fromDueAt` is the original. */
  recalculations: { at: number; fromDueAt: number; toDueAt: number; reason: string }[];
};

/**
 * Explains a clock as of `now`: the spans it ran (start to now or to when it stopped, minus
 * pauses), cut to the calendar's open hours; their sum is the consumed business time. `flow` is
 * the run's (flowOfRun): after a calendar change the segments are cut by the calendar as it is
 * now, while consumedMs keeps what the old one counted before the change.
 */
export function explainSla(flow: Flow, clock: SlaClock, now: number): SlaExplanation {
  const consumed = consumedMs(flow, clock, now);
  const target = effectiveTargetMs(clock);
  const calendar = calendarOf(flow, clock.calendar);
  const segments: { from: number; to: number }[] = [];
  for (const [from, to] of runningSpans(clock, now)) {
    if (to <= from) continue;
    if (calendar === undefined) segments.push({ from, to });
    else segments.push(...businessSegments(from, to, calendar));
  }
  return {
    targetMs: target,
    ...(clock.calendar === undefined ? {} : { calendar: clock.calendar }),
    ...(clock.dueAt === undefined ? {} : { dueAt: clock.dueAt }),
    consumedMs: consumed,
    remainingMs: Math.max(0, target - consumed),
    segments,
    pauses: clock.pauses.map((p) => ({ ...p })),
    extensions: clock.extensions.map((e) => ({ ...e })),
    recalculations: (clock.recalculations ?? []).map((r) => ({ ...r })),
  };
}

/** [from, to) spans during which the clock counted. */
function runningSpans(clock: SlaClock, at: number): [number, number][] {
  const now = clock.stoppedAt === undefined ? at : Math.min(at, clock.stoppedAt);
  const spans: [number, number][] = [];
  let from = clock.startedAt;
  for (const pause of clock.pauses) {
    spans.push([from, Math.min(pause.from, now)]);
    if (pause.to === undefined || pause.to >= now) return spans;
    from = pause.to;
  }
  spans.push([from, now]);
  return spans;
}
