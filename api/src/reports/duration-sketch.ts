// Durations in log-spaced bins: the percentile sketch behind stage rollups. Bin b holds durations
// in [GAMMA^b, GAMMA^(b+1)) ms (bin -1 holds 0 ms), so any duration read back from its bin is off
// by less than GAMMA - 1 = 0.5 % of itself, however many days and groups are merged.
// The SQL side (binSql) and the reader below must agree on GAMMA and the byte layout; changing
// GAMMA means rebuilding every rollup (empty stage_rollup_days and log its days as changed).

export const GAMMA = 1.005;
export const MAX_RELATIVE_ERROR = GAMMA - 1;
const LN_GAMMA = Math.log(GAMMA);

/** One bin of a merged histogram; `count` stages fell into it. */
export type Bin = { bin: number; count: number };

/** The SQL expression of a duration's bin, for a non-negative millisecond column. */
export function binSql(value: string): string {
  return `(case when ${value} < 1 then -1 else floor(ln(${value}::float8) / ln(${GAMMA}))::int end)`;
}

/** SQL aggregate packing (bin, count) rows into the `histogram` bytea, ordered by bin. */
export function histogramAggregateSql(bin: string, count: string): string {
  return `string_agg(int4send(${bin}) || int4send(${count}::int), ''::bytea order by ${bin})`;
}

export function binOf(durationMs: number): number {
  return durationMs < 1 ? -1 : Math.floor(Math.log(durationMs) / LN_GAMMA);
}

/** Adds the (bin, count) pairs of a packed histogram to `into`. */
export function addPackedHistogram(into: Map<number, number>, packed: Buffer): void {
  for (let offset = 0; offset + 8 <= packed.length; offset += 8) {
    const bin = packed.readInt32BE(offset);
    into.set(bin, (into.get(bin) ?? 0) + packed.readInt32BE(offset + 4));
  }
}

/**
 * percentile_cont over the durations a histogram describes: the same ranks as Postgres, with the
 * value of each rank read from its bin (spread evenly over the bin in log space).
 */
export function histogramPercentiles(histogram: Map<number, number>, fractions: readonly number[]): number[] {
  const bins: Bin[] = [...histogram]
    .filter(([, count]) => count > 0)
    .map(([bin, count]) => ({ bin, count }))
    .sort((a, b) => a.bin - b.bin);
  const total = bins.reduce((sum, b) => sum + b.count, 0);
  if (total === 0) return fractions.map(() => 0);
  const valueAtRank = (rank: number): number => {
    let seen = 0;
    for (const { bin, count } of bins) {
      if (rank < seen + count) {
        if (bin < 0) return 0;
        const position = (rank - seen + 0.5) / count;
        return GAMMA ** (bin + position);
      }
      seen += count;
    }
    const last = bins[bins.length - 1]!;
    return last.bin < 0 ? 0 : GAMMA ** (last.bin + 1);
  };
  return fractions.map((fraction) => {
    const rank = fraction * (total - 1);
    const below = Math.floor(rank);
    const lower = valueAtRank(below);
    return below === rank ? lower : lower + (rank - below) * (valueAtRank(below + 1) - lower);
  });
}
