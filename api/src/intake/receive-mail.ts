// What a received mail becomes: a new ticket, a customer message on the ticket its reply token
// names, or nothing (automatic mail, a mail already received). Every outcome is decided before
// anything is written, and what is written for one mail is written in one transaction after the
// engine accepted it, so a mail is kept whole or not at all: a failure answers SMTP 451 and the
// sender's retry (with the same Message-ID) completes what the first try began, without a second
// ticket (the ticket's id derives from the Message-ID).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { ticketAttachments, ticketMails, ticketMailThreads, tickets } from '@baton/db';
import { CUSTOMER_ACTOR_ID } from '@baton/engine';
import { newReplyToken, refreshRuleClocks, supportRecipient, tokenFromMessageIds } from '@baton/workflows';
import type { AppDeps } from '../http/env.js';
import { storableText } from '../http/unstorable-text.js';
import { createTicket } from '../tickets/create-ticket.js';
import { recordCustomerMessage } from '../tickets/customer-message.js';
import { automaticMailReason } from './automatic-mail.js';

export type InboundAttachment = { filename: string; contentType: string; content: Buffer };

export type InboundMail = {
  /** The Message-ID header, or one derived from the mail's bytes when it has none. */
  messageId: string;
  /** SMTP MAIL FROM ('' for the null sender). */
  envelopeFrom: string;
  from: { address: string; name: string | undefined };
  /** SMTP RCPT TO, the addresses this delivery is for. */
  recipients: readonly string[];
  subject: string;
  text: string;
  /** In-Reply-To and References. */
  references: readonly string[];
  headers: ReadonlyMap<string, unknown>;
  attachments: readonly InboundAttachment[];
};

export type MailOutcome =
  | { kind: 'ticket'; ticketId: string }
  | { kind: 'reply'; ticketId: string }
  /** An answer to a ticket done lately: reopened, the mail kept on it. */
  | { kind: 'reopened'; ticketId: string }
  | { kind: 'duplicate'; ticketId: string }
  | { kind: 'ignored'; reason: string };

export type IntakeRules = {
  supportAddress: string;
  /** The type a new mail opens. */
  ticketTypeId: string;
  /** Addresses Baton sends as: mail from them is a loop. */
  ownAddresses: readonly string[];
  /** An answer this long after its ticket was done reopens it (0: never; it opens a new ticket). */
  reopenWithinMs: number;
};

/** A ticket title holds one line. */
const TITLE_MAX = 200;
/** What the engine gets of a message (Temporal payloads are capped); the conversation keeps all. */
const ENGINE_TEXT_MAX = 20_000;

export const titleOf = (subject: string) =>
  storableText(subject).replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX) || '(no subject)';

/** The ticket of a thread token, if the token is known. */
async function threadTicket(deps: Pick<AppDeps, 'db'>, token: string | undefined) {
  if (!token) return undefined;
  const [row] = await deps.db
    .select({ ticketId: ticketMailThreads.ticketId, closedAt: tickets.closedAt, status: tickets.status })
    .from(ticketMailThreads)
    .innerJoin(tickets, eq(tickets.id, ticketMailThreads.ticketId))
    .where(eq(ticketMailThreads.replyToken, token));
  return row;
}

function threadTokenOf(mail: InboundMail, supportAddress: string): string | undefined {
  for (const address of mail.recipients) {
    const thread = supportRecipient(address, supportAddress)?.thread;
    if (thread) return thread;
  }
  return tokenFromMessageIds(mail.references);
}

/** Decides and records what the mail is. Throws when it could not be kept (the listener answers 451). */
export async function receiveMail(
  deps: Pick<AppDeps, 'db' | 'runtime' | 'log' | 'config'>,
  rules: IntakeRules,
  mail: InboundMail,
): Promise<MailOutcome> {
  const automatic = automaticMailReason({
    headers: mail.headers,
    envelopeFrom: mail.envelopeFrom,
    from: mail.from.address,
    ownAddresses: rules.ownAddresses,
  });
  if (automatic) return { kind: 'ignored', reason: automatic };

  const [seen] = await deps.db
    .select({ ticketId: ticketMails.ticketId })
    .from(ticketMails)
    .where(eq(ticketMails.messageId, mail.messageId));
  if (seen) return { kind: 'duplicate', ticketId: seen.ticketId };

  const text = storableText(mail.text);
  const thread = await threadTicket(deps, threadTokenOf(mail, rules.supportAddress));
  // An answer to a ticket done lately reopens it, as help desks do: the customer says it is not
  // solved. The engine first, then the mail, as below; a retry finds the ticket open again.
  if (
    thread?.status === 'done' &&
    thread.closedAt !== null &&
    deps.config.now() - thread.closedAt.getTime() <= rules.reopenWithinMs
  ) {
    const reopened = await deps.runtime.reopen(thread.ticketId, {
      type: 'ticket.reopened',
      actor: { userId: CUSTOMER_ACTOR_ID, departments: [], roles: [] },
      reason: 'answered by e-mail after it was done',
    });
    if (reopened.ok) {
      await keepMail(deps, mail, thread.ticketId, text, undefined);
      return { kind: 'reopened', ticketId: thread.ticketId };
    }
    deps.log.info(
      { ticketId: thread.ticketId, rejected: reopened.rejected },
      'an answer to a done ticket did not reopen it',
    );
  }
  // An answer to a ticket finished otherwise (or long ago) opens a new one, as help desks do.
  if (thread && thread.closedAt === null) {
    // The engine first, then the mail (a transaction cannot wait for the engine: recording the
    // step locks the ticket's row, which the mail's foreign key holds). If keeping the mail then
    // fails, the sender's retry tells the engine again: at worst a second resume, never a lost
    // answer.
    await recordCustomerMessage(deps.runtime, thread.ticketId, {
      name: 'customer-reply',
      text: text.slice(0, ENGINE_TEXT_MAX),
      from: mail.from.address,
      channel: 'email',
    });
    await keepMail(deps, mail, thread.ticketId, text, undefined);
    return { kind: 'reply', ticketId: thread.ticketId };
  }

  const requestId = createHash('sha256').update(`mail:${mail.messageId}`).digest('hex');
  const { ticketId } = await createTicket(
    deps,
    'email',
    {
      typeId: rules.ticketTypeId,
      title: titleOf(mail.subject),
      customer: {
        email: mail.from.address,
        ...(mail.from.name ? { name: storableText(mail.from.name).slice(0, 200) } : {}),
      },
      fields: {},
    },
    requestId,
  );
  await keepMail(deps, mail, ticketId, text, newReplyToken());
  return { kind: 'ticket', ticketId };
}

/** The mail, its files and (for a new ticket) the thread's token, together. */
async function keepMail(
  deps: Pick<AppDeps, 'db' | 'config'>,
  mail: InboundMail,
  ticketId: string,
  text: string,
  newToken: string | undefined,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    if (newToken)
      await tx.insert(ticketMailThreads).values({ ticketId, replyToken: newToken }).onConflictDoNothing();
    const [kept] = await tx
      .insert(ticketMails)
      .values({
        ticketId,
        direction: 'in',
        messageId: mail.messageId,
        fromAddress: mail.from.address,
        toAddress: mail.recipients.join(', '),
        subject: storableText(mail.subject),
        body: text,
        // The process's clock, as the replies and every other instant of the ticket.
        at: new Date(deps.config.now()),
      })
      .onConflictDoNothing()
      .returning({ id: ticketMails.id });
    // A customer's mail may start or resume a clock: its levels ahead are measured again.
    if (kept) await refreshRuleClocks(tx, ticketId, deps.config.now());
    // Another delivery of the same mail won the race: it keeps the files.
    if (!kept || mail.attachments.length === 0) return;
    await tx.insert(ticketAttachments).values(
      mail.attachments.map((file) => ({
        ticketId,
        mailId: kept.id,
        filename: storableText(file.filename).slice(0, 255) || 'attachment',
        contentType: file.contentType.slice(0, 255),
        sizeBytes: file.content.length,
        content: file.content,
      })),
    );
  });
}
