// pickAssignee: who gets a newly opened user task whose `baton:assign` is not `none`. Candidates
// are the department's active members (agents first when the department has any). The workflow
// then applies `task.claimed` for the returned user, so the choice is recorded like a claim.
import { assignmentCursors, memberships, stages, tickets, users } from '@baton/db';
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import type { PickAssigneeInput } from '../workflows/records.js';
import type { ActivityContext } from './context.js';

async function candidates(ctx: ActivityContext, department: string): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: users.id, agent: sql<boolean>`'agent' = any(${users.roles})` })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.departmentKey, department), eq(users.active, true)))
    .orderBy(asc(users.id));
  const agents = rows.filter((r) => r.agent);
  return (agents.length > 0 ? agents : rows).map((r) => r.id);
}

/**
 * Next member after the department's cursor, wrapping around. Not strictly idempotent: if the
 * result of a committed pick is lost and the activity retried, one member is skipped once.
 */
async function roundRobin(ctx: ActivityContext, department: string, members: string[]): Promise<string> {
  return ctx.db.transaction(async (tx) => {
    const [cursor] = await tx
      .select({ last: assignmentCursors.lastUserId })
      .from(assignmentCursors)
      .where(eq(assignmentCursors.departmentKey, department))
      .for('update');
    const next = members.find((id) => cursor?.last == null || id > cursor.last) ?? members[0]!;
    await tx
      .insert(assignmentCursors)
      .values({ departmentKey: department, lastUserId: next })
      .onConflictDoUpdate({
        target: assignmentCursors.departmentKey,
        set: { lastUserId: next, updatedAt: new Date() },
      });
    return next;
  });
}

/** Fewest open stages; ties go to the member id that sorts first (stable). */
async function leastLoaded(ctx: ActivityContext, members: string[]): Promise<string> {
  const loads = await ctx.db
    .select({ id: stages.assigneeId, open: sql<number>`count(*)::int` })
    .from(stages)
    .where(and(isNull(stages.closedAt), inArray(stages.assigneeId, members)))
    .groupBy(stages.assigneeId);
  const load = new Map(loads.map((l) => [l.id, l.open]));
  return [...members].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : 1))[0]!;
}

/** Whoever in this department last handled a ticket of the same customer (by e-mail). */
async function previousHandler(
  ctx: ActivityContext,
  input: PickAssigneeInput,
  members: string[],
): Promise<string | undefined> {
  const [ticket] = await ctx.db
    .select({ email: sql<string | null>`lower(${tickets.customer}->>'email')` })
    .from(tickets)
    .where(eq(tickets.id, input.ticketId));
  if (!ticket?.email) return undefined;
  const [previous] = await ctx.db
    .select({ assignee: stages.assigneeId })
    .from(stages)
    .innerJoin(tickets, eq(tickets.id, stages.ticketId))
    .where(
      and(
        sql`lower(${tickets.customer}->>'email') = ${ticket.email}`,
        eq(stages.departmentKey, input.department),
        isNotNull(stages.assigneeId),
        inArray(stages.assigneeId, members),
        or(ne(stages.ticketId, input.ticketId), ne(stages.taskId, input.taskId)),
      ),
    )
    .orderBy(desc(sql`coalesce(${stages.closedAt}, ${stages.claimedAt}, ${stages.enteredAt})`))
    .limit(1);
  return previous?.assignee ?? undefined;
}

export async function pickAssignee(ctx: ActivityContext, input: PickAssigneeInput): Promise<string | null> {
  const members = await candidates(ctx, input.department);
  if (members.length === 0) return null;
  switch (input.strategy) {
    case 'round-robin':
      return roundRobin(ctx, input.department, members);
    case 'least-loaded':
      return leastLoaded(ctx, members);
    case 'previous-handler':
      return (await previousHandler(ctx, input, members)) ?? leastLoaded(ctx, members);
  }
}
