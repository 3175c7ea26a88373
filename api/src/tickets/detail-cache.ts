// Ticket details kept in memory, least recently used first out, bounded by their size. An entry
// carries the database version it was read at; the caller checks that version against the
// database on every read, so an entry is never trusted on its own, and no invalidation is needed.
export type Kept<V> = { version: string; value: V };
type Entry<V> = Kept<V> & { bytes: number };

export type DetailCache<V> = {
  get(ticketId: string): Entry<V> | undefined;
  /** Keeps `kept` unless a newer version is already kept; `bytes` is its approximate size. */
  set(ticketId: string, kept: Kept<V>, bytes: number): void;
  stats(): { entries: number; bytes: number };
};

export function createDetailCache<V>(options: { maxBytes: number }): DetailCache<V> {
  const entries = new Map<string, Entry<V>>();
  let total = 0;
  const drop = (ticketId: string) => {
    const entry = entries.get(ticketId);
    if (!entry) return;
    entries.delete(ticketId);
    total -= entry.bytes;
  };
  return {
    get(ticketId) {
      const entry = entries.get(ticketId);
      if (!entry) return undefined;
      // Map order is insertion order: moving the entry to the end makes the first one the stalest.
      entries.delete(ticketId);
      entries.set(ticketId, entry);
      return entry;
    },
    set(ticketId, kept, bytes) {
      const current = entries.get(ticketId);
      // Versions of one ticket only grow; two requests that read it concurrently may finish in
      // either order, and the older answer must not replace the newer.
      if (current && BigInt(current.version) > BigInt(kept.version)) return;
      drop(ticketId); // even when the new one is too large to keep: the old one is stale
      if (bytes > options.maxBytes) return;
      entries.set(ticketId, { ...kept, bytes });
      total += bytes;
      for (const stalest of entries.keys()) {
        if (total <= options.maxBytes) break;
        drop(stalest);
      }
    },
    stats: () => ({ entries: entries.size, bytes: total }),
  };
}
