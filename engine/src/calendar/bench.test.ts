// Micro benchmark of the calls the interpreter makes on every SLA timer. Prints µs/call; fails
// only on a gross regression (20x the 5 µs target) so a busy shared machine does not flake it.
import { describe, expect, it } from 'vitest';
import type { CalendarSpec } from '../types.js';
import { addBusinessTime, addBusinessTimes, businessTimeBetween } from './index.js';

const HOUR = 3_600_000;
const nineToSix: [string, string][] = [['09:00', '18:00']];
const officeHours: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: { mon: nineToSix, tue: nineToSix, wed: nineToSix, thu: nineToSix, fri: nineToSix },
  holidays: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-25', '2026-12-26'],
};

/** Deterministic pseudo-random inputs (LCG), so every run measures the same work. */
function inputs(count: number, maxDurationMs: number): { start: number; duration: number }[] {
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const yearStart = Date.UTC(2026, 0, 1);
  return Array.from({ length: count }, () => ({
    start: yearStart + Math.floor(next() * 365 * 24 * HOUR),
    duration: Math.floor(next() * maxDurationMs),
  }));
}

/** Best of five timed runs after a warm-up: the least disturbed figure on a shared machine. */
function microsPerCall(run: () => void, calls: number): number {
  run(); // warm the JIT and the zone-day cache: the interpreter's steady state
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const began = performance.now();
    run();
    best = Math.min(best, performance.now() - began);
  }
  return (best * 1000) / calls;
}

describe('calendar micro benchmark', () => {
  it.each([
    ['addBusinessTime, durations up to 8 business hours', 8 * HOUR],
    ['addBusinessTime, durations up to 3 weeks', 3 * 45 * HOUR],
    ['addBusinessTime, durations up to 6 months', 26 * 45 * HOUR],
  ])('%s', (label, maxDuration) => {
    const cases = inputs(10_000, maxDuration);
    let sink = 0;
    const micros = microsPerCall(() => {
      for (const { start, duration } of cases) sink += addBusinessTime(start, duration, officeHours) - start;
    }, cases.length);
    console.log(`calendar bench: ${label}: ${micros.toFixed(2)} µs/call`);
    expect(sink).toBeGreaterThan(0);
    expect(micros).toBeLessThan(100);
  });

  it('addBusinessTimes, an SLA ladder (0.8 / 1 / 1.3 of up to 8 business hours) in one call', () => {
    const cases = inputs(10_000, 8 * HOUR).map(({ start, duration }) => ({
      start,
      ladder: [Math.round(0.8 * duration), duration, Math.round(1.3 * duration)],
    }));
    let sink = 0;
    const micros = microsPerCall(() => {
      for (const { start, ladder } of cases)
        sink += (addBusinessTimes(start, ladder, officeHours)[2] as number) - start;
    }, cases.length);
    console.log(
      `calendar bench: addBusinessTimes, 3-level SLA ladder up to 8 business hours: ${micros.toFixed(2)} µs/call`,
    );
    expect(sink).toBeGreaterThan(0);
    expect(micros).toBeLessThan(100);
  });

  it('businessTimeBetween, ranges up to 3 weeks', () => {
    const cases = inputs(10_000, 21 * 24 * HOUR);
    let sink = 0;
    const micros = microsPerCall(() => {
      for (const { start, duration } of cases)
        sink += businessTimeBetween(start, start + duration, officeHours);
    }, cases.length);
    console.log(`calendar bench: businessTimeBetween, ranges up to 3 weeks: ${micros.toFixed(2)} µs/call`);
    expect(sink).toBeGreaterThan(0);
    expect(micros).toBeLessThan(100);
  });
});
