// Customer satisfaction over the ratings given in the range: per department and per agent (whom
// each rating is about: the ticket's last stage), the mean score, the share of bad ratings, and
// that share apart for tickets whose last stage was late and those on time, which says whether
// lateness is what customers punish.
import { BAD_RATING_AT } from '../satisfaction/rate-ticket.js';
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';

export type SatisfactionQuery = { from: Date; to: Date; departments?: string[]; typeId?: string };

export type SatisfactionFigures = {
  ratings: number;
  meanScore: number | null;
  bad: number;
  badShare: number | null;
  /** Bad share among ratings of tickets whose last stage was late; null without any. */
  badShareWhenLate: number | null;
  badShareOnTime: number | null;
};

type Row = { ratings: number; score_sum: string; bad: number; late: number; bad_late: number };

const figures = (row: Row): SatisfactionFigures => {
  const onTime = row.ratings - row.late;
  return {
    ratings: row.ratings,
    meanScore: row.ratings > 0 ? Number(row.score_sum) / row.ratings : null,
    bad: row.bad,
    badShare: row.ratings > 0 ? row.bad / row.ratings : null,
    badShareWhenLate: row.late > 0 ? row.bad_late / row.late : null,
    badShareOnTime: onTime > 0 ? (row.bad - row.bad_late) / onTime : null,
  };
};

export async function satisfaction(db: Queryable, query: SatisfactionQuery) {
  const p = sqlParameters([query.from, query.to, BAD_RATING_AT]);
  const where = [
    'r.rated_at >= $1',
    'r.rated_at < $2',
    ...(query.departments ? [`r.department_key = any(${p.add(query.departments)})`] : []),
    ...(query.typeId ? [`t.type_id = ${p.add(query.typeId)}`] : []),
  ].join(' and ');
  const measures = `count(*)::int as ratings, coalesce(sum(r.score), 0) as score_sum,
    count(*) filter (where r.score <= $3)::int as bad, count(*) filter (where r.late)::int as late,
    count(*) filter (where r.late and r.score <= $3)::int as bad_late`;
  const from = 'ticket_ratings r join tickets t on t.id = r.ticket_id';
  const [departments, agents] = await Promise.all([
    db.query<Row & { department: string | null }>(
      `select r.department_key as department, ${measures} from ${from} where ${where}
        group by r.department_key order by r.department_key nulls last`,
      p.values,
    ),
    db.query<Row & { department: string | null; user_id: string; name: string }>(
      `select r.department_key as department, r.agent_id as user_id, u.name, ${measures}
         from ${from} join users u on u.id = r.agent_id where ${where}
        group by r.department_key, r.agent_id, u.name order by r.department_key nulls last, u.name`,
      p.values,
    ),
  ]);
  return {
    departments: departments.rows.map((row) => ({ department: row.department, ...figures(row) })),
    agents: agents.rows.map((row) => ({
      department: row.department,
      userId: row.user_id,
      name: row.name,
      ...figures(row),
    })),
  };
}
