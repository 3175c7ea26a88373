// First-response and resolution times of tickets per department: how long customers waited for
// an agent's first reply, and for their ticket to be done. Ticket-level figures, so each ticket
// belongs to the department of its first stage (the one that received it), as in service.ts; the
// distributions use the stage-durations report's machinery (exact percentile_cont, the same
// duration bands) so the dashboard draws them with the same bands.
import { bucketColumns, bucketsFromRow } from './buckets.js';
import { FIRST_STAGE } from './service.js';
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';

export type ResponseTimeQuery = { from: Date; to: Date; departments?: string[]; typeId?: string };

export type Distribution = {
  /** Tickets with a time measured. */
  count: number;
  /** null when no ticket was measured. */
  meanMs: number | null;
  p50Ms: number | null;
  p90Ms: number | null;
  histogram: ReturnType<typeof bucketsFromRow>;
};
export type FirstResponse = Distribution & { noResponseYet: number };

export type ResponseTimes = {
  firstResponse: { overall: FirstResponse; departments: (FirstResponse & { department: string | null })[] };
  resolution: { overall: Distribution; departments: (Distribution & { department: string | null })[] };
};

/**
 * The first reply an agent sent the customer: outgoing mails with an author. Baton's automatic
 * mails (acknowledgements, stage-change notices, the rating mail) have no author and are no response.
 */
const FIRST_AGENT_REPLY = `lateral (select min(m.at) as at from ticket_mails m
  where m.ticket_id = t.id and m.direction = 'out' and m.author_id is not null) reply`;

const FRACTIONS = [0.5, 0.9] as const;

type Row = {
  overall: boolean;
  department: string | null;
  count: number;
  unmeasured: number;
  mean: number | null;
  pcts: (number | null)[] | null;
  [bucket: string]: unknown;
};

const distributionOf = (row: Row | undefined): Distribution => ({
  count: row?.count ?? 0,
  meanMs: row?.mean ?? null,
  p50Ms: row?.pcts?.[0] ?? null,
  p90Ms: row?.pcts?.[1] ?? null,
  histogram: bucketsFromRow(row ?? {}, row?.count ?? 0),
});

/**
 * Figures per first-stage department and over all of them (one grouping set each) of `v`, the
 * duration in ms per ticket or null when it has none yet. Tickets without a stage have no
 * department and are left out.
 */
async function distributions(
  db: Queryable,
  query: ResponseTimeQuery,
  sql: { v: string; joins: string; where: string[] },
) {
  const p = sqlParameters([query.from, query.to]);
  const where = [
    ...sql.where,
    ...(query.departments ? [`first.department_key = any(${p.add(query.departments)}::text[])`] : []),
    ...(query.typeId ? [`t.type_id = ${p.add(query.typeId)}`] : []),
  ];
  const { rows } = await db.query<Row>(
    `select grouping(department) = 1 as overall, department,
       count(v)::int as count, count(*) filter (where v is null)::int as unmeasured,
       avg(v)::float8 as mean,
       percentile_cont(array[${FRACTIONS.join(', ')}]) within group (order by v) as pcts,
       ${bucketColumns('v')}
     from (select first.department_key as department, ${sql.v} as v
             from tickets t join ${FIRST_STAGE} on true ${sql.joins}
            where ${where.join(' and ')}) d
     group by grouping sets ((department), ())
     order by overall, department nulls last`,
    p.values,
  );
  const overall = rows.find((r) => r.overall);
  return {
    overall: { figures: distributionOf(overall), unmeasured: overall?.unmeasured ?? 0 },
    departments: rows
      .filter((r) => !r.overall)
      .map((r) => ({ department: r.department, figures: distributionOf(r), unmeasured: r.unmeasured })),
  };
}

/**
 * The ms between two timestamptz expressions, null while `to` is (greatest would turn it into 0),
 * never negative (an imported ticket's mails may predate its creation in Baton).
 */
const msBetween = (from: string, to: string) =>
  `(case when ${to} is null then null else greatest(extract(epoch from (${to} - ${from})) * 1000, 0) end)::float8`;

export async function responseTimes(db: Queryable, query: ResponseTimeQuery): Promise<ResponseTimes> {
  const response = await distributions(db, query, {
    v: msBetween('t.created_at', 'reply.at'),
    joins: `left join ${FIRST_AGENT_REPLY} on true`,
    where: ['t.created_at >= $1', 't.created_at < $2'],
  });
  const resolution = await distributions(db, query, {
    v: msBetween('t.created_at', 't.closed_at'),
    joins: '',
    where: ["t.status = 'done'", 't.closed_at >= $1', 't.closed_at < $2'],
  });
  // A ticket created in the range with no agent reply yet is "no response yet", not a duration.
  const firstResponse = (d: { figures: Distribution; unmeasured: number }) => ({
    ...d.figures,
    noResponseYet: d.unmeasured,
  });
  return {
    firstResponse: {
      overall: firstResponse(response.overall),
      departments: response.departments.map((d) => ({ department: d.department, ...firstResponse(d) })),
    },
    resolution: {
      overall: resolution.overall.figures,
      departments: resolution.departments.map((d) => ({ department: d.department, ...d.figures })),
    },
  };
}
