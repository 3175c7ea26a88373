// What a duration report measures of a closed stage, on which clock: the one home of the SQL for
// it, shared by the exact path (stages) and the rollups, so the two always agree.

export const DURATION_CLOCKS = ['wall', 'business'] as const;
export type DurationClock = (typeof DURATION_CLOCKS)[number];

/**
 * `elapsed`: entered..closed, holds included (the figure before measures existed); `waiting`: the
 * time on hold, waiting on the customer; `work`: elapsed minus waiting.
 */
export const DURATION_MEASURES = ['elapsed', 'work', 'waiting'] as const;
export type DurationMeasure = (typeof DURATION_MEASURES)[number];

/**
 * A closed stage's duration in ms as SQL over the stages columns (`alias.` prefixed when given).
 * Business time falls back to wall-clock where a row has none; held time unknown (null: written
 * before it was recorded) counts as no waiting.
 */
export function durationSql(clock: DurationClock, measure: DurationMeasure, alias?: string): string {
  const column = (name: string) => (alias === undefined ? name : `${alias}.${name}`);
  const elapsed =
    clock === 'wall' ? column('total_ms') : `coalesce(${column('business_total_ms')}, ${column('total_ms')})`;
  const waiting =
    clock === 'wall'
      ? `coalesce(${column('held_ms')}, 0)`
      : `coalesce(${column('business_held_ms')}, ${column('held_ms')}, 0)`;
  if (measure === 'elapsed') return elapsed;
  if (measure === 'waiting') return waiting;
  return `greatest(${elapsed} - ${waiting}, 0)`;
}
