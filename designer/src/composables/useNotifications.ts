// In-app notifications: the unread count the header shows (one poll for the whole app, renewed
// whenever a page marks some read), and the list with cursor pages and marking read.
import { reactive } from 'vue';
import { api } from '../api/http.js';
import type { Answer, Notification } from '../api/types.js';
import { useAction } from './useAction.js';
import { useCursorPages } from './useCursorPages.js';

const REFRESH_MS = 30_000;

/** The header's count, shared by every component that shows or changes it. */
export const unread = reactive({ count: 0 });

export async function refreshUnread(): Promise<void> {
  try {
    unread.count = (
      await api.get<Answer<'/api/notifications/unread-count', 'get'>>('/api/notifications/unread-count')
    ).unread;
  } catch {
    // The count is a hint; the list page reports what fails.
  }
}

/** Polls the unread count while the caller (the app's header) lives; answers a stop function. */
export function pollUnread(): () => void {
  void refreshUnread();
  const timer = setInterval(() => void refreshUnread(), REFRESH_MS);
  return () => clearInterval(timer);
}

export function useNotifications(unreadOnly: () => boolean) {
  const pages = useCursorPages((cursor) =>
    api.get<Answer<'/api/notifications', 'get'>>(
      `/api/notifications?limit=30${unreadOnly() ? '&unread=true' : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
  );
  const { busy, error, run } = useAction();

  /** Marks one read, in place (the list keeps its pages), and renews the header's count. */
  async function markRead(n: Notification) {
    if (n.readAt) return;
    const read = await run(() =>
      api.post<Notification>(`/api/notifications/${encodeURIComponent(n.id)}/read`, {}),
    );
    if (read) {
      const shown = pages.data.value;
      if (shown)
        pages.data.value = { ...shown, items: shown.items.map((x) => (x.id === read.id ? read : x)) };
      await refreshUnread();
    }
  }

  async function markAllRead() {
    if (await run(() => api.post('/api/notifications/read-all', {}))) {
      await Promise.all([pages.refresh(), refreshUnread()]);
    }
  }

  return { ...pages, busy, error, markRead, markAllRead };
}
