import { describe, expect, it } from 'vitest';
import { filtersFrom, NO_FILTERS, queryOf, ticketListUrl } from './listQuery.js';

describe('ticket list filters', () => {
  it('round-trips through the route query, leaving empty filters out', () => {
    const filters = { q: ' kettle ', status: 'in_progress', priority: '', overdue: true };
    expect(queryOf(filters)).toEqual({ q: 'kettle', status: 'in_progress', overdue: 'true' });
    expect(filtersFrom(queryOf(filters))).toEqual({ ...filters, q: 'kettle' });
    expect(queryOf(NO_FILTERS)).toEqual({});
  });

  it('ignores repeated or non-text query values', () => {
    expect(filtersFrom({ q: ['a', 'b'], status: 3, overdue: 'yes' })).toEqual(NO_FILTERS);
  });

  it('asks the API for one page, with the cursor when there is one', () => {
    expect(ticketListUrl(NO_FILTERS, null)).toBe('/api/tickets?limit=50');
    expect(ticketListUrl({ ...NO_FILTERS, q: 'a&b' }, 'T-9', 20)).toBe(
      '/api/tickets?q=a%26b&limit=20&cursor=T-9',
    );
  });
});
