import { describe, expect, it } from 'vitest';
import { heatLabel, heatOf } from './heat.js';

const element = { elementId: 'Task_Fault', name: 'Fix', department: 'faults', p50Ms: null, p90Ms: null };

describe('heat', () => {
  it('colours an element by the share of its stages that went overdue', () => {
    expect(heatOf({ openNow: 0, done: 0, overdue: 0 })).toBe('idle');
    expect(heatOf({ openNow: 1, done: 99, overdue: 4 })).toBe('cool');
    expect(heatOf({ openNow: 0, done: 100, overdue: 5 })).toBe('warm');
    expect(heatOf({ openNow: 10, done: 90, overdue: 29 })).toBe('hot');
    expect(heatOf({ openNow: 3, done: 7, overdue: 3 })).toBe('burning');
  });

  it('labels open now, p90 and the overdue count', () => {
    expect(heatLabel({ ...element, openNow: 3, done: 40, p90Ms: 4 * 3_600_000, overdue: 2 })).toBe(
      '3 open · p90 4 h · 2 overdue',
    );
    expect(heatLabel({ ...element, openNow: 1, done: 0, overdue: 1 })).toBe(
      '1 open · no p90 yet · 1 overdue',
    );
  });
});
