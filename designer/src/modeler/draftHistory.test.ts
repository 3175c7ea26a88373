import { describe, expect, it } from 'vitest';
import {
  canStepBack,
  canStepForward,
  EMPTY_HISTORY,
  historyStore,
  lastErrorFree,
  markChecked,
  parseHistory,
  recordSaved,
  step,
  type DraftHistory,
} from './draftHistory.js';

const saves = (...xmls: string[]) =>
  xmls.reduce<DraftHistory>((h, x, i) => recordSaved(h, x, i), EMPTY_HISTORY);

describe('the draft history', () => {
  it('steps back and forward between saved drafts', () => {
    const h = saves('a', 'b', 'c');
    expect(h.cursor).toBe(2);
    expect(step(h, -1)?.xml).toBe('b');
    expect(step(h, 1)).toBeUndefined();
    // Opening b (its save) moves the cursor back; forward is c again.
    const back = recordSaved(h, 'b', 10);
    expect([back.cursor, back.entries.length]).toEqual([1, 3]);
    expect(step(back, 1)?.xml).toBe('c');
    expect(canStepBack(recordSaved(back, 'a', 11))).toBe(false);
  });

  it('drops the redo branch when a new draft is saved after stepping back', () => {
    const h = recordSaved(recordSaved(saves('a', 'b', 'c'), 'a', 10), 'd', 11);
    expect(h.entries.map((e) => e.xml)).toEqual(['a', 'd']);
    expect(canStepForward(h)).toBe(false);
  });

  it('keeps at most the limits, dropping the oldest, and always the newest', () => {
    const limits = { entries: 3, chars: 100 };
    let h = EMPTY_HISTORY;
    for (const x of ['a', 'b', 'c', 'd']) h = recordSaved(h, x, 0, limits);
    expect(h.entries.map((e) => e.xml)).toEqual(['b', 'c', 'd']);
    h = recordSaved(h, 'x'.repeat(150), 0, limits);
    expect(h.entries.map((e) => e.xml.length)).toEqual([150]);
  });

  it('offers the newest earlier error-free draft while the one shown has errors', () => {
    let h = saves('good-1', 'good-2', 'broken');
    h = markChecked(markChecked(markChecked(h, 'good-1', 0), 'good-2', 0), 'broken', 2);
    expect(lastErrorFree(h)?.xml).toBe('good-2');
    expect(lastErrorFree(markChecked(h, 'broken', 0))).toBeUndefined();
    expect(lastErrorFree(saves('unchecked'))).toBeUndefined();
  });

  it('survives a reload through a store, and treats junk in it as empty', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    const store = historyStore(storage, 'refund');
    store.save(saves('a', 'b'));
    expect(historyStore(storage, 'refund').load()).toEqual(saves('a', 'b'));
    expect(historyStore(storage, 'other').load()).toEqual(EMPTY_HISTORY);
    expect(parseHistory('{"entries": [{"xml": 1}], "cursor": 5}')).toEqual(EMPTY_HISTORY);
    expect(parseHistory('not json')).toEqual(EMPTY_HISTORY);
  });

  it('keeps the newer half when the store is full', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => {
        if (v.length > 300) throw new DOMException('full', 'QuotaExceededError');
        data.set(k, v);
      },
    };
    const store = historyStore(storage, 't');
    store.save(saves(...['a', 'b', 'c', 'd', 'e', 'f'].map((x) => x.repeat(40))));
    const kept = store.load();
    expect(kept.entries.map((e) => e.xml[0])).toEqual(['d', 'e', 'f']);
    expect(kept.cursor).toBe(2);
  });
});
