// Notifications for one recorded step: resolve symbolic recipients to people, write in-app rows
// and e-mail rows into the outbox (dedupe_key makes a retried step add nothing). The outbox relay
// (../outbox/relay.ts) sends the e-mails, never the step's own transaction.
import { type Transaction, departments, memberships, notifications, stages, users } from '@baton/db';
import { and, eq, exists, isNull, or, sql } from 'drizzle-orm';
import type { NotificationRecord } from '../workflows/records.js';
import type { ActivityContext } from './context.js';

export type Person = { userId?: string; email?: string; customer?: boolean };
export type TicketSummary = { id: string; number: number; title: string; customerEmail?: string };

const activeUser = { userId: users.id, email: users.email };

/**
 * Resolves `user:<id>`, `lead:<dept>` (the department's lead), `manager:<dept>` (see
 * managersOfDepartment), `group:<dept>`, `role:<role>` and `customer`.
 */
export async function resolveRecipient(
  tx: Transaction,
  recipient: string,
  ticket: TicketSummary,
): Promise<Person[]> {
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
    case 'manager': {
      const responsible = await managersOfDepartment(tx, key);
      return responsible.length > 0 ? responsible : resolveRecipient(tx, 'role:manager', ticket);
    }
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

/**
 * The managers who answer for a department: its own manager (departments.manager_user_id), else
 * the managers whose scope covers it — those of every department and those of their memberships
 * who are a member of it (users.manager_scope, as reports use it). A department's lead holds
 * the manager role for their own department, so a bare `role:manager` reached every lead of the
 * company. Only when nobody covers the department does the caller widen to every manager, so a
 * notice never goes unheard.
 */
async function managersOfDepartment(tx: Transaction, key: string): Promise<Person[]> {
  const own = await tx
    .select(activeUser)
    .from(departments)
    .innerJoin(users, eq(users.id, departments.managerUserId))
    .where(and(eq(departments.key, key), eq(users.active, true)));
  if (own.length > 0) return own;
  const member = tx
    .select({ one: sql`1` })
    .from(memberships)
    .where(and(eq(memberships.userId, users.id), eq(memberships.departmentKey, key)));
  return tx
    .select(activeUser)
    .from(users)
    .where(
      and(
        sql`'manager' = any(${users.roles})`,
        eq(users.active, true),
        or(
          eq(users.managerScope, 'every_department'),
          and(eq(users.managerScope, 'memberships'), exists(member)),
        ),
      ),
    )
    .orderBy(users.id);
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

export type StageSummary = { name: string; department: string | null; dueAt: Date | null };

/**
 * Staff get the stage, its due time and a link into Baton; the customer gets a plain notice about
 * their request with nothing internal (no stage names, no links to the staff UI).
 */
export function renderNotification(
  notice: Pick<NotificationRecord, 'template' | 'clock'>,
  ticket: TicketSummary,
  task: StageSummary | undefined,
  appUrl: string | undefined,
  audience: 'staff' | 'customer' = 'staff',
): { subject: string; body: string } {
  const { template, clock } = notice;
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
      : level && clock
        ? `[Baton] ${ref}: ${clock} ${level}`
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

/**
 * The engine asks for `role:manager` (a send task's `manager`, a severe escalation): for a
 * department's task that is the department's managers (managersOfDepartment); for a notice of no
 * task (the whole ticket's clock), the managers of the departments holding the ticket now. Only a
 * notice no department holds reaches every manager.
 */
const managersOf = (to: string[], held: string[]) =>
  held.length === 0 ? to : to.flatMap((r) => (r === 'role:manager' ? held.map((d) => `manager:${d}`) : [r]));

/** The departments a notice is about: its task's, else (the whole ticket) those holding it now. */
async function departmentsOfNotice(
  tx: Transaction,
  ticketId: string,
  record: NotificationRecord,
  task: StageSummary | undefined,
): Promise<string[]> {
  if (task) return task.department ? [task.department] : [];
  // Only `role:manager` depends on them: no query for the other notices.
  if (!record.to.includes('role:manager')) return [];
  const rows = await tx
    .selectDistinct({ department: stages.departmentKey })
    .from(stages)
    .where(and(eq(stages.ticketId, ticketId), isNull(stages.closedAt)))
    .orderBy(stages.departmentKey);
  return rows.flatMap((row) => (row.department ? [row.department] : []));
}

/**
 * Where notices come from: a recorded step (`seq`, which a rewrite of that step drops while
 * undelivered), or a level the escalation watch recorded ahead of the workflow (`key`: sent once
 * as a fact of that instant, no step of the ticket's takes it back).
 */
export type NoticeOrigin = { seq: number } | { escalation: string };

/** Lookups shared by many notices written together (the escalation watch's batch). */
export type NoticeLookups = {
  /** The stage a notice is about, when the caller has it at hand (else it is read). */
  stageOf?: (taskId: string) => StageSummary | undefined;
  /** Recipients resolved so far, by symbolic name (never `customer`: that is per ticket). */
  people?: Map<string, Promise<Person[]>>;
};

export type NotificationRow = typeof notifications.$inferInsert;

/** The rows of a step's (or an escalation's) notify effects: in-app rows and e-mails for the outbox. */
export async function notificationRows(
  ctx: ActivityContext,
  tx: Transaction,
  ticket: TicketSummary,
  origin: NoticeOrigin,
  records: NotificationRecord[],
  lookups: NoticeLookups = {},
): Promise<NotificationRow[]> {
  const seq = 'seq' in origin ? origin.seq : null;
  const keyPrefix = 'seq' in origin ? `${ticket.id}:${origin.seq}` : `${ticket.id}:${origin.escalation}`;
  const resolve = (recipient: string): Promise<Person[]> => {
    if (recipient === 'customer' || lookups.people === undefined)
      return resolveRecipient(tx, recipient, ticket);
    let resolved = lookups.people.get(recipient);
    if (resolved === undefined) {
      resolved = resolveRecipient(tx, recipient, ticket);
      lookups.people.set(recipient, resolved);
    }
    return resolved;
  };
  const rows: NotificationRow[] = [];
  for (const record of records) {
    const known = record.taskId ? lookups.stageOf?.(record.taskId) : undefined;
    const [task] =
      known !== undefined
        ? [known]
        : record.taskId
          ? await tx
              .select({ name: stages.name, department: stages.departmentKey, dueAt: stages.dueAt })
              .from(stages)
              .where(and(eq(stages.ticketId, ticket.id), eq(stages.taskId, record.taskId)))
          : [];
    const held = await departmentsOfNotice(tx, ticket.id, record, task);
    const people = new Map<string, Person>();
    for (const recipient of managersOf(record.to, held)) {
      const resolved = await resolve(recipient);
      if (resolved.length === 0)
        ctx.log.warn({ ticketId: ticket.id, recipient }, 'notification recipient resolves to nobody');
      for (const person of resolved)
        people.set(person.userId ? `user:${person.userId}` : `email:${person.email}`, person);
    }
    const staff = renderNotification(record, ticket, task, ctx.appUrl);
    const customer = renderNotification(record, ticket, task, ctx.appUrl, 'customer');
    for (const [who, person] of people) {
      const text = person.customer ? customer : staff;
      const base = {
        ticketId: ticket.id,
        seq,
        taskId: record.taskId ?? null,
        template: record.template,
        ...text,
      };
      const key = `${keyPrefix}:${record.template}:${who}`;
      if (person.userId)
        rows.push({ ...base, dedupeKey: `${key}:in_app`, channel: 'in_app', userId: person.userId });
      if (ctx.mailer && person.email) {
        rows.push({
          ...base,
          dedupeKey: `${key}:email`,
          channel: 'email',
          userId: person.userId ?? null,
          email: person.email,
          nextAttemptAt: new Date(),
        });
      }
    }
  }
  return rows;
}

/**
 * Inserts notification rows (a row already written under its dedupe key is left as it is). One
 * statement whatever the count, the rows as one JSON parameter: the escalation watch writes
 * thousands at a due instant, past Postgres' 65,535 parameters and far faster than bound values.
 */
export async function insertNotificationRows(
  tx: Transaction,
  rows: NotificationRow[],
): Promise<{ inserted: number; emails: number }> {
  if (rows.length === 0) return { inserted: 0, emails: 0 };
  const json = JSON.stringify(
    rows.map((row) => ({
      dedupe_key: row.dedupeKey,
      ticket_id: row.ticketId ?? null,
      seq: row.seq ?? null,
      task_id: row.taskId ?? null,
      user_id: row.userId ?? null,
      email: row.email ?? null,
      channel: row.channel,
      template: row.template,
      subject: row.subject,
      body: row.body,
      next_attempt_at: row.nextAttemptAt ?? null,
    })),
  );
  const written = await tx.execute<{ channel: string }>(sql`
    insert into ${notifications}
      (dedupe_key, ticket_id, seq, task_id, user_id, email, channel, template, subject, body, next_attempt_at)
    select dedupe_key, ticket_id, seq, task_id, user_id, email, channel, template, subject, body, next_attempt_at
    from jsonb_populate_recordset(null::notifications, ${json}::jsonb)
    on conflict (dedupe_key) do nothing
    returning channel`);
  return {
    inserted: written.rows.length,
    emails: written.rows.filter((row) => row.channel === 'email').length,
  };
}

/** Writes the rows for a step's notify effects (in-app rows and the e-mail outbox). */
export async function insertNotifications(
  ctx: ActivityContext,
  tx: Transaction,
  ticket: TicketSummary,
  seq: number,
  records: NotificationRecord[],
): Promise<{ inserted: number; emails: number }> {
  return insertNotificationRows(tx, await notificationRows(ctx, tx, ticket, { seq }, records));
}
