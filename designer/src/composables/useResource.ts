// What every page does with data from the API: load it, show a problem document when that fails
// (keeping what it showed before, now stale), refresh on demand or on a timer, and let only the
// newest answer land, so a slow old request never overwrites a newer one.
import {
  computed,
  onScopeDispose,
  ref,
  shallowRef,
  watch,
  type Ref,
  type ShallowRef,
  type WatchSource,
} from 'vue';
import { problemOf } from '../api/http.js';
import type { Problem } from '../api/types.js';

export type ResourceOptions = {
  /** Reload this often while the page lives (e.g. the inbox every 30 s). */
  refreshMs?: number;
  /** What the data is of (a route param, a tab): when it changes, the old data goes and the new loads. */
  key?: WatchSource;
  /** Load at once (the default) or wait for the first refresh(). */
  immediate?: boolean;
};

export type Resource<T> = {
  /** The newest answer; undefined before the first one (and after the key changed). */
  data: ShallowRef<T | undefined>;
  /** Why the newest request failed, as the API's problem document; null after a success. */
  error: Readonly<ShallowRef<Problem | null>>;
  /** A request is in flight. */
  loading: Readonly<Ref<boolean>>;
  /** `data` is shown but the latest request to renew it failed. */
  stale: Readonly<Ref<boolean>>;
  /** When the newest answer (or failure) arrived, epoch ms: the "now" of time-left labels. */
  answeredAt: Readonly<Ref<number>>;
  /** Loads again, keeping the current data until the answer arrives. */
  refresh: () => Promise<void>;
  /** Runs another loader (e.g. the next page) as the newest request; it gets the data shown now. */
  load: (next: (shown: T | undefined) => Promise<T>) => Promise<void>;
};

export function useResource<T>(fetch: () => Promise<T>, options: ResourceOptions = {}): Resource<T> {
  const data = shallowRef<T>();
  const error = shallowRef<Problem | null>(null);
  const loading = ref(false);
  const answeredAt = ref(Date.now());
  let asked = 0;

  async function load(next: (shown: T | undefined) => Promise<T>): Promise<void> {
    const mine = ++asked;
    loading.value = true;
    try {
      const value = await next(data.value);
      if (mine !== asked) return;
      data.value = value;
      error.value = null;
    } catch (err) {
      if (mine === asked) error.value = problemOf(err);
    } finally {
      if (mine === asked) {
        loading.value = false;
        answeredAt.value = Date.now();
      }
    }
  }
  const refresh = () => load(fetch);

  if (options.key !== undefined) {
    watch(options.key, () => {
      data.value = undefined;
      error.value = null;
      void refresh();
    });
  }
  if (options.refreshMs) {
    const timer = setInterval(() => void refresh(), options.refreshMs);
    onScopeDispose(() => clearInterval(timer));
  }
  if (options.immediate !== false) void refresh();

  return {
    data,
    error,
    loading,
    stale: computed(() => data.value !== undefined && error.value !== null),
    answeredAt,
    refresh,
    load,
  };
}
