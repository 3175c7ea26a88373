import { describe, expect, it } from 'vitest';
import { CUSTOMER_STATE_LABELS, expectedLabel } from './customerStatus.js';

const NOW = Date.parse('2026-12-02T10:00:00Z');

describe('the customer status in words', () => {
  it('says when to expect the answer, and owns up to being late', () => {
    expect(expectedLabel(null, NOW)).toBeUndefined();
    expect(expectedLabel('2026-12-02T15:00:00Z', NOW)).toMatch(/\(in 5 h\)$/);
    expect(expectedLabel('2026-12-02T09:00:00Z', NOW)).toMatch(/\(we are 1 h late\)$/);
  });

  it('has a label for every state', () => {
    expect(Object.keys(CUSTOMER_STATE_LABELS).sort()).toEqual([
      'cancelled',
      'done',
      'in-progress',
      'waiting-for-you',
    ]);
  });
});
