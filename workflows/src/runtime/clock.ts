// Clocks for InMemoryRuntime: the real one (setTimeout) and a virtual one tests advance by hand,
// firing due callbacks in time order and waiting for each to settle before the next.
export type Clock = {
  now(): number;
  /** Calls `fire` at the absolute instant `at`; returns a cancel function. */
  schedule(at: number, fire: () => Promise<void>): () => void;
};

// setTimeout overflows past 2^31-1 ms (~24.8 days): longer waits re-arm in chunks.
const MAX_DELAY = 2 ** 31 - 1;

export const realClock: Clock = {
  now: () => Date.now(),
  schedule(at, fire) {
    let handle: NodeJS.Timeout | undefined;
    const arm = () => {
      const delay = at - Date.now();
      handle = setTimeout(
        () => {
          if (at - Date.now() > 0) arm();
          else void fire();
        },
        Math.max(0, Math.min(delay, MAX_DELAY)),
      );
    };
    arm();
    return () => clearTimeout(handle);
  },
};

type Scheduled = { at: number; order: number; fire: () => Promise<void> };

export class VirtualClock implements Clock {
  private current: number;
  private order = 0;
  private readonly pending = new Set<Scheduled>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  schedule(at: number, fire: () => Promise<void>): () => void {
    const entry = { at, order: this.order++, fire };
    this.pending.add(entry);
    return () => this.pending.delete(entry);
  }

  /** Moves time to `target`, firing every callback due on the way in (instant, scheduling) order. */
  async advanceTo(target: number): Promise<void> {
    if (target < this.current)
      throw new Error(`VirtualClock cannot go back from ${this.current} to ${target}`);
    for (;;) {
      let next: Scheduled | undefined;
      for (const entry of this.pending) {
        if (
          entry.at <= target &&
          (!next || entry.at < next.at || (entry.at === next.at && entry.order < next.order))
        ) {
          next = entry;
        }
      }
      if (!next) break;
      this.pending.delete(next);
      this.current = Math.max(this.current, next.at);
      await next.fire();
    }
    this.current = target;
  }

  advance(ms: number): Promise<void> {
    return this.advanceTo(this.current + ms);
  }

  /** Instant of the next scheduled callback, if any. */
  nextAt(): number | undefined {
    let min: number | undefined;
    for (const { at } of this.pending) if (min === undefined || at < min) min = at;
    return min;
  }
}
