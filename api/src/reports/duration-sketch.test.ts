import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPackedHistogram, binOf, histogramPercentiles, MAX_RELATIVE_ERROR } from './duration-sketch.js';

const FRACTIONS = [0, 0.5, 0.9, 0.99, 1] as const;

/** Postgres's percentile_cont over the exact values. */
function exactPercentiles(values: number[], fractions: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return fractions.map((fraction) => {
    const rank = fraction * (sorted.length - 1);
    const below = Math.floor(rank);
    const lower = sorted[below]!;
    return below === rank ? lower : lower + (rank - below) * (sorted[below + 1]! - lower);
  });
}

function histogramOf(values: number[]): Map<number, number> {
  const histogram = new Map<number, number>();
  for (const value of values) histogram.set(binOf(value), (histogram.get(binOf(value)) ?? 0) + 1);
  return histogram;
}

function packed(pairs: [number, number][]): Buffer {
  const buffer = Buffer.alloc(pairs.length * 8);
  pairs.forEach(([bin, count], i) => {
    buffer.writeInt32BE(bin, i * 8);
    buffer.writeInt32BE(count, i * 8 + 4);
  });
  return buffer;
}

// Durations from 0 ms to a year, skewed towards short ones like real stages.
const duration = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 60_000 }),
  fc.integer({ min: 1, max: 365 * 86_400_000 }),
);

describe('duration sketch', () => {
  it('gives every percentile within 0.5 % of the exact percentile_cont', () => {
    fc.assert(
      fc.property(fc.array(duration, { minLength: 1, maxLength: 400 }), (values) => {
        const approximate = histogramPercentiles(histogramOf(values), FRACTIONS);
        const exact = exactPercentiles(values, FRACTIONS);
        exact.forEach((value, i) => {
          expect(Math.abs(approximate[i]! - value)).toBeLessThanOrEqual(value * MAX_RELATIVE_ERROR + 1e-9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('merges packed histograms of several days into the histogram of all their durations', () => {
    fc.assert(
      fc.property(fc.array(fc.array(duration, { maxLength: 50 }), { minLength: 1, maxLength: 6 }), (days) => {
        const merged = new Map<number, number>();
        for (const day of days) addPackedHistogram(merged, packed([...histogramOf(day)]));
        expect(merged).toEqual(histogramOf(days.flat()));
      }),
    );
  });

  it('answers zeros for an empty histogram and 0 ms for stages that took no time', () => {
    expect(histogramPercentiles(new Map(), [0.5, 0.9])).toEqual([0, 0]);
    expect(histogramPercentiles(new Map([[binOf(0), 3]]), [0.5, 0.99])).toEqual([0, 0]);
  });
});
