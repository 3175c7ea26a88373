import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetailCache } from './detail-cache.js';

describe('createDetailCache', () => {
  it('returns what was kept, with its version', () => {
    const cache = createDetailCache<string>({ maxBytes: 100 });
    expect(cache.get('A')).toBeUndefined();
    cache.set('A', { version: '7', value: 'seven' }, 10);
    expect(cache.get('A')).toEqual({ version: '7', value: 'seven', bytes: 10 });
  });

  it('never replaces a newer version with an older one (versions compared as numbers)', () => {
    const cache = createDetailCache<string>({ maxBytes: 100 });
    cache.set('A', { version: '10', value: 'ten' }, 10);
    cache.set('A', { version: '9', value: 'nine' }, 10);
    expect(cache.get('A')?.value).toBe('ten');
    cache.set('A', { version: '11', value: 'eleven' }, 30);
    expect(cache.get('A')?.value).toBe('eleven');
    expect(cache.stats()).toEqual({ entries: 1, bytes: 30 });
  });

  it('drops the least recently used entries first when over its size', () => {
    const cache = createDetailCache<string>({ maxBytes: 30 });
    cache.set('A', { version: '1', value: 'a' }, 10);
    cache.set('B', { version: '1', value: 'b' }, 10);
    cache.set('C', { version: '1', value: 'c' }, 10);
    cache.get('A'); // A is now the most recently used; B the least
    cache.set('D', { version: '1', value: 'd' }, 10);
    expect(['A', 'B', 'C', 'D'].filter((id) => cache.get(id))).toEqual(['A', 'C', 'D']);
  });

  it('keeps nothing larger than its whole size, and nothing at all when the size is 0', () => {
    const small = createDetailCache<string>({ maxBytes: 5 });
    small.set('A', { version: '1', value: 'a' }, 6);
    expect(small.get('A')).toBeUndefined();
    // A newer version too large to keep still drops the stale one.
    small.set('B', { version: '1', value: 'b' }, 5);
    small.set('B', { version: '2', value: 'b, grown' }, 6);
    expect(small.get('B')).toBeUndefined();
    expect(small.stats()).toEqual({ entries: 0, bytes: 0 });
    const off = createDetailCache<string>({ maxBytes: 0 });
    off.set('A', { version: '1', value: 'a' }, 1);
    expect(off.stats()).toEqual({ entries: 0, bytes: 0 });
  });

  it('stays within its size and counts bytes exactly, whatever the sequence of writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.array(
          fc.record({
            id: fc.constantFrom('A', 'B', 'C', 'D', 'E'),
            version: fc.integer({ min: 1, max: 20 }),
            bytes: fc.integer({ min: 1, max: 120 }),
          }),
        ),
        (maxBytes, writes) => {
          const cache = createDetailCache<number>({ maxBytes });
          for (const w of writes) cache.set(w.id, { version: String(w.version), value: w.version }, w.bytes);
          const kept = ['A', 'B', 'C', 'D', 'E'].flatMap((id) => {
            const entry = cache.get(id);
            return entry ? [entry] : [];
          });
          const bytes = kept.reduce((sum, entry) => sum + entry.bytes, 0);
          expect(cache.stats()).toEqual({ entries: kept.length, bytes });
          expect(bytes).toBeLessThanOrEqual(maxBytes);
        },
      ),
    );
  });
});
