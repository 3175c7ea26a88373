// What the ticket view says about one mail of the conversation: who it is from, how its delivery
// went, how large its files are. Pure, so the labels are tested without a browser.
import type { ConversationMail } from '../api/types.js';

export function deliveryLabel(delivery: ConversationMail['delivery']): string | undefined {
  if (!delivery) return undefined;
  if (delivery.state === 'sent') return 'Sent';
  if (delivery.state === 'queued') return 'Queued: the outbox sends it shortly';
  const attempts = `${delivery.attempts} attempt${delivery.attempts === 1 ? '' : 's'}`;
  return `Not delivered yet (${attempts}, retrying): ${delivery.error ?? 'unknown error'}`;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const oneDecimal = (value: number) => Math.round(value * 10) / 10;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}

export const attachmentHref = (ticketId: string, attachmentId: number) =>
  `/api/tickets/${encodeURIComponent(ticketId)}/attachments/${attachmentId}`;
