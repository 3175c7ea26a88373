// The open reviews of bad ratings the manager answers for, this month's satisfaction per
// department beside them, and closing a review with a note.
import { api } from '../api/http.js';
import type { Answer, RatingReview } from '../api/types.js';
import { useAction } from './useAction.js';
import { useResource } from './useResource.js';

type Reviews = { items: RatingReview[] };
type Satisfaction = Answer<'/api/reports/satisfaction', 'get'>;

export function useReviews() {
  const reviews = useResource(() => api.get<Reviews>('/api/reviews'), { refreshMs: 60_000 });
  const satisfaction = useResource(() => api.get<Satisfaction>('/api/reports/satisfaction?range=this-month'));
  const closing = useAction();

  async function close(ticketId: string, note: string): Promise<boolean> {
    const path = `/api/reviews/${encodeURIComponent(ticketId)}/close`;
    const done = await closing.run(() => api.post<{ closed: true }>(path, { note }));
    if (!done) return false;
    await Promise.all([reviews.refresh(), satisfaction.refresh()]);
    return true;
  }

  return { reviews, satisfaction, closing, close };
}
