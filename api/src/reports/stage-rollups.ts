// Stage rollups: closed stages summarised per UTC day (see stage_rollups in db/src/schema.ts), so
// duration reports over long ranges read rollups for whole unchanged days and stages only for the
// rest. The compactor rebuilds the days that changed; triggers on `stages` log every change.
import type { Pool } from 'pg';
import { BELOW_COLUMNS, bucketColumns } from './buckets.js';
import { binSql, histogramAggregateSql } from './duration-sketch.js';
import { DURATION_CLOCKS, DURATION_MEASURES, durationSql } from './measures.js';
import type { Queryable } from '../sql/queryable.js';

export const DAY_MS = 86_400_000;

/** Each closed stage's duration on every clock and measure, as rows (clock, measure, v) for a lateral join. */
const MEASURED_VALUES = DURATION_CLOCKS.flatMap((clock) =>
  DURATION_MEASURES.map((measure) => `('${clock}', '${measure}', ${durationSql(clock, measure, 's')})`),
).join(', ');

/** One compactor at a time across processes; others skip their turn. */
const COMPACTOR_LOCK = "hashtext('baton:stage-rollups')";

export type CompactionResult = { days: string[]; stages: number; skipped?: 'another compactor is running' };

/**
 * Rebuilds the rollups of every UTC day with pending changes that ended before `before`.
 * One repeatable-read transaction: it consumes exactly the change rows its snapshot sees, so a
 * stage written meanwhile leaves its day marked as changed (and reported from stages) until the
 * next run.
 */
export async function compactStageDays(pool: Pool, before: Date): Promise<CompactionResult> {
  const client = await pool.connect();
  try {
    await client.query('begin isolation level repeatable read');
    const { rows: lock } = await client.query<{ locked: boolean }>(
      `select pg_try_advisory_xact_lock(${COMPACTOR_LOCK}) as locked`,
    );
    if (!lock[0]?.locked) {
      await client.query('rollback');
      return { days: [], stages: 0, skipped: 'another compactor is running' };
    }
    const { rows: changed } = await client.query<{ day: string }>(
      `with consumed as (
         delete from stage_day_changes where day < ($1::timestamptz at time zone 'UTC')::date returning day)
       select distinct to_char(day, 'YYYY-MM-DD') as day from consumed order by 1`,
      [before],
    );
    const days = changed.map((row) => row.day);
    if (days.length === 0) {
      await client.query('commit');
      return { days, stages: 0 };
    }
    const from = new Date(`${days[0]}T00:00:00Z`);
    const to = new Date(Date.parse(`${days[days.length - 1]}T00:00:00Z`) + DAY_MS);
    await client.query('delete from stage_rollup_days where day = any($1::date[])', [days]);
    await client.query('insert into stage_rollup_days (day) select unnest($1::date[])', [days]);
    const { rows: rolled } = await client.query<{ count: number; clock: string; measure: string }>(
      `insert into stage_rollups (day, type_id, department_key, element_id, task_name, clock, measure, count,
         sum_ms, below, with_target, met, histogram)
       select day, type_id, department_key, element_id, min(task_name), clock, measure, sum(n)::int,
         sum(total)::float8,
         array[${BELOW_COLUMNS.map((column) => `sum(${column})::int`).join(', ')}],
         sum(with_target)::int, sum(met)::int, ${histogramAggregateSql('bin', 'n')}
       from (
         select (s.closed_at at time zone 'UTC')::date as day, t.type_id, s.department_key, s.element_id,
           min(s.name) as task_name, c.clock, c.measure, ${binSql('c.v')} as bin, count(*) as n, sum(c.v) as total,
           ${bucketColumns('c.v')},
           count(*) filter (where s.sla_target_ms is not null) as with_target,
           count(*) filter (where s.sla_target_ms is not null and s.sla_level in ('ok', 'warning')) as met
         from stages s
         join tickets t on t.id = s.ticket_id
         cross join lateral (values ${MEASURED_VALUES}) c(clock, measure, v)
         where s.closed_at >= $2 and s.closed_at < $3 and (s.closed_at at time zone 'UTC')::date = any($1::date[])
         group by 1, 2, 3, 4, 6, 7, 8
       ) binned
       group by day, type_id, department_key, element_id, clock, measure
       returning count, clock, measure`,
      [days, from, to],
    );
    await client.query('commit');
    // Every stage is counted once per clock and measure.
    const stages = rolled
      .filter((row) => row.clock === 'wall' && row.measure === 'elapsed')
      .reduce((sum, row) => sum + row.count, 0);
    return { days, stages };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The UTC days in [from, to) whose rollups are current (built, and nothing changed since). */
export async function currentRollupDays(db: Queryable, from: Date, to: Date): Promise<string[]> {
  const { rows } = await db.query<{ day: string }>(
    `select to_char(r.day, 'YYYY-MM-DD') as day from stage_rollup_days r
     where r.day >= ($1::timestamptz at time zone 'UTC')::date and r.day < ($2::timestamptz at time zone 'UTC')::date
       and not exists (select 1 from stage_day_changes c where c.day = r.day)
     order by r.day`,
    [from, to],
  );
  return rows.map((row) => row.day);
}

/**
 * Splits [from, to) into the whole UTC days that rollups answer for and the intervals that must be
 * read from stages: partial days at the edges and days without a current rollup.
 */
export function splitRange(
  from: Date,
  to: Date,
  rolledUpDays: readonly string[],
): { rollupDays: string[]; stageIntervals: [Date, Date][] } {
  const rolled = new Set(rolledUpDays);
  const rollupDays: string[] = [];
  const stageIntervals: [Date, Date][] = [];
  let cursor = from.getTime();
  const endOfWholeDays = Math.floor(to.getTime() / DAY_MS) * DAY_MS;
  for (let day = Math.ceil(cursor / DAY_MS) * DAY_MS; day + DAY_MS <= endOfWholeDays; day += DAY_MS) {
    const key = new Date(day).toISOString().slice(0, 10);
    if (!rolled.has(key)) continue;
    if (cursor < day) stageIntervals.push([new Date(cursor), new Date(day)]);
    rollupDays.push(key);
    cursor = day + DAY_MS;
  }
  if (cursor < to.getTime()) stageIntervals.push([new Date(cursor), to]);
  return { rollupDays, stageIntervals };
}
