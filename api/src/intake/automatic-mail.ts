// Mail no person wrote, which must not open or feed a ticket: auto-replies (out-of-office,
// "we got your message"), bounces, bulk and list mail, and Baton's own mail coming back (a
// loop: Baton answers the auto-reply, which answers Baton...). The signals are the ones RFC 3834
// and the big mail systems set; a mail that shows none is a person's.

/** What the decision reads: header names lower-case, as mailparser gives them. */
export type MailSignals = {
  headers: ReadonlyMap<string, unknown>;
  /** SMTP MAIL FROM; '' is the null sender of bounces and auto-replies (RFC 5321 4.5.5). */
  envelopeFrom: string;
  from: string;
  /** Addresses Baton sends as (the support mailbox, MAIL_FROM). */
  ownAddresses: readonly string[];
};

const headerText = (headers: ReadonlyMap<string, unknown>, name: string): string | undefined => {
  const value = headers.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'object' && 'value' in value) return String(value.value).trim();
  return String(value).trim();
};

const BULK_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply', 'auto-reply']);

/** Why this mail is automatic, or undefined for a person's mail. */
export function automaticMailReason(mail: MailSignals): string | undefined {
  if (mail.envelopeFrom === '') return 'null sender (a bounce or an auto-reply)';
  const from = mail.from.toLowerCase();
  if (mail.ownAddresses.some((own) => own.toLowerCase() === from))
    return 'sent from Baton’s own address (a mail loop)';
  const autoSubmitted = headerText(mail.headers, 'auto-submitted')?.toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-autoresponder'])
    if (headerText(mail.headers, name) !== undefined) return `${name} header`;
  const precedence = headerText(mail.headers, 'precedence')?.toLowerCase();
  if (precedence && BULK_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  if (headerText(mail.headers, 'list-id') !== undefined) return 'mailing-list mail (List-Id)';
  return undefined;
}
