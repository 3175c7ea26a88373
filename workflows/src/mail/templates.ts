// Mail templates: plain text with `{{placeholder}}`s, rendered for one ticket. Checked when saved
// (templateProblems), so rendering never meets a name it does not know; values are inserted as
// text (mail is sent as text/plain, so nothing a customer typed can become markup).
import { type Database, type Transaction, mailTemplates, stages, tickets, users } from '@baton/db';
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { existingStatusToken, liveStatusToken, statusPageUrl } from './status-link.js';

export const TEMPLATE_PLACEHOLDERS = {
  'ticket.number': 'The ticket number, e.g. 1042',
  'ticket.title': "The ticket's title",
  'ticket.status': "The ticket's status",
  'customer.name': "The customer's name (or their address when they gave none)",
  'customer.email': "The customer's e-mail address",
  'status.url': "The customer's status page link",
  'agent.name': 'The agent replying; in a flow mail, the last person who worked on the ticket',
} as const;

/** `fields.<key>` for each of the ticket type's fields. */
export const FIELD_PLACEHOLDER = /^fields\.([a-zA-Z][a-zA-Z0-9_]*)$/;

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

export type TemplateValues = Record<string, string>;

/** Each placeholder a template names that the type does not offer, with where it is. */
export function templateProblems(
  template: { subject: string; body: string },
  fieldKeys: readonly string[],
): { path: 'subject' | 'body'; message: string }[] {
  const problems: { path: 'subject' | 'body'; message: string }[] = [];
  for (const path of ['subject', 'body'] as const) {
    for (const [, name] of template[path].matchAll(PLACEHOLDER)) {
      const field = FIELD_PLACEHOLDER.exec(name!)?.[1];
      const known = name! in TEMPLATE_PLACEHOLDERS || (field !== undefined && fieldKeys.includes(field));
      if (!known)
        problems.push({
          path,
          message: `unknown placeholder {{${name}}}: use ${[
            ...Object.keys(TEMPLATE_PLACEHOLDERS),
            ...fieldKeys.map((key) => `fields.${key}`),
          ].join(', ')}`,
        });
    }
  }
  return problems;
}

/** Fills in the placeholders `values` has; any other `{{...}}` stays as written. */
export function renderTemplate(text: string, values: TemplateValues): string {
  return text.replace(PLACEHOLDER, (whole: string, name: string) => values[name] ?? whole);
}

const asText = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);

export type TemplateOptions = {
  appUrl: string;
  /** The replying agent; without one, the last person assigned a stage of the ticket. */
  agentName?: string;
  /**
   * 'issue' (default): the status link is made if the ticket has none, as for a mail being sent.
   * 'existing': only a live one is used (a preview writes nothing); without one, `{{status.url}}`
   * stays for the send to fill in.
   */
  statusLink?: 'issue' | 'existing';
};

/** The values of a ticket's placeholders. */
export async function templateValues(
  db: Database | Transaction,
  ticketId: string,
  options: TemplateOptions,
): Promise<TemplateValues | undefined> {
  const [ticket] = await db
    .select({
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      customer: tickets.customer,
      fields: tickets.fields,
    })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  if (!ticket) return undefined;
  let agentName = options.agentName;
  if (agentName === undefined) {
    const [last] = await db
      .select({ name: users.name })
      .from(stages)
      .innerJoin(users, eq(users.id, stages.assigneeId))
      .where(and(eq(stages.ticketId, ticketId), isNotNull(stages.assigneeId)))
      .orderBy(desc(stages.enteredAt))
      .limit(1);
    agentName = last?.name ?? 'the support team';
  }
  const customerEmail = ticket.customer.email ?? '';
  const token =
    options.statusLink === 'existing'
      ? await existingStatusToken(db, ticketId)
      : await liveStatusToken(db, ticketId);
  const values: TemplateValues = {
    'ticket.number': String(ticket.number),
    'ticket.title': ticket.title,
    'ticket.status': ticket.status,
    'customer.name': ticket.customer.name || customerEmail,
    'customer.email': customerEmail,
    'agent.name': agentName,
    ...(token ? { 'status.url': statusPageUrl(options.appUrl, token) } : {}),
  };
  for (const [key, value] of Object.entries(ticket.fields)) values[`fields.${key}`] = asText(value);
  return values;
}

/** The ticket's type's template `key`, rendered for it; undefined when the type has none by that key. */
export async function renderTicketTemplate(
  db: Database | Transaction,
  ticketId: string,
  key: string,
  options: TemplateOptions,
): Promise<{ subject: string; text: string } | undefined> {
  const [template] = await db
    .select({ subject: mailTemplates.subject, body: mailTemplates.body })
    .from(mailTemplates)
    .innerJoin(tickets, eq(tickets.typeId, mailTemplates.typeId))
    .where(and(eq(tickets.id, ticketId), eq(mailTemplates.key, key)));
  if (!template) return undefined;
  const values = await templateValues(db, ticketId, options);
  if (!values) return undefined;
  return { subject: renderTemplate(template.subject, values), text: renderTemplate(template.body, values) };
}
