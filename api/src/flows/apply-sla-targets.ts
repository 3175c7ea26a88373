// A deployed version's SLA targets applied to the running tickets of its type that started on
// older versions (a running ticket keeps the version it started with unless someone responsible
// applies the new one). Each older version's tickets get one sla.targetsChanged through the same
// fan-out as a calendar change: their open clocks take the new targets inside their runs, each
// moved deadline on their timelines.
import { and, count, eq, isNull, lt, notInArray } from 'drizzle-orm';
import { FINISHED_TICKET_STATUSES, type Flow, type SlaSpec } from '@baton/engine';
import { flowVersions, tickets } from '@baton/db';
import { actorFor } from '../access/task-access.js';
import { reachTickets, type CalendarReach, type ClockChange } from '../directory/calendar-changes.js';
import type { AppDeps, Database, Principal } from '../http/env.js';
import { notFound } from '../http/problem.js';
import { requireTicketType } from './ticket-types.js';

type Deps = Pick<AppDeps, 'db' | 'runtime' | 'log'>;
type SlaTargetsChanged = Extract<ClockChange, { type: 'sla.targetsChanged' }>;

/** Running tickets with a run (imported ones have none), of versions of `typeId`. */
const runningOf = (typeId: string) =>
  and(
    eq(flowVersions.ticketTypeId, typeId),
    notInArray(tickets.status, [...FINISHED_TICKET_STATUSES]),
    isNull(tickets.importedFrom),
  );

/** How many running tickets each version of the type has, by version number (absent: none). */
export async function runningTicketsByVersion(db: Database, typeId: string): Promise<Map<number, number>> {
  const rows = await db
    .select({ version: flowVersions.version, running: count() })
    .from(tickets)
    .innerJoin(flowVersions, eq(flowVersions.id, tickets.flowVersionId))
    .where(runningOf(typeId))
    .groupBy(flowVersions.version);
  return new Map(rows.map((row) => [row.version, row.running]));
}

/**
 * The targets of `next` for the user tasks `old` has too (null: `next` gives the task no SLA), and
 * its ticket SLA; elements `next` lacks are left alone. Undefined when nothing applies.
 */
export function targetsFor(
  old: Flow,
  next: Flow,
  reason: string,
): Omit<SlaTargetsChanged, 'actor'> | undefined {
  const tasks: Record<string, SlaSpec | null> = {};
  for (const [id, node] of Object.entries(next.nodes)) {
    if (node.kind === 'userTask' && old.nodes[id]?.kind === 'userTask') tasks[id] = node.sla ?? null;
  }
  if (Object.keys(tasks).length === 0 && next.ticketSla === undefined) return undefined;
  return {
    type: 'sla.targetsChanged',
    tasks,
    ...(next.ticketSla === undefined ? {} : { ticketSla: next.ticketSla }),
    reason,
  };
}

/** Sends version `version`'s SLA targets to the type's running tickets of older versions. */
export async function applySlaTargets(
  deps: Deps,
  principal: Principal,
  typeId: string,
  version: number,
): Promise<CalendarReach> {
  await requireTicketType(deps.db, typeId);
  const [next] = await deps.db
    .select({ compiled: flowVersions.compiled })
    .from(flowVersions)
    .where(and(eq(flowVersions.ticketTypeId, typeId), eq(flowVersions.version, version)));
  if (!next) throw notFound('flow version', `${typeId} v${version}`);
  const older = await deps.db
    .selectDistinct({ id: flowVersions.id, version: flowVersions.version, compiled: flowVersions.compiled })
    .from(flowVersions)
    .innerJoin(tickets, eq(tickets.flowVersionId, flowVersions.id))
    .where(and(runningOf(typeId), lt(flowVersions.version, version)))
    .orderBy(flowVersions.version);
  const reason = `the SLA targets of version ${version} were applied`;
  const reach: CalendarReach = { total: 0, reached: 0, failed: [] };
  // One version at a time: each gets the targets of the tasks it has.
  for (const old of older) {
    const targets = targetsFor(old.compiled as Flow, next.compiled as Flow, reason);
    if (targets === undefined) continue;
    const event: SlaTargetsChanged = { ...targets, actor: actorFor(principal) };
    const sent = await reachTickets(deps, eq(tickets.flowVersionId, old.id), event, {
      ticketType: typeId,
      fromVersion: old.version,
      version,
    });
    reach.total += sent.total;
    reach.reached += sent.reached;
    reach.failed.push(...sent.failed);
  }
  return reach;
}
