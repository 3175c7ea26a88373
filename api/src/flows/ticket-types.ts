// Ticket types: their form fields, defaults, and whether they have a draft and deployed versions.
import { asc, eq, sql } from 'drizzle-orm';
import { ticketTypes, type FieldDefinition, type TicketTypeDefaults } from '@baton/db';
import type { Database } from '../http/env.js';
import { invalid, notFound } from '../http/problem.js';

export type TicketTypeInput = {
  name: string;
  description: string;
  fields: FieldDefinition[];
  /** The API does not take `fields` defaults (only seeds set them). */
  defaults: Omit<TicketTypeDefaults, 'fields'>;
};

/** The type's public web form: published or not, and the origins whose pages may embed it. */
export type PublicForm = { published: boolean; allowedOrigins: string[] };

/** Publishes (or withdraws) the type's public form; 404 for an unknown type. */
export async function setPublicForm(db: Database, id: string, form: PublicForm) {
  const updated = await db
    .update(ticketTypes)
    .set({ formPublished: form.published, formOrigins: [...new Set(form.allowedOrigins)] })
    .where(eq(ticketTypes.id, id))
    .returning({ id: ticketTypes.id });
  if (updated.length === 0) throw notFound('ticket type', id);
  return ticketTypeOrFail(db, id);
}

/** Every ticket type, or the one with `id`, ordered by name, with its latest version. */
export function listTicketTypes(db: Database, id?: string) {
  return db
    .select({
      id: ticketTypes.id,
      name: ticketTypes.name,
      description: ticketTypes.description,
      fields: ticketTypes.fields,
      defaults: ticketTypes.defaults,
      latestVersion: sql<{
        id: string;
        version: number;
      } | null>`(select json_build_object('id', v.id, 'version', v.version)
        from flow_versions v where v.ticket_type_id = ticket_types.id order by v.version desc limit 1)`,
      hasDraft: sql<boolean>`exists (select 1 from flows f where f.ticket_type_id = ticket_types.id)`,
      publicForm: sql<PublicForm>`json_build_object('published', ${ticketTypes.formPublished}, 'allowedOrigins', ${ticketTypes.formOrigins})`,
    })
    .from(ticketTypes)
    .where(id ? eq(ticketTypes.id, id) : undefined)
    .orderBy(asc(ticketTypes.name));
}

/** The ticket type as the API shows it, or 404. */
export async function ticketTypeOrFail(db: Database, id: string) {
  const [row] = await listTicketTypes(db, id);
  if (!row) throw notFound('ticket type', id);
  return row;
}

/** 404 unless the ticket type exists. */
export async function requireTicketType(db: Database, id: string): Promise<void> {
  const [row] = await db.select({ id: ticketTypes.id }).from(ticketTypes).where(eq(ticketTypes.id, id));
  if (!row) throw notFound('ticket type', id);
}

/** The stored columns of a ticket type; refuses a form with two fields under one key. */
function ticketTypeValues(input: TicketTypeInput) {
  const keys = input.fields.map((f) => f.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate)
    throw invalid(`field key '${duplicate}' is used twice`, [
      { path: 'body.fields', message: `duplicate key ${duplicate}` },
    ]);
  return { name: input.name, description: input.description, fields: input.fields, defaults: input.defaults };
}

export async function createTicketType(db: Database, id: string, input: TicketTypeInput) {
  await db.insert(ticketTypes).values({ id, ...ticketTypeValues(input) });
  return ticketTypeOrFail(db, id);
}

/**
 * Replaces name, description, fields and defaults; tickets already created keep their fields.
 * The field defaults the API does not take (seeds set them) stay for the fields the form keeps.
 */
export async function updateTicketType(db: Database, id: string, input: TicketTypeInput) {
  const stored = await ticketTypeOrFail(db, id);
  const values = ticketTypeValues(input);
  const keptKeys = new Set(input.fields.map((f) => f.key));
  const keptFieldDefaults = Object.fromEntries(
    Object.entries(stored.defaults.fields ?? {}).filter(([key]) => keptKeys.has(key)),
  );
  const defaults: TicketTypeDefaults =
    Object.keys(keptFieldDefaults).length > 0
      ? { ...values.defaults, fields: keptFieldDefaults }
      : values.defaults;
  await db
    .update(ticketTypes)
    .set({ ...values, defaults })
    .where(eq(ticketTypes.id, id));
  return ticketTypeOrFail(db, id);
}
