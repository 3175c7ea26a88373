import { describe, expect, it } from 'vitest';
import { VirtualClock } from './clock.js';

describe('VirtualClock', () => {
  it('fires due callbacks in time order, at their instant, waiting for each to settle', async () => {
    const clock = new VirtualClock(1_000);
    const fired: string[] = [];
    const at = (name: string) => async () => {
      fired.push(`${name}@${clock.now()}`);
      await Promise.resolve();
    };
    clock.schedule(3_000, at('c'));
    clock.schedule(2_000, at('b'));
    clock.schedule(2_000, at('b2'));
    const cancel = clock.schedule(2_500, at('cancelled'));
    cancel();
    clock.schedule(9_000, at('later'));
    await clock.advance(1_600);
    expect(fired).toEqual(['b@2000', 'b2@2000']);
    expect(clock.now()).toBe(2_600);
    expect(clock.nextAt()).toBe(3_000);
    await clock.advanceTo(5_000);
    expect(fired).toEqual(['b@2000', 'b2@2000', 'c@3000']);
    expect(clock.now()).toBe(5_000);
  });

  it('fires callbacks scheduled by a callback when they fall inside the advance', async () => {
    const clock = new VirtualClock(0);
    const fired: number[] = [];
    clock.schedule(10, async () => {
      fired.push(clock.now());
      clock.schedule(20, async () => void fired.push(clock.now()));
    });
    await clock.advanceTo(30);
    expect(fired).toEqual([10, 20]);
  });

  it('refuses to go back in time', async () => {
    await expect(new VirtualClock(100).advanceTo(50)).rejects.toThrow(/cannot go back/);
  });
});
