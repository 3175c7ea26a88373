// The drafts a modeler saved, kept in the browser so that "undo" still works after a reload (or
// after an import, which empties bpmn-js's command stack). bpmn-js's own undo cannot be kept: its
// command stack holds live diagram objects (shapes, their parents, the canvas), which have no
// serialised form; a reload builds new ones. So the history keeps what autosave stored, one
// checkpoint per save, and steps between whole drafts once the command stack has nothing left.
// Each checkpoint also remembers whether live validation found errors in it, so a draft with
// errors can offer the newest error-free one. Pure functions; the store below persists them.

export type Checkpoint = {
  xml: string;
  /** When it was saved, epoch ms. */
  at: number;
  /** Errors live validation found in it; null until checked. */
  errors: number | null;
};

/** `cursor`: the checkpoint the canvas shows now (-1: none yet). */
export type DraftHistory = { entries: Checkpoint[]; cursor: number };

export const EMPTY_HISTORY: DraftHistory = { entries: [], cursor: -1 };

export type HistoryLimits = { entries: number; chars: number };
export const DEFAULT_LIMITS: HistoryLimits = { entries: 30, chars: 3_000_000 };

/**
 * A draft was saved (or opened). A draft the history holds already moves the cursor there (an
 * undo by the command stack, a step back, a draft saved twice); a new one drops the checkpoints
 * after the cursor (the redo branch) and becomes the newest. The oldest go first past the limits.
 */
export function recordSaved(
  history: DraftHistory,
  xml: string,
  at: number,
  limits: HistoryLimits = DEFAULT_LIMITS,
): DraftHistory {
  const known = history.entries.findIndex((e) => e.xml === xml);
  if (known >= 0) return { entries: history.entries, cursor: known };
  let entries = [...history.entries.slice(0, history.cursor + 1), { xml, at, errors: null }];
  let chars = entries.reduce((n, e) => n + e.xml.length, 0);
  while (entries.length > 1 && (entries.length > limits.entries || chars > limits.chars)) {
    chars -= entries[0]!.xml.length;
    entries = entries.slice(1);
  }
  return { entries, cursor: entries.length - 1 };
}

/** Live validation found `errors` errors in `xml`. */
export function markChecked(history: DraftHistory, xml: string, errors: number): DraftHistory {
  if (!history.entries.some((e) => e.xml === xml && e.errors !== errors)) return history;
  return { ...history, entries: history.entries.map((e) => (e.xml === xml ? { ...e, errors } : e)) };
}

export const canStepBack = (h: DraftHistory) => h.cursor > 0;
export const canStepForward = (h: DraftHistory) => h.cursor >= 0 && h.cursor < h.entries.length - 1;

/** The checkpoint one step back or forward (the caller opens it; its save moves the cursor). */
export function step(h: DraftHistory, by: -1 | 1): Checkpoint | undefined {
  if (by < 0 ? !canStepBack(h) : !canStepForward(h)) return undefined;
  return h.entries[h.cursor + by];
}

/** When the draft shown has errors: the newest earlier checkpoint that had none. */
export function lastErrorFree(h: DraftHistory): Checkpoint | undefined {
  const current = h.entries[h.cursor];
  if (!current || !current.errors) return undefined;
  for (let i = h.cursor - 1; i >= 0; i--) if (h.entries[i]!.errors === 0) return h.entries[i];
  return undefined;
}

/** Parses what a store held; anything else is an empty history (a store may hold junk). */
export function parseHistory(text: string | null): DraftHistory {
  if (!text) return EMPTY_HISTORY;
  try {
    const value = JSON.parse(text) as Partial<DraftHistory>;
    const entries = Array.isArray(value.entries)
      ? value.entries.filter(
          (e): e is Checkpoint =>
            typeof e?.xml === 'string' &&
            typeof e.at === 'number' &&
            (e.errors === null || typeof e.errors === 'number'),
        )
      : [];
    const cursor = typeof value.cursor === 'number' ? Math.min(value.cursor, entries.length - 1) : -1;
    return { entries, cursor: entries.length ? Math.max(cursor, 0) : -1 };
  } catch {
    return EMPTY_HISTORY;
  }
}

/** One ticket type's history in a Web Storage (localStorage), dropping old checkpoints when full. */
export function historyStore(storage: Pick<Storage, 'getItem' | 'setItem'>, typeId: string) {
  const key = `baton.draft-history.${typeId}`;
  return {
    load: (): DraftHistory => parseHistory(storage.getItem(key)),
    save(history: DraftHistory): void {
      let kept = history;
      for (;;) {
        try {
          storage.setItem(key, JSON.stringify(kept));
          return;
        } catch {
          // Quota: keep the newer half and try again; with one left, give up (undo after a
          // reload is a convenience, saving the draft on the server is what matters).
          if (kept.entries.length <= 1) return;
          const drop = Math.ceil(kept.entries.length / 2);
          kept = { entries: kept.entries.slice(drop), cursor: Math.max(kept.cursor - drop, 0) };
        }
      }
    },
  };
}
export type HistoryStore = ReturnType<typeof historyStore>;
