import { describe, expect, it } from 'vitest';
import { useAction } from './useAction.js';

describe('useAction', () => {
  it('is busy while the action runs and returns its result', async () => {
    const action = useAction();
    const running = action.run(() => Promise.resolve('claimed'));
    expect(action.busy.value).toBe(true);
    expect(await running).toBe('claimed');
    expect(action.busy.value).toBe(false);
  });

  it('keeps a refusal as a problem document until the next attempt', async () => {
    const action = useAction();
    expect(await action.run(() => Promise.reject(new Error('refused')))).toBeUndefined();
    expect(action.error.value?.title).toBe('refused');
    const again = action.run(() => Promise.resolve(1));
    expect(action.error.value).toBeNull();
    await again;
  });
});
