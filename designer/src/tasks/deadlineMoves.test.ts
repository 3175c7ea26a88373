import { describe, expect, it } from 'vitest';
import { moveChanges } from './deadlineMoves.js';

const HOUR = 3_600_000;
const move = { at: 0, fromDueAt: HOUR, toDueAt: 4 * HOUR, reason: 'r' };

describe('moveChanges', () => {
  it('names the target and the calendar before and after, where they changed', () => {
    expect(moveChanges({ ...move, targetMs: { from: HOUR, to: 4 * HOUR } })).toBe('target 1 h → 4 h');
    expect(
      moveChanges({
        ...move,
        targetMs: { from: HOUR, to: 90 * 60_000 },
        calendar: { from: 'office', to: 'weekend' },
      }),
    ).toBe('target 1 h → 1 h 30 min, calendar office → weekend');
    expect(moveChanges({ ...move, calendar: { from: 'office' } })).toBe('calendar office → wall-clock time');
  });

  it('says nothing when only the instants moved (a calendar edit)', () => {
    expect(moveChanges(move)).toBeUndefined();
  });
});
