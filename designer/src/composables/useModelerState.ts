// The modeler's state as Vue sees it: plain copies of what the Baton modules report on the
// diagram's event bus (validation, save status, undo/redo). The modeler itself stays outside Vue.
import { computed, ref, shallowRef } from 'vue';
import { problemOf } from '../api/http.js';
import type { Problem } from '../api/types.js';
import type { SaveStatus } from '../modeler/autosave.js';
import { onBaton } from '../modeler/batonEvents.js';
import type { EventBus } from '../modeler/bpmnTypes.js';
import type { ValidationModel } from '../modeler/diagnostics.js';

export function useModelerState() {
  const validation = shallowRef<ValidationModel | null>(null);
  /** True until the first check of the imported diagram, and again after every change. */
  const validating = ref(true);
  const saveStatus = ref<SaveStatus>('saved');
  const saveError = shallowRef<Problem | null>(null);
  const stack = ref({ canUndo: false, canRedo: false });
  const history = ref({ canBack: false, canForward: false, errorFreeAt: null as number | null });
  // When bpmn-js's command stack has nothing left (after a reload or an import), undo and redo
  // step through the drafts saved before (modeler/draftHistory.ts).
  const canUndo = computed(() => stack.value.canUndo || history.value.canBack);
  const canRedo = computed(() => stack.value.canRedo || history.value.canForward);
  /** When the draft shown has errors: when the newest error-free draft was saved. */
  const errorFreeAt = computed(() => history.value.errorFreeAt);

  /** Mirrors one modeler's events from now on. */
  function follow(eventBus: EventBus) {
    onBaton(eventBus, 'baton.validation.changed', ({ checking, result }) => {
      validating.value = checking;
      validation.value = result;
    });
    onBaton(eventBus, 'baton.autosave.changed', ({ status, error }) => {
      saveStatus.value = status;
      saveError.value = error === null ? null : problemOf(error);
    });
    onBaton(eventBus, 'baton.undo.changed', (state) => {
      stack.value = state;
    });
    onBaton(eventBus, 'baton.history.changed', (state) => {
      history.value = state;
    });
  }

  return { validation, validating, saveStatus, saveError, canUndo, canRedo, errorFreeAt, follow };
}
