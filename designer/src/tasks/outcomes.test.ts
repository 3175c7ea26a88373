import { describe, expect, it } from 'vitest';
import { outcomeLabel } from './outcomes.js';

describe('outcomeLabel', () => {
  it('turns a key into words', () => {
    expect(outcomeLabel('resolved-on-call')).toBe('Resolved on call');
    expect(outcomeLabel('no_plan')).toBe('No plan');
    expect(outcomeLabel('in-development')).toBe('In development');
    expect(outcomeLabel('refund')).toBe('Refund');
  });

  it('keeps a key that has no words', () => {
    expect(outcomeLabel('--')).toBe('--');
  });
});
