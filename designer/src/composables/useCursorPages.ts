// A list the API pages with a cursor (GET /api/tickets): the first page on load and refresh, the
// next pages appended by more(). Built on useResource, so a newer request (new filters) always wins.
import { computed, type Ref } from 'vue';
import { useResource, type Resource, type ResourceOptions } from './useResource.js';

export type CursorPage<T> = { items: T[]; nextCursor: string | null };

export type CursorPages<T> = Omit<Resource<CursorPage<T>>, 'load'> & {
  /** Every item loaded so far, in the API's order. */
  items: Readonly<Ref<T[]>>;
  /** The API has more items after these. */
  hasMore: Readonly<Ref<boolean>>;
  /** Appends the next page (nothing when there is none). */
  more: () => Promise<void>;
};

export function useCursorPages<T>(
  loadPage: (cursor: string | null) => Promise<CursorPage<T>>,
  options: ResourceOptions = {},
): CursorPages<T> {
  const { load, ...pages } = useResource(() => loadPage(null), options);
  const more = () =>
    load(async (shown) => {
      if (!shown?.nextCursor) return shown ?? { items: [], nextCursor: null };
      const page = await loadPage(shown.nextCursor);
      return { items: [...shown.items, ...page.items], nextCursor: page.nextCursor };
    });
  return {
    ...pages,
    items: computed(() => pages.data.value?.items ?? []),
    hasMore: computed(() => !!pages.data.value?.nextCursor),
    more,
  };
}
