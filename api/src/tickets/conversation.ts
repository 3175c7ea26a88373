// A ticket's e-mail conversation with its customer: what came in (the mail that opened it,
// answers) and the replies agents sent, with their files and how each reply's delivery went.
// A reply goes out through the e-mail outbox (workflows' relay sends it, retrying), from the
// support mailbox's thread address, so the customer's answer comes back to this ticket.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  mailTemplates,
  notifications,
  ticketAttachments,
  ticketMails,
  ticketMailThreads,
  tickets,
} from '@baton/db';
import {
  CUSTOMER_REPLY_TEMPLATE,
  liveStatusToken,
  newReplyToken,
  refreshRuleClocks,
  renderTemplate,
  replyAddress,
  statusPageUrl,
  templateValues,
} from '@baton/workflows';
import type { AppDeps, Principal } from '../http/env.js';
import { conflict, notFound } from '../http/problem.js';

export type ConversationMail = {
  id: number;
  direction: 'in' | 'out';
  channel: 'email' | 'status-page';
  from: string;
  /** Who `from` is, when it is the ticket's customer and they gave a name. */
  fromName: string | null;
  to: string;
  subject: string;
  text: string;
  at: string;
  authorId: string | null;
  attachments: { id: number; filename: string; contentType: string; sizeBytes: number }[];
  /** Replies only: `queued` until the outbox delivered it; `failing` keeps the last error. */
  delivery: { state: 'queued' | 'sent' | 'failing'; attempts: number; error: string | null } | null;
};

export async function conversationOf(
  deps: Pick<AppDeps, 'db'>,
  ticketId: string,
): Promise<ConversationMail[]> {
  const [ticket] = await deps.db
    .select({ customer: tickets.customer })
    .from(tickets)
    .where(eq(tickets.id, ticketId));
  const customerEmail = ticket?.customer.email?.toLowerCase();
  const customerName = ticket?.customer.name?.trim() || null;
  const mails = await deps.db
    .select({
      mail: ticketMails,
      sentAt: notifications.sentAt,
      attempts: notifications.attempts,
      error: notifications.error,
    })
    .from(ticketMails)
    .leftJoin(notifications, eq(notifications.id, ticketMails.notificationId))
    .where(eq(ticketMails.ticketId, ticketId))
    .orderBy(asc(ticketMails.at), asc(ticketMails.id));
  const files =
    mails.length === 0
      ? []
      : await deps.db
          .select({
            id: ticketAttachments.id,
            mailId: ticketAttachments.mailId,
            filename: ticketAttachments.filename,
            contentType: ticketAttachments.contentType,
            sizeBytes: ticketAttachments.sizeBytes,
          })
          .from(ticketAttachments)
          .where(
            inArray(
              ticketAttachments.mailId,
              mails.map((m) => m.mail.id),
            ),
          )
          .orderBy(asc(ticketAttachments.id));
  return mails.map(({ mail, sentAt, attempts, error }) => ({
    id: mail.id,
    direction: mail.direction,
    channel: mail.channel,
    from: mail.fromAddress,
    fromName:
      mail.direction === 'in' && mail.fromAddress.toLowerCase() === customerEmail ? customerName : null,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.body,
    at: mail.at.toISOString(),
    authorId: mail.authorId,
    attachments: files
      .filter((f) => f.mailId === mail.id)
      .map(({ id, filename, contentType, sizeBytes }) => ({ id, filename, contentType, sizeBytes })),
    delivery:
      mail.direction === 'in'
        ? null
        : {
            state: sentAt ? 'sent' : error ? 'failing' : 'queued',
            attempts: attempts ?? 0,
            error: sentAt ? null : (error ?? null),
          },
  }));
}

export type ReplyTarget = { id: string; number: number; title: string; customerEmail: string | undefined };

export type CustomerMail = {
  subject: string;
  text: string;
  /** The agent who wrote it; undefined for Baton's own (a web form's confirmation). */
  authorId: string | undefined;
};

/**
 * Queues a mail to the ticket's customer in the outbox and records it on the conversation,
 * together; the relay delivers it. It comes from the thread's address when there is a support
 * mailbox (the answer finds the ticket), and it carries the customer's status link (the
 * conversation keeps the text as written).
 */
export async function queueCustomerMail(
  deps: Pick<AppDeps, 'db' | 'log' | 'config'>,
  addresses: { supportAddress: string | undefined; appUrl: string; from: string },
  ticket: ReplyTarget,
  mail: CustomerMail,
): Promise<{ mailId: number; statusUrl: string }> {
  const to = ticket.customerEmail;
  if (!to) throw conflict(`ticket ${ticket.id} has no customer e-mail to write to`);
  const { supportAddress } = addresses;
  const queued = await deps.db.transaction(async (tx) => {
    let threadAddress: string | undefined;
    if (supportAddress) {
      await tx
        .insert(ticketMailThreads)
        .values({ ticketId: ticket.id, replyToken: newReplyToken() })
        .onConflictDoNothing();
      const [thread] = await tx
        .select({ token: ticketMailThreads.replyToken })
        .from(ticketMailThreads)
        .where(eq(ticketMailThreads.ticketId, ticket.id));
      threadAddress = replyAddress(supportAddress, thread!.token);
    }
    const statusUrl = statusPageUrl(addresses.appUrl, await liveStatusToken(tx, ticket.id));
    const [queued] = await tx
      .insert(notifications)
      .values({
        dedupeKey: `customer-mail:${ticket.id}:${randomUUID()}`,
        ticketId: ticket.id,
        email: to,
        channel: 'email',
        template: mail.authorId ? CUSTOMER_REPLY_TEMPLATE : 'customer-confirmation',
        subject: mail.subject,
        body: `${mail.text}\n\n--\nWhere your request stands, and a place to add to it: ${statusUrl}`,
        replyTo: threadAddress ?? null,
      })
      .returning({ id: notifications.id });
    const [kept] = await tx
      .insert(ticketMails)
      .values({
        ticketId: ticket.id,
        direction: 'out',
        fromAddress: threadAddress ?? addresses.from,
        toAddress: to,
        subject: mail.subject,
        body: mail.text,
        authorId: mail.authorId ?? null,
        notificationId: queued!.id,
        // The process's clock, as every other instant of the ticket: the first-response figures
        // and clocks compare it with the ticket's creation.
        at: new Date(deps.config.now()),
      })
      .returning({ id: ticketMails.id });
    // An agent's reply may stop a clock (first response): its levels ahead go with it.
    await refreshRuleClocks(tx, ticket.id, deps.config.now());
    return { mailId: kept!.id, statusUrl };
  });
  deps.log.info(
    { ticketId: ticket.id, userId: mail.authorId ?? null, mailId: queued.mailId },
    'mail to the customer queued',
  );
  return queued;
}

/**
 * An agent's reply: the thread's subject, from the support mailbox. Placeholders in it (a mail
 * template it started from, or typed) are filled in for the ticket, signed with the agent's name;
 * the conversation keeps what the customer got.
 */
export async function sendReply(
  deps: Pick<AppDeps, 'db' | 'log' | 'config'>,
  addresses: { supportAddress: string; appUrl: string; from: string },
  principal: Principal,
  ticket: ReplyTarget,
  text: string,
) {
  const values = await templateValues(deps.db, ticket.id, {
    appUrl: addresses.appUrl,
    agentName: principal.name,
  });
  return queueCustomerMail(deps, addresses, ticket, {
    subject: `Re: [#${ticket.number}] ${ticket.title}`,
    text: values ? renderTemplate(text, values) : text,
    authorId: principal.id,
  });
}

/**
 * The ticket type's mail templates rendered for this ticket and the agent who will send them, as
 * starting points for a reply. Nothing is written: a status link not issued yet stays a
 * placeholder, filled in when the reply goes.
 */
export async function replyTemplates(
  deps: Pick<AppDeps, 'db'>,
  appUrl: string,
  principal: Principal,
  ticketId: string,
) {
  const values = await templateValues(deps.db, ticketId, {
    appUrl,
    agentName: principal.name,
    statusLink: 'existing',
  });
  if (!values) return [];
  const rows = await deps.db
    .select({
      key: mailTemplates.key,
      name: mailTemplates.name,
      subject: mailTemplates.subject,
      body: mailTemplates.body,
    })
    .from(mailTemplates)
    .innerJoin(tickets, eq(tickets.typeId, mailTemplates.typeId))
    .where(eq(tickets.id, ticketId))
    .orderBy(mailTemplates.name);
  return rows.map((row) => ({
    key: row.key,
    name: row.name,
    subject: renderTemplate(row.subject, values),
    text: renderTemplate(row.body, values),
  }));
}

export async function attachmentOf(deps: Pick<AppDeps, 'db'>, ticketId: string, attachmentId: number) {
  const [file] = await deps.db
    .select({
      filename: ticketAttachments.filename,
      contentType: ticketAttachments.contentType,
      content: ticketAttachments.content,
    })
    .from(ticketAttachments)
    .where(and(eq(ticketAttachments.id, attachmentId), eq(ticketAttachments.ticketId, ticketId)));
  if (!file) throw notFound('attachment', String(attachmentId));
  return file;
}
