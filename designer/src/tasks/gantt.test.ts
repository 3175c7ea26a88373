import { describe, expect, it } from 'vitest';
import { GANTT_SIZE, layoutGantt, type GanttStage } from './gantt.js';

const T0 = Date.parse('2025-03-03T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const stage = (taskId: string, from: number, to: number | null, extra: Partial<GanttStage> = {}) => ({
  taskId,
  name: taskId,
  department: 'support',
  enteredAt: at(from),
  closedAt: to === null ? null : at(to),
  slaLevel: 'ok' as const,
  ...extra,
});

describe('layoutGantt', () => {
  const { labelWidth, width, rowHeight, axisHeight } = GANTT_SIZE;
  const plot = width - labelWidth;

  it('spans the plot from the first entry to now, one row per stage', () => {
    const layout = layoutGantt(
      [stage('triage', 0, 30), stage('refund', 30, null, { slaLevel: 'overdue', department: 'refunds' })],
      T0 + 60 * 60_000,
    );
    expect(layout.bars.map((b) => [b.taskId, b.x, b.width, b.y, b.level, b.open])).toEqual([
      ['triage', labelWidth, plot / 2, axisHeight, 'ok', false],
      ['refund', labelWidth + plot / 2, plot / 2, axisHeight + rowHeight, 'overdue', true],
    ]);
    expect(layout.nowX).toBe(width);
    expect(layout.height).toBe(axisHeight + 2 * rowHeight);
  });

  it('counts the time on hold, shading the hold in progress of an open stage', () => {
    const layout = layoutGantt(
      [
        stage('triage', 0, 30, { heldMs: 10 * 60_000, heldSince: null }),
        stage('refund', 30, null, { heldMs: 5 * 60_000, heldSince: at(45) }),
        stage('old', 0, 20, { heldMs: null, heldSince: null }),
      ],
      T0 + 60 * 60_000,
    );
    expect(layout.bars.map((b) => [b.taskId, b.heldMs / 60_000, b.hold])).toEqual([
      ['triage', 10, null],
      ['refund', 20, { x: labelWidth + (plot * 3) / 4, width: plot / 4 }],
      ['old', 0, null],
    ]);
  });

  it('ticks on round steps, at most six, with the axis widened to whole steps', () => {
    const layout = layoutGantt([stage('a', 0, 60)], T0);
    expect(layout.ticks.map((t) => (t.at - T0) / 60_000)).toEqual([0, 15, 30, 45, 60]);
    expect(layout.ticks[0]!.x).toBe(labelWidth);
    expect(layout.ticks.at(-1)!.x).toBe(width);

    const odd = layoutGantt([stage('b', 7, 50)], T0);
    expect(odd.ticks.map((t) => (t.at - T0) / 60_000)).toEqual([0, 15, 30, 45, 60]);
    expect(odd.bars[0]!.x).toBeCloseTo(labelWidth + (7 / 60) * plot);
  });

  it('keeps instant stages visible and has no now line when all are closed', () => {
    const layout = layoutGantt([stage('a', 0, 0), stage('b', 0, 10)], T0 + 10 * 60_000);
    expect(layout.bars[0]!.width).toBeGreaterThanOrEqual(3);
    expect(layout.nowX).toBeNull();
    expect(layout.bars[0]!.department).toBe('support');
  });
});
