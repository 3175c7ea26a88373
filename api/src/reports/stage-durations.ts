// Stage durations per department or per task over closed stages: count, mean, percentiles,
// duration bands and SLA attainment, in wall-clock or business time, of elapsed, work or waiting
// time (see measures.ts).
import { belowArraySql, bucketColumns, bucketsFromBelow, bucketsFromRow } from './buckets.js';
import { addPackedHistogram, binSql, histogramPercentiles } from './duration-sketch.js';
import { type DurationClock, type DurationMeasure, durationSql } from './measures.js';
import { currentRollupDays, splitRange } from './stage-rollups.js';
import type { Queryable } from '../sql/queryable.js';

export type { DurationClock, DurationMeasure } from './measures.js';
export type DurationGrouping = 'department' | 'task';

export type StageDurationQuery = {
  from: Date;
  to: Date;
  by: DurationGrouping;
  clock: DurationClock;
  /** Default 'elapsed'. */
  measure?: DurationMeasure;
  /** Only these departments; undefined = all. */
  departments?: string[];
  typeId?: string;
};

export type DurationGroup = {
  department: string | null;
  elementId?: string;
  task?: string;
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  histogram: { key: string; label: string; upToMs: number | null; count: number }[];
  sla: { withTarget: number; met: number; attainment: number | null };
};

const FRACTIONS = [0.5, 0.9, 0.99] as const;

/** The stages of the query's groups closed within the given intervals, as SQL conditions. */
function stageFilter(query: StageDurationQuery, intervals: [Date, Date][]) {
  const values: unknown[] = [];
  const param = (value: unknown) => (values.push(value), `$${values.length}`);
  const within = intervals.map(([from, to]) => `(closed_at >= ${param(from)} and closed_at < ${param(to)})`);
  const where = [within.length === 1 ? within[0]! : `(${within.join(' or ')})`];
  if (query.departments) where.push(`department_key = any(${param(query.departments)}::text[])`);
  if (query.typeId)
    where.push(`ticket_id in (select id from tickets where type_id = ${param(query.typeId)})`);
  return { where: where.join(' and '), values };
}

const groupColumnsOf = (query: StageDurationQuery) =>
  query.by === 'task' ? 'department_key, element_id' : 'department_key';

/** Exact figures straight from stages (percentile_cont over every duration). */
export function stageDurationSql(query: StageDurationQuery): { text: string; values: unknown[] } {
  const { where, values } = stageFilter(query, [[query.from, query.to]]);
  const groupColumns = groupColumnsOf(query);
  const text = `
select ${groupColumns}${query.by === 'task' ? ', min(name) as task' : ''},
  count(*)::int as count,
  avg(v)::float8 as mean,
  percentile_cont(array[${FRACTIONS.join(', ')}]) within group (order by v) as pcts,
  ${bucketColumns('v')},
  count(*) filter (where sla_target_ms is not null)::int as with_target,
  count(*) filter (where sla_target_ms is not null and sla_level in ('ok', 'warning'))::int as met
from (select department_key, element_id, name, sla_target_ms, sla_level, ${durationSql(query.clock, query.measure ?? 'elapsed')} as v
      from stages where ${where}) s
group by ${groupColumns}
order by ${groupColumns}`;
  return { text, values };
}

/** The same figures per duration bin, to merge with rollups (see duration-sketch.ts). */
function binnedStagesSql(query: StageDurationQuery, intervals: [Date, Date][]) {
  const { where, values } = stageFilter(query, intervals);
  const groupColumns = groupColumnsOf(query);
  const text = `
select ${groupColumns}, min(name) as task, ${binSql('v')} as bin,
  count(*)::int as count, sum(v)::float8 as sum_ms,
  ${belowArraySql('v')} as below,
  count(*) filter (where sla_target_ms is not null)::int as with_target,
  count(*) filter (where sla_target_ms is not null and sla_level in ('ok', 'warning'))::int as met
from (select department_key, element_id, name, sla_target_ms, sla_level, ${durationSql(query.clock, query.measure ?? 'elapsed')} as v
      from stages where ${where}) s
group by ${groupColumns}, bin`;
  return { text, values };
}

type Row = {
  department_key: string | null;
  element_id?: string;
  task?: string;
  count: number;
  mean: number;
  pcts: number[];
  with_target: number;
  met: number;
  [bucket: string]: unknown;
};

/** What rollups and binned stages add up to for one group. */
type GroupTotals = {
  department: string | null;
  elementId: string;
  task: string;
  count: number;
  sumMs: number;
  below: number[];
  withTarget: number;
  met: number;
  histogram: Map<number, number>;
};

type PartialRow = {
  department_key: string | null;
  element_id?: string;
  task: string;
  count: number;
  sum_ms: number;
  below: number[];
  with_target: number;
  met: number;
  histogram?: Buffer;
  bin?: number;
};

const slaOf = (withTarget: number, met: number) => ({
  withTarget,
  met,
  attainment: withTarget > 0 ? met / withTarget : null,
});

/**
 * Duration figures per department or task. Whole UTC days with a current rollup are read from
 * stage_rollups; the rest of the range from stages. Counts, means, bands and SLA figures are exact
 * either way; percentiles are exact when no rollup is involved and otherwise within 0.5 % (see
 * duration-sketch.ts).
 */
export async function stageDurations(db: Queryable, query: StageDurationQuery): Promise<DurationGroup[]> {
  const { rollupDays, stageIntervals } = splitRange(
    query.from,
    query.to,
    await currentRollupDays(db, query.from, query.to),
  );
  if (rollupDays.length === 0) {
    const { rows } = await db.query<Row>(stageDurationSql(query));
    return rows.map((row) => ({
      department: row.department_key,
      ...(query.by === 'task' ? { elementId: row.element_id, task: row.task } : {}),
      count: row.count,
      meanMs: row.mean,
      p50Ms: row.pcts[0] ?? 0,
      p90Ms: row.pcts[1] ?? 0,
      p99Ms: row.pcts[2] ?? 0,
      histogram: bucketsFromRow(row, row.count),
      sla: slaOf(row.with_target, row.met),
    }));
  }

  const groups = new Map<string, GroupTotals>();
  const add = (row: PartialRow) => {
    const elementId = query.by === 'task' ? (row.element_id ?? '') : '';
    const key = `${row.department_key ?? ''}\u0000${elementId}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        department: row.department_key,
        elementId,
        task: row.task,
        count: 0,
        sumMs: 0,
        below: row.below.map(() => 0),
        withTarget: 0,
        met: 0,
        histogram: new Map(),
      };
      groups.set(key, group);
    }
    group.count += row.count;
    group.sumMs += row.sum_ms;
    row.below.forEach((n, i) => (group.below[i]! += n));
    group.withTarget += row.with_target;
    group.met += row.met;
    if (row.task < group.task) group.task = row.task;
    if (row.histogram) addPackedHistogram(group.histogram, row.histogram);
    if (row.bin !== undefined) group.histogram.set(row.bin, (group.histogram.get(row.bin) ?? 0) + row.count);
  };

  const values: unknown[] = [rollupDays, query.clock, query.measure ?? 'elapsed'];
  const where = ['day = any($1::date[])', 'clock = $2', 'measure = $3'];
  if (query.departments) where.push(`department_key = any($${values.push(query.departments)}::text[])`);
  if (query.typeId) where.push(`type_id = $${values.push(query.typeId)}`);
  const rolled = await db.query<PartialRow>({
    text: `select department_key, element_id, task_name as task, count, sum_ms, below, with_target, met, histogram
           from stage_rollups where ${where.join(' and ')}`,
    values,
  });
  rolled.rows.forEach(add);
  if (stageIntervals.length > 0)
    (await db.query<PartialRow>(binnedStagesSql(query, stageIntervals))).rows.forEach(add);

  return [...groups.values()]
    .sort(
      (a, b) => compareNullsLast(a.department, b.department) || compareNullsLast(a.elementId, b.elementId),
    )
    .map((group) => {
      const [p50Ms = 0, p90Ms = 0, p99Ms = 0] = histogramPercentiles(group.histogram, FRACTIONS);
      return {
        department: group.department,
        ...(query.by === 'task' ? { elementId: group.elementId, task: group.task } : {}),
        count: group.count,
        meanMs: group.sumMs / group.count,
        p50Ms,
        p90Ms,
        p99Ms,
        histogram: bucketsFromBelow(group.below, group.count),
        sla: slaOf(group.withTarget, group.met),
      };
    });
}

/** The order the exact query's `order by` gives for department keys and element ids (ASCII ids): nulls last. */
function compareNullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
