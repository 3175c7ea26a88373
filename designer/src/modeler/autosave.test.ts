import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAutosave, type SaveStatus } from './autosave.js';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once after a burst of changes and reports its status', async () => {
    const statuses: SaveStatus[] = [];
    const save = vi.fn(async () => {});
    const autosave = createAutosave(save, (s) => statuses.push(s), 500);
    autosave.changed();
    autosave.changed();
    await vi.advanceTimersByTimeAsync(400);
    autosave.changed();
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves again when a change arrives during a save, so the last edit is stored', async () => {
    let release: () => void = () => {};
    const saved: number[] = [];
    let edits = 0;
    const autosave = createAutosave(
      () => {
        const snapshot = edits;
        return new Promise<void>((resolve) => {
          release = () => {
            saved.push(snapshot);
            resolve();
          };
        });
      },
      () => {},
      100,
    );
    edits = 1;
    autosave.changed();
    await vi.advanceTimersByTimeAsync(100);
    edits = 2;
    autosave.changed();
    await vi.advanceTimersByTimeAsync(100);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(saved).toEqual([1, 2]);
  });

  it('flush saves pending changes now and reports errors', async () => {
    const statuses: SaveStatus[] = [];
    const autosave = createAutosave(
      () => Promise.reject(new Error('409 conflict')),
      (s) => statuses.push(s),
      10_000,
    );
    autosave.changed();
    await autosave.flush();
    expect(statuses).toEqual(['unsaved', 'saving', 'error']);
  });
});
