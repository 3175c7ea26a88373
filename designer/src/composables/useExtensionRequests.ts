// The extension requests a person sees: those they decide (the leads' queue) and those they asked
// for that are still waiting; granting (with an amount) and denying (with a reason).
import { computed } from 'vue';
import { api } from '../api/http.js';
import type { Answer, BodyOf, ExtensionRequest } from '../api/types.js';
import { session } from '../session.js';
import { useResource } from './useResource.js';

type List = Answer<'/api/extension-requests', 'get'>;
const REFRESH_MS = 30_000;

export function useExtensionRequests() {
  const toDecide = useResource(() => api.get<List>('/api/extension-requests?scope=decide'), {
    refreshMs: REFRESH_MS,
  });
  const all = useResource(() => api.get<List>('/api/extension-requests'), { refreshMs: REFRESH_MS });
  const mine = computed(() =>
    (all.data.value?.items ?? []).filter((x) => x.requestedBy === session.user?.id),
  );
  const refresh = () => Promise.all([toDecide.refresh(), all.refresh()]);
  return { toDecide, mine, refresh };
}

const decisionPath = (id: string, decision: 'grant' | 'deny') =>
  `/api/extension-requests/${encodeURIComponent(id)}/${decision}`;

export const grantRequest = (id: string, body: BodyOf<'/api/extension-requests/{id}/grant', 'post'>) =>
  api.post<ExtensionRequest>(decisionPath(id, 'grant'), body);

export const denyRequest = (id: string, body: BodyOf<'/api/extension-requests/{id}/deny', 'post'>) =>
  api.post<ExtensionRequest>(decisionPath(id, 'deny'), body);
