// A real server cannot skip time: real-time suites run the seeded flows on a 24x7 calendar with
// every duration multiplied by a scale, so "Tuesday 09:05" arrives seconds after the start.
import type { Flow } from '@baton/engine';
import { DAY, HOUR } from './call-centre-scenario.js';

/**
 * The scenario's offsets are wall-clock from Monday 09:00 in the office calendar; on a 24x7
 * calendar the same moments are the working time elapsed (Monday 09:00-18:00 less lunch = 8 h,
 * Tuesday from 09:00).
 */
export function scenarioOffsetToWorkingMs(offset: number): number {
  if (offset < DAY) return offset <= 3 * HOUR ? offset : offset - Math.min(HOUR, offset - 3 * HOUR);
  return 8 * HOUR + (offset - DAY);
}

/** The same flow on an always-open calendar with every duration multiplied by `scale`. */
export function scaleFlow(flow: Flow, scale: number): Flow {
  const copy = structuredClone(flow);
  const always = {
    timeZone: 'UTC',
    week: Object.fromEntries(
      ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['00:00', '24:00']]]),
    ),
  };
  for (const key of Object.keys(copy.calendars)) copy.calendars[key] = always as Flow['calendars'][string];
  const shrink = (ms: number) => Math.max(1, Math.round(ms * scale));
  for (const node of Object.values(copy.nodes)) {
    if (node.kind === 'userTask' && node.sla) node.sla = { ...node.sla, targetMs: shrink(node.sla.targetMs) };
    if (
      (node.kind === 'boundaryEvent' || node.kind === 'intermediateCatchEvent') &&
      node.timer &&
      node.timer.kind !== 'date'
    ) {
      node.timer = { ...node.timer, ms: shrink(node.timer.ms) };
    }
  }
  if (copy.ticketSla) copy.ticketSla = { ...copy.ticketSla, targetMs: shrink(copy.ticketSla.targetMs) };
  return copy;
}
