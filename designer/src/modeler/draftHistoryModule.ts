// The draft history (./draftHistory.ts) as a diagram-js module: every draft autosave stores and
// every validation result goes into it, kept in the browser per ticket type; the page asks it for
// the draft to open when undo (or redo) has nothing left in bpmn-js's command stack, e.g. after a
// reload or an import, and for the newest error-free draft. `baton.history.changed` says what it
// can offer.
import { fireBaton, onBaton } from './batonEvents.js';
import type { EventBus } from './bpmnTypes.js';
import {
  canStepBack,
  canStepForward,
  lastErrorFree,
  markChecked,
  recordSaved,
  step,
  type Checkpoint,
  type DraftHistory,
  type HistoryStore,
} from './draftHistory.js';

/** `batonDraftHistory` in the modeler's options. */
export type DraftHistoryConfig = { store: HistoryStore; now?: () => number };

export class DraftHistoryService {
  static $inject = ['eventBus', 'config.batonDraftHistory'];

  private history: DraftHistory;
  /** The checkpoint being opened by a step: its save replaces it should the XML differ at all. */
  private opening: number | null = null;
  /** The newest validation result: a check may finish before autosave stores what it checked. */
  private checked: { xml: string; errors: number } | null = null;
  private readonly now: () => number;

  constructor(
    private readonly eventBus: EventBus,
    private readonly config: DraftHistoryConfig,
  ) {
    this.now = config.now ?? Date.now;
    this.history = config.store.load();
    onBaton(eventBus, 'baton.draft.saved', ({ xml }) => this.saved(xml));
    onBaton(eventBus, 'baton.validation.changed', ({ checking, result, xml }) => {
      if (checking || !result || xml === undefined) return;
      this.checked = { xml, errors: result.errorCount };
      this.update(markChecked(this.history, xml, result.errorCount));
    });
  }

  /** The stored draft the modeler opened (the server's): where the history stands now. */
  opened(xml: string): void {
    this.update(this.withCheck(recordSaved(this.history, xml, this.now())));
    this.report();
  }

  /** The draft to open for one step back or forward, if any; opening and saving it moves there. */
  stepTo(by: -1 | 1): Checkpoint | undefined {
    const target = step(this.history, by);
    if (target) this.moveTo(this.history.cursor + by);
    return target;
  }

  /** The newest error-free draft, while the one shown has errors; opening it moves there. */
  errorFree(): Checkpoint | undefined {
    const target = lastErrorFree(this.history);
    if (target) this.moveTo(this.history.entries.indexOf(target));
    return target;
  }

  get canBack(): boolean {
    return canStepBack(this.history);
  }

  get canForward(): boolean {
    return canStepForward(this.history);
  }

  private moveTo(index: number) {
    this.opening = index;
    this.update({ ...this.history, cursor: index });
  }

  private saved(xml: string) {
    const opening = this.opening;
    this.opening = null;
    const known = this.history.entries.some((e) => e.xml === xml);
    if (opening !== null && !known) {
      // The opened checkpoint, written back by bpmn-js: the same draft, in its words.
      const entries = this.history.entries.map((e, i) => (i === opening ? { ...e, xml, errors: null } : e));
      this.update(this.withCheck({ entries, cursor: opening }));
      return;
    }
    this.update(this.withCheck(recordSaved(this.history, xml, this.now())));
  }

  private withCheck(history: DraftHistory): DraftHistory {
    return this.checked ? markChecked(history, this.checked.xml, this.checked.errors) : history;
  }

  private update(next: DraftHistory) {
    if (next === this.history) return;
    this.history = next;
    this.config.store.save(next);
    this.report();
  }

  private report() {
    fireBaton(this.eventBus, 'baton.history.changed', {
      canBack: canStepBack(this.history),
      canForward: canStepForward(this.history),
      errorFreeAt: lastErrorFree(this.history)?.at ?? null,
    });
  }
}

export const DraftHistoryModule = {
  __init__: ['batonDraftHistory'],
  batonDraftHistory: ['type', DraftHistoryService],
};
