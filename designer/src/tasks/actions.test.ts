import { describe, expect, it } from 'vitest';
import type { TaskActions } from '../api/types.js';
import { completionButtons } from './actions.js';

const none: TaskActions = {
  claim: false,
  complete: null,
  transfer: null,
  return: false,
  hold: false,
  resume: false,
  requestExtension: false,
  cancel: false,
};

describe('completion buttons', () => {
  it('offers one button per outcome the API accepts, labelled in words (flows carry keys only)', () => {
    expect(completionButtons({ ...none, complete: { outcomes: ['refund', 'resolved-on-call'] } })).toEqual([
      { test: 'complete-refund', label: 'Refund', outcome: 'refund' },
      { test: 'complete-resolved-on-call', label: 'Resolved on call', outcome: 'resolved-on-call' },
    ]);
  });
  it('offers a plain Complete when no outcome is needed, and nothing when completing is refused', () => {
    expect(completionButtons({ ...none, complete: { outcomes: [] } })).toEqual([
      { test: 'complete', label: 'Complete' },
    ]);
    expect(completionButtons(none)).toEqual([]);
  });
});
