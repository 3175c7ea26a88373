// The editable draft (BPMN XML) of a ticket type's flow.
import { eq } from 'drizzle-orm';
import { flows } from '@baton/db';
import type { Database } from '../http/env.js';
import { ApiError } from '../http/problem.js';
import { requireTicketType } from './ticket-types.js';

export async function readDraft(db: Database, typeId: string) {
  await requireTicketType(db, typeId);
  const [draft] = await db.select().from(flows).where(eq(flows.ticketTypeId, typeId));
  // Its own problem type: a client opens an empty editor for a type that exists but has no draft.
  if (!draft) throw new ApiError('no-draft', `ticket type '${typeId}' has no flow draft yet`);
  return draft;
}

/** The XML to compile for an existing ticket type: the one given, else the saved draft. */
export async function draftXml(db: Database, typeId: string, given?: string): Promise<string> {
  if (given === undefined) return (await readDraft(db, typeId)).xml;
  await requireTicketType(db, typeId);
  return given;
}

/** Saves the draft as it is; it is not checked until validate or deploy. */
export async function saveDraft(db: Database, typeId: string, xml: string, userId: string, now: Date) {
  await requireTicketType(db, typeId);
  await db
    .insert(flows)
    .values({ ticketTypeId: typeId, xml, updatedAt: now, updatedBy: userId })
    .onConflictDoUpdate({ target: flows.ticketTypeId, set: { xml, updatedAt: now, updatedBy: userId } });
}
