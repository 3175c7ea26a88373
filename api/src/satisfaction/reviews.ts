// Reviews of bad ratings: the open ones a manager (or lead) answers for, and closing one with a
// note. Which departments a caller answers for is the reports' rule (access/report-scope.ts).
import type { Pool } from 'pg';
import { and, eq } from 'drizzle-orm';
import { ticketRatings } from '@baton/db';
import { reportDepartments } from '../access/report-scope.js';
import type { AppDeps, Principal } from '../http/env.js';
import { conflict, forbidden, notFound } from '../http/problem.js';

export type OpenReview = {
  ticketId: string;
  number: number;
  title: string;
  score: number;
  comment: string;
  ratedAt: string;
  department: string | null;
  agentId: string | null;
  late: boolean;
};

export async function openReviews(pool: Pool, principal: Principal): Promise<OpenReview[]> {
  const departments = reportDepartments(principal, undefined);
  const { rows } = await pool.query<{
    ticket_id: string;
    number: string;
    title: string;
    score: number;
    comment: string;
    rated_at: Date;
    department_key: string | null;
    agent_id: string | null;
    late: boolean;
  }>(
    `select r.ticket_id, t.number, t.title, r.score, r.comment, r.rated_at, r.department_key, r.agent_id, r.late
       from ticket_ratings r join tickets t on t.id = r.ticket_id
      where r.review_status = 'open' and ($1::text[] is null or r.department_key = any($1))
      order by r.rated_at`,
    [departments ?? null],
  );
  return rows.map((row) => ({
    ticketId: row.ticket_id,
    number: Number(row.number),
    title: row.title,
    score: row.score,
    comment: row.comment,
    ratedAt: row.rated_at.toISOString(),
    department: row.department_key,
    agentId: row.agent_id,
    late: row.late,
  }));
}

export async function closeReview(
  deps: Pick<AppDeps, 'db' | 'log' | 'config'>,
  principal: Principal,
  ticketId: string,
  note: string,
): Promise<void> {
  const [rating] = await deps.db.select().from(ticketRatings).where(eq(ticketRatings.ticketId, ticketId));
  if (!rating) throw notFound('rating of ticket', ticketId);
  const scope = reportDepartments(principal, undefined);
  if (scope && (!rating.departmentKey || !scope.includes(rating.departmentKey)))
    throw forbidden(
      `the review of ticket ${ticketId} belongs to department '${rating.departmentKey ?? 'none'}'`,
    );
  const closed = await deps.db
    .update(ticketRatings)
    .set({
      reviewStatus: 'closed',
      reviewedBy: principal.id,
      reviewedAt: new Date(deps.config.now()),
      reviewNote: note,
    })
    .where(and(eq(ticketRatings.ticketId, ticketId), eq(ticketRatings.reviewStatus, 'open')))
    .returning({ ticketId: ticketRatings.ticketId });
  if (closed.length === 0) throw conflict(`ticket ${ticketId} has no open review`);
  deps.log.info({ ticketId, userId: principal.id }, 'rating review closed');
}

/** A ticket's rating with its review, as the ticket page shows it; null while unrated. */
export async function ratingOfTicket(deps: Pick<AppDeps, 'db'>, ticketId: string) {
  const [rating] = await deps.db.select().from(ticketRatings).where(eq(ticketRatings.ticketId, ticketId));
  if (!rating) return null;
  return {
    score: rating.score,
    comment: rating.comment,
    ratedAt: rating.ratedAt.toISOString(),
    late: rating.late,
    review: {
      status: rating.reviewStatus,
      reviewedBy: rating.reviewedBy,
      reviewedAt: rating.reviewedAt?.toISOString() ?? null,
      note: rating.reviewNote,
    },
  };
}
