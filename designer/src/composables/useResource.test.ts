import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { ApiProblem } from '../api/http.js';
import { useResource } from './useResource.js';

const refused = new ApiProblem(
  { type: 't', title: 'Conflict', status: 409, detail: 'x', code: 'conflict', instance: '/api/x' },
  'GET /api/x',
);

/** A loader whose answers the test releases one by one. */
function deferredLoader<T>() {
  const pending: { resolve: (v: T) => void; reject: (e: unknown) => void }[] = [];
  const load = vi.fn(() => new Promise<T>((resolve, reject) => pending.push({ resolve, reject })));
  return { load, pending };
}

describe('useResource', () => {
  let scope = effectScope();
  beforeEach(() => {
    scope = effectScope();
    vi.useFakeTimers();
  });
  afterEach(() => {
    scope.stop();
    vi.useRealTimers();
  });

  it('loads at once and reports loading, data and the time of the answer', async () => {
    vi.setSystemTime(1_000);
    const r = scope.run(() => useResource(() => Promise.resolve(['a'])))!;
    expect(r.loading.value).toBe(true);
    vi.setSystemTime(2_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(r).toMatchObject({ loading: { value: false } });
    expect(r.data.value).toEqual(['a']);
    expect(r.answeredAt.value).toBe(2_000);
  });

  it('keeps the old data as stale when a refresh fails, and the problem document', async () => {
    let fail = false;
    const r = scope.run(() => useResource(() => (fail ? Promise.reject(refused) : Promise.resolve(1))))!;
    await vi.advanceTimersByTimeAsync(0);
    fail = true;
    await r.refresh();
    expect(r.data.value).toBe(1);
    expect(r.error.value?.code).toBe('conflict');
    expect(r.stale.value).toBe(true);
    fail = false;
    await r.refresh();
    expect(r.error.value).toBeNull();
    expect(r.stale.value).toBe(false);
  });

  it('turns anything thrown into a problem document', async () => {
    const r = scope.run(() => useResource(() => Promise.reject(new TypeError('bad'))))!;
    await vi.advanceTimersByTimeAsync(0);
    expect(r.error.value).toMatchObject({ title: 'bad', code: 'client-error' });
    expect(r.stale.value).toBe(false);
  });

  it('lets only the newest answer land', async () => {
    const { load, pending } = deferredLoader<string>();
    const r = scope.run(() => useResource(load))!;
    void r.refresh();
    pending[1]!.resolve('new');
    await vi.advanceTimersByTimeAsync(0);
    pending[0]!.resolve('old');
    await vi.advanceTimersByTimeAsync(0);
    expect(r.data.value).toBe('new');
    expect(r.loading.value).toBe(false);
  });

  it('refreshes on its timer until the scope ends', async () => {
    const load = vi.fn(() => Promise.resolve(0));
    const own = effectScope();
    own.run(() => useResource(load, { refreshMs: 30_000 }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(3);
    own.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('drops the data of the old key and loads the new one', async () => {
    const key = ref('mine');
    const { load, pending } = deferredLoader<string>();
    const r = scope.run(() => useResource(load, { key }))!;
    pending[0]!.resolve('mine: 2 tasks');
    await vi.advanceTimersByTimeAsync(0);
    key.value = 'department';
    await nextTick();
    expect(r.data.value).toBeUndefined();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('waits for the first refresh when not immediate', () => {
    const load = vi.fn(() => Promise.resolve(0));
    scope.run(() => useResource(load, { immediate: false }));
    expect(load).not.toHaveBeenCalled();
  });
});
