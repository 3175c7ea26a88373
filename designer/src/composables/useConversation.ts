// A ticket's e-mail conversation and the reply form's request: sent, then the conversation loads
// again so the new reply shows with its delivery state.
import { ref, type Ref } from 'vue';
import { api } from '../api/http.js';
import type { Answer, ConversationMail } from '../api/types.js';
import { useAction } from './useAction.js';
import { useResource } from './useResource.js';

type Conversation = Answer<'/api/tickets/{id}/conversation', 'get'>;
type ReplyTemplates = Answer<'/api/tickets/{id}/reply-templates', 'get'>;
export type ReplyTemplate = ReplyTemplates['items'][number];

export function useConversation(ticketId: Ref<string>) {
  const path = () => `/api/tickets/${encodeURIComponent(ticketId.value)}`;
  // Every 20 s: a queued reply turns "sent", and a customer's answer appears, without a reload.
  const conversation = useResource(() => api.get<Conversation>(`${path()}/conversation`), {
    key: ticketId,
    refreshMs: 20_000,
  });
  const sending = useAction();
  // Loaded once the conversation says the caller may reply (others may not read them).
  const templates = useResource(() => api.get<ReplyTemplates>(`${path()}/reply-templates`), {
    key: ticketId,
    immediate: false,
  });

  async function reply(text: string): Promise<boolean> {
    const sent = await sending.run(() => api.post<ConversationMail>(`${path()}/replies`, { text }));
    if (sent === undefined) return false;
    await conversation.refresh();
    return true;
  }

  // The customer's status link: copied to the clipboard (issued on first use), or revoked.
  const linkAction = useAction();
  const copied = ref(false);
  const note = ref('');
  async function copyStatusLink(): Promise<void> {
    const link = await linkAction.run(() => api.post<{ url: string }>(`${path()}/status-link`));
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      copied.value = true;
      note.value = '';
    } catch {
      // No clipboard (an insecure origin): show the link to copy by hand.
      note.value = link.url;
    }
  }
  async function revokeStatusLink(): Promise<void> {
    const answer = await linkAction.run(() => api.del<{ revoked: boolean }>(`${path()}/status-link`));
    if (!answer) return;
    copied.value = false;
    note.value = answer.revoked
      ? 'Revoked: the old link no longer opens; the next reply carries a new one.'
      : 'There was no live link.';
  }
  const statusLink = { busy: linkAction.busy, error: linkAction.error, copied, note };

  return { conversation, templates, sending, reply, statusLink, copyStatusLink, revokeStatusLink };
}
