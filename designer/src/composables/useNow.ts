// The current time as reactive state, renewed every `everyMs` while the component lives: for
// labels that say "from now".
import { onScopeDispose, ref, type Ref } from 'vue';

export function useNow(everyMs = 30_000): Readonly<Ref<number>> {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), everyMs);
  onScopeDispose(() => clearInterval(timer));
  return now;
}
