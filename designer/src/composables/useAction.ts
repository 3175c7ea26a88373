// A button's request (claim, save, deploy...): busy while it runs, its refusal kept as the API's
// problem document for the page to show, cleared when the next attempt starts.
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { problemOf } from '../api/http.js';
import type { Problem } from '../api/types.js';

export type Action = {
  busy: Readonly<Ref<boolean>>;
  error: ShallowRef<Problem | null>;
  /** Runs `action`; resolves to its result, or to undefined when it failed (see `error`). */
  run: <R>(action: () => Promise<R>) => Promise<R | undefined>;
};

export function useAction(): Action {
  const busy = ref(false);
  const error = shallowRef<Problem | null>(null);
  async function run<R>(action: () => Promise<R>): Promise<R | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await action();
    } catch (err) {
      error.value = problemOf(err);
      return undefined;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, run };
}
