// Debounced saving of the draft with a status for the toolbar. Changes made while a save is in
// flight trigger one more save afterwards, so the last edit always reaches the server.
import { debounced } from './debounce.js';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'error';

export type Autosave = {
  changed: () => void;
  flush: () => Promise<void>;
  /** Drops a pending save (one in flight still finishes). */
  cancel: () => void;
};

export function createAutosave(
  save: () => Promise<void>,
  onStatus: (status: SaveStatus, error?: unknown) => void,
  delayMs = 800,
): Autosave {
  let inFlight: Promise<void> | null = null;
  let again = false;

  async function run(): Promise<void> {
    if (inFlight) {
      again = true;
      return inFlight;
    }
    onStatus('saving');
    inFlight = save()
      .then(() => onStatus(again ? 'unsaved' : 'saved'))
      .catch((err: unknown) => onStatus('error', err))
      .finally(() => {
        inFlight = null;
      });
    await inFlight;
    if (again) {
      again = false;
      await run();
    }
  }

  const later = debounced(run, delayMs);
  return {
    changed() {
      onStatus('unsaved');
      later();
    },
    async flush() {
      await later.flush();
      if (inFlight) await inFlight;
    },
    cancel: () => later.cancel(),
  };
}
