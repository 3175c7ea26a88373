// Autosave as a diagram-js module: every command marks the draft unsaved and saves it (debounced,
// see ./autosave.ts) through the page's `save`; `baton.autosave.changed` reports the status, and
// the browser warns before a tab with unsaved changes closes.
import { fireBaton } from './batonEvents.js';
import { createAutosave, type Autosave, type SaveStatus } from './autosave.js';
import type { EventBus, XmlSource } from './bpmnTypes.js';

/** `batonAutosave` in the modeler's options. */
export type AutosaveConfig = {
  /** Stores the draft's XML (the page knows where). */
  save: (xml: string) => Promise<void>;
  delayMs?: number;
};

export class BatonAutosave {
  static $inject = ['eventBus', 'bpmnjs', 'config.batonAutosave'];

  private current: SaveStatus = 'saved';
  private lastError: unknown = null;
  private readonly autosave: Autosave;
  private readonly report: (status: SaveStatus, error?: unknown) => void;

  constructor(eventBus: EventBus, bpmnjs: XmlSource, config: AutosaveConfig) {
    this.report = (status, error) => {
      this.current = status;
      this.lastError = status === 'error' ? error : null;
      fireBaton(eventBus, 'baton.autosave.changed', { status, error: this.lastError });
    };
    this.autosave = createAutosave(
      async () => {
        const { xml } = await bpmnjs.saveXML({ format: true });
        if (!xml) throw new Error('the diagram could not be written as XML');
        await config.save(xml);
        fireBaton(eventBus, 'baton.draft.saved', { xml });
      },
      this.report,
      config.delayMs,
    );
    eventBus.on('commandStack.changed', () => {
      this.changed();
    });
    const warnBeforeUnload = (event: BeforeUnloadEvent) => {
      if (this.current === 'unsaved' || this.current === 'saving') event.preventDefault();
    };
    window.addEventListener('beforeunload', warnBeforeUnload);
    eventBus.on('diagram.destroy', () => {
      window.removeEventListener('beforeunload', warnBeforeUnload);
      this.autosave.cancel();
    });
  }

  get status(): SaveStatus {
    return this.current;
  }

  /** Why the last save failed (status 'error'), else null. */
  get error(): unknown {
    return this.lastError;
  }

  /** The diagram changed outside the command stack (an imported file, a new flow's template). */
  changed(): void {
    this.autosave.changed();
  }

  /** Saves pending changes now; resolves when the draft is stored (or its save failed). */
  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** What is on the canvas is the stored draft already (e.g. a version restored on the server). */
  markSaved(): void {
    this.autosave.cancel();
    this.report('saved');
  }
}

export const AutosaveModule = {
  __init__: ['batonAutosave'],
  batonAutosave: ['type', BatonAutosave],
};
