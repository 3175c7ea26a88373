import { describe, expect, it } from 'vitest';
import { bandPosition } from './chartOptions.js';
import { departmentNamer, durationTable, slaTable, stuckTable, targetsByDepartment } from './tables.js';
import type { DurationGroup, SlaTarget } from './reportTypes.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const name = departmentNamer([{ key: 'refunds', name: 'Refunds' }]);
const bands = [10 * MIN, 30 * MIN, HOUR, 4 * HOUR, 8 * HOUR, 24 * HOUR, 72 * HOUR, null].map((upToMs, i) => ({
  key: `b${i}`,
  label: `band ${i}`,
  upToMs,
  count: i,
}));
const group = (department: string | null, p50Ms: number): DurationGroup => ({
  department,
  count: 28,
  meanMs: p50Ms,
  p50Ms,
  p90Ms: 2 * p50Ms,
  p99Ms: 3 * p50Ms,
  histogram: bands,
  sla: { withTarget: 0, met: 0, attainment: null },
});
const target = (department: string, slaTargetMs: number): SlaTarget => ({
  typeId: 't',
  flowVersionId: 'v',
  department,
  elementId: `Task_${slaTargetMs}`,
  task: 'Task',
  slaTargetMs,
  calendar: 'office',
});

describe('dashboard tables', () => {
  it('puts business and wall-clock percentiles of a department on one row, with its targets', () => {
    const table = durationTable(
      [group('refunds', 2 * HOUR), group(null, MIN)],
      [group('refunds', 5 * HOUR)],
      [target('refunds', 8 * HOUR), target('refunds', 4 * HOUR), target('refunds', 4 * HOUR)],
      name,
    );
    expect(table.rows[0]).toEqual({
      department: 'Refunds',
      count: 28,
      target: '4 h, 8 h',
      p50: '2 h',
      p90: '4 h',
      p99: '6 h',
      wallP50: '5 h',
      wallP90: '10 h',
      wallP99: '15 h',
    });
    expect(table.rows[1]).toMatchObject({ department: 'No department', target: null, wallP50: null });
  });

  it('tells stages that met the original target from those met after an extension', () => {
    const [row] = slaTable(
      [
        {
          department: 'refunds',
          closed: 12,
          withTarget: 10,
          met: 7,
          metAfterExtension: 3,
          warning: 2,
          overdue: 2,
          severe: 1,
          attainment: 0.7,
          originalAttainment: 0.4,
          openOverdueNow: 3,
          openSevereNow: 1,
        },
      ],
      name,
    ).rows;
    expect(row).toEqual({
      department: 'Refunds',
      originalAttainment: '40.0 %',
      attainment: '70.0 %',
      withTarget: 10,
      original: 4,
      extended: 3,
      warning: 2,
      overdue: 2,
      severe: 1,
      openOverdueNow: 3,
    });
  });

  it('says how far past due each stuck stage is, as of the answer', () => {
    const now = Date.parse('2026-03-15T12:00:00Z');
    const [row] = stuckTable(
      [
        {
          ticketId: 'k',
          ticketNumber: 42,
          ticketTitle: 'Refund',
          taskId: 't1',
          globalTaskId: 'k.t1',
          elementId: 'Task_Refund',
          name: 'Handle the refund',
          department: 'refunds',
          assignee: null,
          enteredAt: '2026-03-15T08:00:00Z',
          dueAt: '2026-03-15T10:30:00Z',
          slaLevel: 'severe',
          ageMs: 4 * HOUR,
          overdueRatio: 1.6,
        },
      ],
      now,
      name,
    ).rows;
    expect(row).toMatchObject({
      ticket: '#42 Refund',
      pastDue: '1 h 30 min',
      ratio: '160 %',
      assignee: null,
    });
  });

  it('keeps each department’s distinct targets, shortest first', () => {
    expect([
      ...targetsByDepartment([target('a', 8 * HOUR), target('a', 2 * HOUR), target('a', 8 * HOUR)]),
    ]).toEqual([['a', [2 * HOUR, 8 * HOUR]]]);
  });

  it('places a target among the bands: on a bound between two, inside one by its logarithm', () => {
    expect(bandPosition(bands, 4 * HOUR)).toBeCloseTo(3.5); // the bound between 1–4 h and 4–8 h
    expect(bandPosition(bands, 10 * MIN)).toBeCloseTo(0.5);
    expect(bandPosition(bands, 5 * MIN)).toBeCloseTo(0); // halfway into the first band, linear
    expect(bandPosition(bands, 2 * HOUR)).toBeCloseTo(2.5 + 0.5); // log-halfway through 1–4 h
    expect(bandPosition(bands, 100 * HOUR)).toBe(6.75); // the open last band
  });
});
