// The ticket list's filters live in the page's URL, so a filtered list can be bookmarked and
// shared; these turn them into GET /api/tickets parameters and back.

export type TicketFilters = {
  q: string;
  status: string;
  priority: string;
  overdue: boolean;
};

export const NO_FILTERS: TicketFilters = { q: '', status: '', priority: '', overdue: false };

/** Filters from a route query: unknown or repeated keys are ignored, not errors. */
export function filtersFrom(query: Record<string, unknown>): TicketFilters {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  return {
    q: text('q'),
    status: text('status'),
    priority: text('priority'),
    overdue: text('overdue') === 'true',
  };
}

/** The route query for filters: empty ones are left out, so the plain list has a plain URL. */
export function queryOf(filters: TicketFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.q.trim()) query.q = filters.q.trim();
  if (filters.status) query.status = filters.status;
  if (filters.priority) query.priority = filters.priority;
  if (filters.overdue) query.overdue = 'true';
  return query;
}

/** The API request for one page of the list. */
export function ticketListUrl(filters: TicketFilters, cursor: string | null, limit = 50): string {
  const params = new URLSearchParams({ ...queryOf(filters), limit: String(limit) });
  if (cursor) params.set('cursor', cursor);
  return `/api/tickets?${params.toString()}`;
}
