// Deployed flow versions: immutable XML and compiled Flow per (ticket type, version number).
import { desc, eq } from 'drizzle-orm';
import { flowVersions } from '@baton/db';
import type { Database } from '../http/env.js';
import { notFound } from '../http/problem.js';
import { requireTicketType } from './ticket-types.js';

export type VersionSummary = {
  id: string;
  ticketTypeId: string;
  version: number;
  deployedAt: Date;
  deployedBy: string | null;
};

/** The versions of a ticket type, newest first. */
export async function listFlowVersions(db: Database, typeId: string): Promise<VersionSummary[]> {
  await requireTicketType(db, typeId);
  return db
    .select({
      id: flowVersions.id,
      ticketTypeId: flowVersions.ticketTypeId,
      version: flowVersions.version,
      deployedAt: flowVersions.deployedAt,
      deployedBy: flowVersions.deployedBy,
    })
    .from(flowVersions)
    .where(eq(flowVersions.ticketTypeId, typeId))
    .orderBy(desc(flowVersions.version));
}

/** One version with its XML and compiled Flow, or 404. */
export async function flowVersionOrFail(db: Database, id: string) {
  const [row] = await db.select().from(flowVersions).where(eq(flowVersions.id, id));
  if (!row) throw notFound('flow version', id);
  return row;
}

/** The latest deployed version of a ticket type: where its new tickets start. */
export async function latestFlowVersion(db: Database, typeId: string) {
  const [version] = await db
    .select({ id: flowVersions.id, compiled: flowVersions.compiled })
    .from(flowVersions)
    .where(eq(flowVersions.ticketTypeId, typeId))
    .orderBy(desc(flowVersions.version))
    .limit(1);
  return version;
}
