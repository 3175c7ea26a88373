// Service figures from the help-desk domain, for a range: where tickets came from (their source),
// how many done tickets the first department resolved alone (first-contact resolution), and how
// long departments and agents work on a stage once they have claimed it (handling time).
// Ticket-level figures (sources, first contact) belong to the department of the ticket's first
// stage, the one that received it; handling time belongs to the department and agent of each stage.
import { TICKET_SOURCES, type TicketSource } from '@baton/db';
import { sqlParameters } from '../sql/parameters.js';
import type { Queryable } from '../sql/queryable.js';

export type ServiceQuery = { from: Date; to: Date; departments?: string[]; typeId?: string };

/** Tickets from before sources were recorded (tickets.source null). */
export const UNKNOWN_SOURCE = 'unknown' as const;
export type SourceKey = TicketSource | typeof UNKNOWN_SOURCE;

export type SourceCount = { source: SourceKey; tickets: number; share: number | null };
export type FirstContact = { done: number; firstContact: number; rate: number | null };
export type Handling = { stages: number; meanWorkMs: number; meanBusinessWorkMs: number };

export type ServiceFigures = {
  sources: SourceCount[];
  firstContact: { overall: FirstContact; departments: (FirstContact & { department: string | null })[] };
  handling: {
    departments: (Handling & { department: string | null })[];
    agents: (Handling & { department: string | null; userId: string; name: string })[];
  };
};

/** The ticket's first stage (earliest entered, ties by task id): the department that received it. */
export const FIRST_STAGE = `lateral (select s.department_key from stages s where s.ticket_id = t.id
  order by s.entered_at, s.task_id limit 1) first`;

const firstContact = (done: number, resolved: number): FirstContact => ({
  done,
  firstContact: resolved,
  rate: done > 0 ? resolved / done : null,
});

export async function service(db: Queryable, query: ServiceQuery): Promise<ServiceFigures> {
  const sources = await ticketSources(db, query);
  const resolution = await firstContactResolution(db, query);
  const handling = await handlingTime(db, query);
  const done = resolution.reduce((sum, d) => sum + d.done, 0);
  const resolved = resolution.reduce((sum, d) => sum + d.firstContact, 0);
  return {
    sources,
    firstContact: { overall: firstContact(done, resolved), departments: resolution },
    handling,
  };
}

/**
 * Tickets created in the range per source: every known source listed (zero too, so charts keep
 * their categories), unknown only when there are such tickets. Scoped to departments, a ticket
 * counts when its first stage is in one of them; unscoped, every ticket does, with no stage yet too.
 */
async function ticketSources(db: Queryable, query: ServiceQuery): Promise<SourceCount[]> {
  const p = sqlParameters([query.from, query.to]);
  const where = [
    't.created_at >= $1',
    't.created_at < $2',
    ...(query.departments ? [`first.department_key = any(${p.add(query.departments)}::text[])`] : []),
    ...(query.typeId ? [`t.type_id = ${p.add(query.typeId)}`] : []),
  ];
  const { rows } = await db.query<{ source: TicketSource | null; tickets: number }>(
    `select t.source, count(*)::int as tickets
       from tickets t left join ${FIRST_STAGE} on true
      where ${where.join(' and ')} group by t.source`,
    p.values,
  );
  const countOf = new Map<SourceKey, number>(rows.map((r) => [r.source ?? UNKNOWN_SOURCE, r.tickets]));
  const total = rows.reduce((sum, r) => sum + r.tickets, 0);
  const keys: SourceKey[] = [...TICKET_SOURCES, ...(countOf.has(UNKNOWN_SOURCE) ? [UNKNOWN_SOURCE] : [])];
  return keys.map((source) => {
    const tickets = countOf.get(source) ?? 0;
    return { source, tickets, share: total > 0 ? tickets / total : null };
  });
}

/**
 * Tickets done in the range (status done, closed in the range; cancelled ones were not resolved)
 * per first-stage department, and of those the ones whose every stage was in that department: no
 * transfer or handoff. Tickets without any stage have no department that resolved them: left out.
 */
async function firstContactResolution(db: Queryable, query: ServiceQuery) {
  const p = sqlParameters([query.from, query.to]);
  const where = [
    "t.status = 'done'",
    't.closed_at >= $1',
    't.closed_at < $2',
    ...(query.departments ? [`first.department_key = any(${p.add(query.departments)}::text[])`] : []),
    ...(query.typeId ? [`t.type_id = ${p.add(query.typeId)}`] : []),
  ];
  const { rows } = await db.query<{ department: string | null; done: number; first_contact: number }>(
    `select first.department_key as department, count(*)::int as done,
       count(*) filter (where not exists (select 1 from stages o
         where o.ticket_id = t.id and o.department_key is distinct from first.department_key))::int as first_contact
       from tickets t join ${FIRST_STAGE} on true
      where ${where.join(' and ')}
      group by first.department_key order by 1 nulls last`,
    p.values,
  );
  return rows.map((r) => ({ department: r.department, ...firstContact(r.done, r.first_contact) }));
}

/**
 * Stages closed in the range that someone claimed: the mean of claimed..closed (work_ms, time on
 * hold included) in wall-clock and business time, per department and per agent in a department.
 * Stages closed unclaimed (by a timer, a cancellation) had no handling and are left out.
 */
async function handlingTime(db: Queryable, query: ServiceQuery): Promise<ServiceFigures['handling']> {
  const p = sqlParameters([query.from, query.to]);
  const where = [
    's.closed_at >= $1',
    's.closed_at < $2',
    's.claimed_at is not null',
    's.work_ms is not null',
    's.business_work_ms is not null',
    ...(query.departments ? [`s.department_key = any(${p.add(query.departments)}::text[])`] : []),
    ...(query.typeId
      ? [`s.ticket_id in (select id from tickets where type_id = ${p.add(query.typeId)})`]
      : []),
  ].join(' and ');
  const means = `count(*)::int as stages, avg(s.work_ms)::float8 as mean_work_ms,
    avg(s.business_work_ms)::float8 as mean_business_work_ms`;
  type Row = {
    department: string | null;
    stages: number;
    mean_work_ms: number;
    mean_business_work_ms: number;
  };
  const figures = (r: Row) => ({
    department: r.department,
    stages: r.stages,
    meanWorkMs: r.mean_work_ms,
    meanBusinessWorkMs: r.mean_business_work_ms,
  });
  const departments = await db.query<Row>(
    `select s.department_key as department, ${means} from stages s where ${where}
      group by s.department_key order by 1 nulls last`,
    p.values,
  );
  const agents = await db.query<Row & { user_id: string; name: string }>(
    `select s.department_key as department, s.assignee_id as user_id, u.name, ${means}
       from stages s join users u on u.id = s.assignee_id where ${where}
      group by s.department_key, s.assignee_id, u.name order by 1 nulls last, u.name, 2`,
    p.values,
  );
  return {
    departments: departments.rows.map(figures),
    agents: agents.rows.map((r) => ({ ...figures(r), userId: r.user_id, name: r.name })),
  };
}
