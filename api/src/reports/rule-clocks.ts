// Attainment of the timing rules' clocks (first response, resolution, whatever admins define):
// per rule, per department and over all of them, from each ticket's clock as last measured
// (ticket_clocks). A clock belongs to the department of its ticket's first stage, as in
// response-times.ts. Counted time is on the rule's calendar; paused time (waiting on the
// customer) is shown beside it, never inside it, so a clock kept paused is seen for what it is.
import { FIRST_STAGE } from './service.js';
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';

export type RuleClockQuery = { from: Date; to: Date; now: Date; departments?: string[]; typeId?: string };

export type RuleClockFigures = {
  /** Clocks that stopped in the range. */
  stopped: number;
  met: number;
  /** met / stopped; null when none stopped. */
  attainment: number | null;
  p50CountedMs: number | null;
  p90CountedMs: number | null;
  /** Mean time paused of the stopped clocks. */
  meanPausedMs: number | null;
  /** Share of paused time in counted plus paused time of the stopped clocks. */
  pausedShare: number | null;
  /** Running or paused now. */
  openNow: number;
  /** Of those, past their target now. */
  overdueNow: number;
};

export type RuleClockReport = {
  key: string;
  name: string;
  overall: RuleClockFigures;
  departments: (RuleClockFigures & { department: string | null })[];
};

type Row = {
  rule_key: string;
  overall: boolean;
  department: string | null;
  stopped: number;
  met: number;
  pcts: (number | null)[] | null;
  mean_paused: number | null;
  paused_sum: number | null;
  counted_sum: number | null;
  open_now: number;
  overdue_now: number;
};

const figuresOf = (row: Row): RuleClockFigures => {
  const both = (row.paused_sum ?? 0) + (row.counted_sum ?? 0);
  return {
    stopped: row.stopped,
    met: row.met,
    attainment: row.stopped > 0 ? row.met / row.stopped : null,
    p50CountedMs: row.pcts?.[0] ?? null,
    p90CountedMs: row.pcts?.[1] ?? null,
    meanPausedMs: row.mean_paused,
    pausedShare: row.stopped > 0 && both > 0 ? (row.paused_sum ?? 0) / both : null,
    openNow: row.open_now,
    overdueNow: row.overdue_now,
  };
};

export async function ruleClocks(db: Queryable, query: RuleClockQuery): Promise<RuleClockReport[]> {
  const p = sqlParameters([query.from, query.to, query.now]);
  const where = [
    ...(query.departments ? [`first.department_key = any(${p.add(query.departments)}::text[])`] : []),
    ...(query.typeId ? [`t.type_id = ${p.add(query.typeId)}`] : []),
  ];
  const stoppedInRange = `c.state = 'stopped' and c.stopped_at >= $1 and c.stopped_at < $2`;
  const open = `c.state in ('running', 'paused')`;
  const { rows } = await db.query<Row>(
    `select c.rule_key, grouping(first.department_key) = 1 as overall, first.department_key as department,
       count(*) filter (where ${stoppedInRange})::int as stopped,
       count(*) filter (where ${stoppedInRange} and c.met)::int as met,
       percentile_cont(array[0.5, 0.9]) within group (order by c.counted_ms)
         filter (where ${stoppedInRange}) as pcts,
       avg(c.paused_ms) filter (where ${stoppedInRange})::float8 as mean_paused,
       sum(c.paused_ms) filter (where ${stoppedInRange})::float8 as paused_sum,
       sum(c.counted_ms) filter (where ${stoppedInRange})::float8 as counted_sum,
       count(*) filter (where ${open})::int as open_now,
       count(*) filter (where ${open} and (c.level in ('overdue', 'severe')
         or (c.state = 'running' and c.due_at <= $3)))::int as overdue_now
     from ticket_clocks c join tickets t on t.id = c.ticket_id left join ${FIRST_STAGE} on true
     ${where.length > 0 ? `where ${where.join(' and ')}` : ''}
     group by grouping sets ((c.rule_key, first.department_key), (c.rule_key))
     order by c.rule_key, overall desc, department nulls last`,
    p.values,
  );
  const { rows: names } = await db.query<{ key: string; name: string }>(
    `select distinct on (key) key, rule->>'name' as name from timing_rules order by key, version desc`,
  );
  const nameOf = new Map(names.map((n) => [n.key, n.name]));
  // Each rule's overall row comes first (order by overall desc), then its departments.
  const reports = new Map<string, RuleClockReport>();
  for (const row of rows) {
    if (row.overall)
      reports.set(row.rule_key, {
        key: row.rule_key,
        name: nameOf.get(row.rule_key) ?? row.rule_key,
        overall: figuresOf(row),
        departments: [],
      });
    else reports.get(row.rule_key)?.departments.push({ department: row.department, ...figuresOf(row) });
  }
  return [...reports.values()];
}
