// The reply token that threads a customer's answer onto its ticket. Baton's mail to a customer
// carries it twice: in its Reply-To address (support+TOKEN@domain, which every mail client
// answers to) and in its Message-ID (which answers quote in In-Reply-To and References, for when
// a forwarding mailbox rewrites the recipient). Matching by subject is never enough: anyone can
// write "Re: [#42]", nobody can guess 128 random bits.
import { randomBytes } from 'node:crypto';

const TOKEN = /^[0-9a-f]{32}$/;

export const newReplyToken = (): string => randomBytes(16).toString('hex');

function splitAddress(address: string): { local: string; domain: string } | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return undefined;
  return { local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

/** `support@example.com` + token → `support+TOKEN@example.com`. */
export function replyAddress(supportAddress: string, token: string): string {
  const parts = splitAddress(supportAddress);
  if (!parts) throw new Error(`support address '${supportAddress}' is not an e-mail address`);
  return `${parts.local}+${token}@${parts.domain}`;
}

/**
 * What an address is to the support mailbox: the mailbox itself, a thread of it (with the token
 * it names), or someone else. Local parts compare case-insensitively, as every real mailbox does.
 */
export function supportRecipient(
  address: string,
  supportAddress: string,
): { thread: string | undefined } | undefined {
  const parts = splitAddress(address);
  const support = splitAddress(supportAddress);
  if (!parts || !support || parts.domain !== support.domain) return undefined;
  const local = parts.local.toLowerCase();
  const base = support.local.toLowerCase();
  if (local === base) return { thread: undefined };
  if (!local.startsWith(`${base}+`)) return undefined;
  const token = local.slice(base.length + 1);
  return TOKEN.test(token) ? { thread: token } : undefined;
}

/** The token of a Reply-To address Baton wrote (`anything+TOKEN@domain`), if it has one. */
export function tokenOfReplyAddress(address: string): string | undefined {
  const local = splitAddress(address)?.local ?? '';
  const token = local.slice(local.lastIndexOf('+') + 1).toLowerCase();
  return local.includes('+') && TOKEN.test(token) ? token : undefined;
}

/** The Message-ID of an outbox e-mail: with the thread's token when it is mail to a customer. */
export const outboxMessageId = (notificationId: number, replyTo: string | null | undefined): string => {
  const token = replyTo ? tokenOfReplyAddress(replyTo) : undefined;
  return token ? `<notification-${notificationId}.${token}@baton>` : `<notification-${notificationId}@baton>`;
};

/** The thread token quoted in an answer's In-Reply-To or References, if any. */
export function tokenFromMessageIds(messageIds: readonly string[]): string | undefined {
  for (const id of messageIds) {
    const match = /notification-\d+\.([0-9a-f]{32})@baton>?$/i.exec(id.trim());
    if (match) return match[1]!.toLowerCase();
  }
  return undefined;
}
