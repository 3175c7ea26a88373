import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { useCursorPages, type CursorPage } from './useCursorPages.js';

const PAGES: Record<string, CursorPage<number>> = {
  first: { items: [1, 2], nextCursor: 'c2' },
  c2: { items: [3, 4], nextCursor: 'c3' },
  c3: { items: [5], nextCursor: null },
};

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('useCursorPages', () => {
  it('loads the first page, appends the next ones and stops at the last', async () => {
    const loadPage = vi.fn((cursor: string | null) => Promise.resolve(PAGES[cursor ?? 'first']!));
    const pages = effectScope().run(() => useCursorPages(loadPage))!;
    await flush();
    expect(pages.items.value).toEqual([1, 2]);
    await pages.more();
    await pages.more();
    expect(pages.items.value).toEqual([1, 2, 3, 4, 5]);
    expect(pages.hasMore.value).toBe(false);
    await pages.more();
    expect(loadPage).toHaveBeenCalledTimes(3);
  });

  it('starts from the first page again on refresh (e.g. new filters)', async () => {
    const loadPage = vi.fn((cursor: string | null) => Promise.resolve(PAGES[cursor ?? 'first']!));
    const pages = effectScope().run(() => useCursorPages(loadPage))!;
    await flush();
    await pages.more();
    await pages.refresh();
    expect(pages.items.value).toEqual([1, 2]);
    expect(pages.hasMore.value).toBe(true);
  });

  it('keeps the pages it has when the next one fails', async () => {
    const loadPage = vi.fn((cursor: string | null) =>
      cursor ? Promise.reject(new Error('offline')) : Promise.resolve(PAGES.first!),
    );
    const pages = effectScope().run(() => useCursorPages(loadPage))!;
    await flush();
    await pages.more();
    expect(pages.items.value).toEqual([1, 2]);
    expect(pages.error.value?.title).toBe('offline');
    expect(pages.stale.value).toBe(true);
  });
});
