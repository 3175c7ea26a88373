import { describe, expect, it } from 'vitest';
import { ledgerBar } from './ledgerBar.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const span = (from: number, to: number) => `${(from - T0) / HOUR}-${(to - T0) / HOUR}`;
const name = (id: string) => ({ lena: 'Lena Wu' })[id] ?? id;

describe('ledgerBar', () => {
  it('places each stretch by its share of the bar, then what is left until due, with extension marks', () => {
    const bar = ledgerBar(
      {
        ledger: [
          { kind: 'counting', from: T0, to: T0 + 2 * HOUR },
          { kind: 'paused', from: T0 + 2 * HOUR, to: T0 + 3 * HOUR, reason: 'customer' },
          { kind: 'counting', from: T0 + 3 * HOUR, to: T0 + 4 * HOUR },
        ],
        dueAt: T0 + 8 * HOUR,
        extensions: [{ at: T0 + 2 * HOUR, byMs: HOUR, by: 'lena' }],
      },
      span,
      name,
    )!;
    expect(bar.pieces.map((p) => [p.kind, p.left, p.width])).toEqual([
      ['counting', 0, 25],
      ['paused', 25, 12.5],
      ['counting', 37.5, 12.5],
      ['left', 50, 50],
    ]);
    expect(bar.pieces[1]!.title).toBe('On hold, clock stopped: 2-3 (1 h) — customer');
    expect(bar.marks).toEqual([{ left: 25, title: '+1 h granted by Lena Wu' }]);
    // The pieces tile the bar.
    expect(bar.pieces.reduce((sum, p) => sum + p.width, 0)).toBe(100);
  });

  it('has nothing left to show for a stopped or overdue clock, and no bar without a ledger', () => {
    const stopped = ledgerBar(
      { ledger: [{ kind: 'counting', from: T0, to: T0 + HOUR }], dueAt: T0 + HOUR / 2, extensions: [] },
      span,
      name,
    )!;
    expect(stopped.pieces.map((p) => [p.kind, p.width])).toEqual([['counting', 100]]);
    expect(ledgerBar({ ledger: [], extensions: [] }, span, name)).toBeUndefined();
  });
});
