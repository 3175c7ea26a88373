// A ticket's e-mail conversation and the reply form's request: sent, then the conversation loads
// again so the new reply shows with its delivery state.
import type { Ref } from 'vue';
import { api } from '../api/http.js';
import type { Answer, ConversationMail } from '../api/types.js';
import { useAction } from './useAction.js';
import { useResource } from './useResource.js';

type Conversation = Answer<'/api/tickets/{id}/conversation', 'get'>;

export function useConversation(ticketId: Ref<string>) {
  const path = () => `/api/tickets/${encodeURIComponent(ticketId.value)}`;
  // Every 20 s: a queued reply turns "sent", and a customer's answer appears, without a reload.
  const conversation = useResource(() => api.get<Conversation>(`${path()}/conversation`), {
    key: ticketId,
    refreshMs: 20_000,
  });
  const sending = useAction();

  async function reply(text: string): Promise<boolean> {
    const sent = await sending.run(() => api.post<ConversationMail>(`${path()}/replies`, { text }));
    if (sent === undefined) return false;
    await conversation.refresh();
    return true;
  }

  return { conversation, sending, reply };
}
