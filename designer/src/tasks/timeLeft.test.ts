import { describe, expect, it } from 'vitest';
import { formatDuration, timeLeft } from './timeLeft.js';

const MIN = 60_000;
const NOW = Date.parse('2025-03-03T10:00:00Z');
const at = (minutes: number) => new Date(NOW + minutes * MIN).toISOString();

describe('formatDuration', () => {
  it.each([
    [30_000, '< 1 min'],
    [42 * MIN, '42 min'],
    [60 * MIN, '1 h'],
    [65 * MIN, '1 h 5 min'],
    [24 * 60 * MIN, '1 d'],
    [(2 * 24 + 3) * 60 * MIN + 59 * MIN, '2 d 3 h'],
  ])('%d ms reads %s', (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe('timeLeft', () => {
  it('says how long until the deadline, or how long past it', () => {
    expect(timeLeft(at(42), NOW)).toBe('due in 42 min');
    expect(timeLeft(at(-65), NOW)).toBe('overdue 1 h 5 min');
    expect(timeLeft(at(0), NOW)).toBe('due in < 1 min');
    expect(timeLeft(null, NOW)).toBe('no deadline');
  });
});
