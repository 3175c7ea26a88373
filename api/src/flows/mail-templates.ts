// A ticket type's mail templates as process owners keep them: placeholders checked against what
// a ticket of the type offers (workflows' mail/templates.ts), so every template renders.
import { and, eq } from 'drizzle-orm';
import { mailTemplates, ticketTypes, type FieldDefinition } from '@baton/db';
import { templateProblems } from '@baton/workflows';
import type { Database } from '../http/env.js';
import { invalid, notFound } from '../http/problem.js';

export type MailTemplateInput = { name: string; subject: string; body: string };

const columns = {
  key: mailTemplates.key,
  name: mailTemplates.name,
  subject: mailTemplates.subject,
  body: mailTemplates.body,
  updatedAt: mailTemplates.updatedAt,
};

const templateJson = (row: {
  key: string;
  name: string;
  subject: string;
  body: string;
  updatedAt: Date;
}) => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

async function typeFields(db: Database, typeId: string): Promise<string[]> {
  const [type] = await db
    .select({ fields: ticketTypes.fields })
    .from(ticketTypes)
    .where(eq(ticketTypes.id, typeId));
  if (!type) throw notFound('ticket type', typeId);
  return (type.fields as FieldDefinition[]).map((field) => field.key);
}

export async function listMailTemplates(db: Database, typeId: string) {
  await typeFields(db, typeId);
  const rows = await db
    .select(columns)
    .from(mailTemplates)
    .where(eq(mailTemplates.typeId, typeId))
    .orderBy(mailTemplates.name);
  return rows.map(templateJson);
}

export async function saveMailTemplate(
  db: Database,
  typeId: string,
  key: string,
  input: MailTemplateInput,
  updatedBy: string,
) {
  const problems = templateProblems(input, await typeFields(db, typeId));
  if (problems.length > 0)
    throw invalid(
      problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      problems.map((p) => ({ path: `body.${p.path}`, message: p.message })),
    );
  const values = { ...input, updatedBy, updatedAt: new Date() };
  const [saved] = await db
    .insert(mailTemplates)
    .values({ typeId, key, ...values })
    .onConflictDoUpdate({ target: [mailTemplates.typeId, mailTemplates.key], set: values })
    .returning(columns);
  return templateJson(saved!);
}

export async function deleteMailTemplate(db: Database, typeId: string, key: string) {
  const deleted = await db
    .delete(mailTemplates)
    .where(and(eq(mailTemplates.typeId, typeId), eq(mailTemplates.key, key)))
    .returning({ key: mailTemplates.key });
  if (deleted.length === 0) throw notFound('mail template', `${typeId}/${key}`);
}
