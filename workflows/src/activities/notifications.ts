// Notifications for one recorded step: resolve symbolic recipients to people, write in-app and
// e-mail rows (dedupe_key makes a retried step add nothing), then send the e-mails not sent yet.
import { type Database, departments, memberships, notifications, stages, users } from '@baton/db';
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { NotificationRecord } from '../workflows/records.js';
import type { ActivityContext } from './context.js';

type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
type Person = { userId?: string; email?: string; customer?: boolean };
export type TicketSummary = { id: string; number: number; title: string; customerEmail?: string };

const activeUser = { userId: users.id, email: users.email };

/** Resolves `user:<id>`, `lead:<dept>`, `group:<dept>`, `role:<role>` and `customer`. */
export async function resolveRecipient(tx: Tx, recipient: string, ticket: TicketSummary): Promise<Person[]> {
  if (recipient === 'customer')
    return ticket.customerEmail ? [{ email: ticket.customerEmail, customer: true }] : [];
  const colon = recipient.indexOf(':');
  const kind = recipient.slice(0, colon);
  const key = recipient.slice(colon + 1);
  switch (kind) {
    case 'user':
      return tx
        .select(activeUser)
        .from(users)
        .where(and(eq(users.id, key), eq(users.active, true)));
    case 'lead':
      return tx
        .select(activeUser)
        .from(departments)
        .innerJoin(users, eq(users.id, departments.leadUserId))
        .where(and(eq(departments.key, key), eq(users.active, true)));
    case 'group': {
      const members = await tx
        .select(activeUser)
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.departmentKey, key), eq(users.active, true)))
        .orderBy(users.id);
      if (members.length > 0) return members;
      // An empty group still reaches the department's shared mailbox, if it has one.
      const [department] = await tx
        .select({ email: departments.email })
        .from(departments)
        .where(eq(departments.key, key));
      return department?.email ? [{ email: department.email }] : [];
    }
    case 'role':
      return tx
        .select(activeUser)
        .from(users)
        .where(and(sql`${key} = any(${users.roles})`, eq(users.active, true)))
        .orderBy(users.id);
    default:
      return [];
  }
}

const LEVEL_WORDS: Record<string, string> = {
  'sla.warning': 'is nearing its deadline',
  'sla.overdue': 'is overdue',
  'sla.severe': 'is severely overdue',
};

/** `task-reminder` -> `Task reminder`: diagram templates are free-form keys. */
const humanize = (template: string) => {
  const words = template.replace(/[-._]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

type StageSummary = { name: string; department: string | null; dueAt: Date | null };

/**
 * Staff get the stage, its due time and a link into Baton; the customer gets a plain notice about
 * their request with nothing internal (no stage names, no links to the staff UI).
 */
export function renderNotification(
  template: string,
  ticket: TicketSummary,
  task: StageSummary | undefined,
  appUrl: string | undefined,
  audience: 'staff' | 'customer' = 'staff',
): { subject: string; body: string } {
  const ref = `#${ticket.number} "${ticket.title}"`;
  if (audience === 'customer') {
    const subject = `Your request ${ref}: ${humanize(template)}`;
    return {
      subject,
      body: `Hello,\n\nThere is news about your request ${ref}: ${humanize(template)}.\n\nYour help desk`,
    };
  }
  const level = LEVEL_WORDS[template];
  const subject =
    level && task
      ? `[Baton] ${ref}: "${task.name}" ${level}`
      : level
        ? `[Baton] ${ref} ${level}`
        : template === 'flow.incident'
          ? `[Baton] ${ref} needs attention: the flow hit an incident`
          : `[Baton] ${ref}: ${humanize(template)}${task ? ` ("${task.name}")` : ''}`;
  const lines = [subject.replace('[Baton] ', '')];
  if (task) {
    lines.push(`Stage: ${task.name}${task.department ? ` (${task.department})` : ''}`);
    if (task.dueAt) lines.push(`Due: ${task.dueAt.toISOString()}`);
  }
  lines.push(`Ticket: ${appUrl ?? ''}/tickets/${ticket.id}`);
  return { subject, body: lines.join('\n') };
}

/** Writes the rows for a step's notify effects; returns how many were new. */
export async function insertNotifications(
  ctx: ActivityContext,
  tx: Tx,
  ticket: TicketSummary,
  seq: number,
  records: NotificationRecord[],
): Promise<number> {
  let inserted = 0;
  for (const record of records) {
    const people = new Map<string, Person>();
    for (const recipient of record.to) {
      const resolved = await resolveRecipient(tx, recipient, ticket);
      if (resolved.length === 0)
        ctx.log.warn({ ticketId: ticket.id, recipient }, 'notification recipient resolves to nobody');
      for (const person of resolved)
        people.set(person.userId ? `user:${person.userId}` : `email:${person.email}`, person);
    }
    const [task] = record.taskId
      ? await tx
          .select({ name: stages.name, department: stages.departmentKey, dueAt: stages.dueAt })
          .from(stages)
          .where(and(eq(stages.ticketId, ticket.id), eq(stages.taskId, record.taskId)))
      : [];
    const staff = renderNotification(record.template, ticket, task, ctx.appUrl);
    const customer = renderNotification(record.template, ticket, task, ctx.appUrl, 'customer');
    const rows: (typeof notifications.$inferInsert)[] = [];
    for (const [who, person] of people) {
      const text = person.customer ? customer : staff;
      const base = { ticketId: ticket.id, taskId: record.taskId ?? null, template: record.template, ...text };
      const key = `${ticket.id}:${seq}:${record.template}:${who}`;
      if (person.userId)
        rows.push({ ...base, dedupeKey: `${key}:in_app`, channel: 'in_app', userId: person.userId });
      if (ctx.mailer && person.email) {
        rows.push({
          ...base,
          dedupeKey: `${key}:email`,
          channel: 'email',
          userId: person.userId ?? null,
          email: person.email,
        });
      }
    }
    if (rows.length === 0) continue;
    const result = await tx
      .insert(notifications)
      .values(rows)
      .onConflictDoNothing({ target: notifications.dedupeKey });
    inserted += result.rowCount ?? 0;
  }
  return inserted;
}

/**
 * Sends this step's e-mails that are not sent yet. Runs after the transaction commits, also on
 * a retry that found the step already written, so a crash between commit and send loses nothing.
 * A send failure is recorded on the row, never thrown: a mail outage must not stop the ticket.
 */
export async function sendPendingEmails(
  ctx: ActivityContext,
  ticketId: string,
  seq: number,
): Promise<number> {
  const { mailer } = ctx;
  if (!mailer) return 0;
  const pending = await ctx.db
    .select({
      id: notifications.id,
      email: notifications.email,
      subject: notifications.subject,
      body: notifications.body,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.ticketId, ticketId),
        eq(notifications.channel, 'email'),
        isNull(notifications.sentAt),
        isNull(notifications.error),
        like(notifications.dedupeKey, `${ticketId}:${seq}:%`),
      ),
    )
    .orderBy(notifications.id);
  let sent = 0;
  for (const row of pending) {
    if (!row.email) continue;
    try {
      await mailer.send({ to: row.email, subject: row.subject, text: row.body });
      await ctx.db.update(notifications).set({ sentAt: new Date() }).where(eq(notifications.id, row.id));
      sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      ctx.log.warn({ ticketId, notificationId: row.id, err: message }, 'e-mail notification failed');
      await ctx.db.update(notifications).set({ error: message }).where(eq(notifications.id, row.id));
    }
  }
  return sent;
}
