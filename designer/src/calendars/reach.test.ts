import { describe, expect, it } from 'vitest';
import { reachSummary } from './reach.js';

describe('reachSummary', () => {
  it('says how many running tickets a change reached, and how many it missed', () => {
    expect(reachSummary({ total: 1, reached: 1, failed: [] })).toBe('1 of 1 running ticket recalculated');
    expect(
      reachSummary(
        { total: 3, reached: 2, failed: [{ ticketId: 't3', error: 'unavailable' }] },
        'save again to retry',
      ),
    ).toBe('2 of 3 running tickets recalculated, 1 not reached now (save again to retry)');
    expect(reachSummary({ total: 2, reached: 1, failed: [{ ticketId: 't2', error: 'unavailable' }] })).toBe(
      '1 of 2 running tickets recalculated, 1 not reached now',
    );
  });

  it('says nothing when no running ticket was concerned', () => {
    expect(reachSummary({ total: 0, reached: 0, failed: [] })).toBeUndefined();
    expect(reachSummary(undefined)).toBeUndefined();
  });
});
