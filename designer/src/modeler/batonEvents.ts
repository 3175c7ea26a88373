// The events the Baton modeler modules fire on the diagram's event bus, and a typed way to listen.
// Pages copy these payloads into their reactive state; the modules never touch Vue.
import type { EventBus } from './bpmnTypes.js';
import type { SaveStatus } from './autosave.js';
import type { ValidationModel } from './diagnostics.js';

export type BatonEvents = {
  /**
   * A check was scheduled (`checking`) or its result arrived; `result` is the newest one so far,
   * `xml` what it checked (with a result).
   */
  'baton.validation.changed': { checking: boolean; result: ValidationModel | null; xml?: string };
  /** The draft's save status; `error` is why the last save failed (status 'error'). */
  'baton.autosave.changed': { status: SaveStatus; error: unknown };
  /** Autosave stored this XML as the draft. */
  'baton.draft.saved': { xml: string };
  /**
   * The saved drafts kept in the browser (./draftHistory.ts): whether there is one to step back
   * or forward to, and when the draft shown has errors, when the newest error-free one was saved.
   */
  'baton.history.changed': { canBack: boolean; canForward: boolean; errorFreeAt: number | null };
  /** Whether undo and redo have anything to do, after every command and import. */
  'baton.undo.changed': { canUndo: boolean; canRedo: boolean };
};

export function fireBaton<K extends keyof BatonEvents>(eventBus: EventBus, name: K, payload: BatonEvents[K]) {
  eventBus.fire(name, payload);
}

/**
 * Listens to a Baton event. The listener's return value is dropped on purpose: diagram-js stops
 * an event at the first listener that returns something.
 */
export function onBaton<K extends keyof BatonEvents>(
  eventBus: EventBus,
  name: K,
  listener: (payload: BatonEvents[K]) => void,
) {
  eventBus.on(name, (event) => {
    listener(event as BatonEvents[K]);
  });
}
