import { describe, expect, it } from 'vitest';
import { listSla } from './listSla.js';

const task = (name: string, slaLevel: 'ok' | 'warning' | 'overdue' | 'severe', dueAt: string) => ({
  id: `t.${name}`,
  name,
  department: 'support',
  assigneeId: null,
  dueAt,
  slaLevel,
});

describe('listSla', () => {
  it("shows an overdue task's level when the ticket's own clock is on time", () => {
    expect(
      listSla({
        slaLevel: 'ok',
        slaDueAt: '2026-03-20T00:00:00Z',
        openTasks: [
          task('Triage', 'warning', '2026-03-16T10:00:00Z'),
          task('Refund', 'severe', '2026-03-16T09:00:00Z'),
        ],
      }),
    ).toEqual({ level: 'severe', dueAt: '2026-03-16T09:00:00Z', task: 'Refund' });
  });

  it("keeps the ticket's own clock when no task is worse", () => {
    expect(
      listSla({
        slaLevel: 'overdue',
        slaDueAt: '2026-03-16T08:00:00Z',
        openTasks: [task('Triage', 'overdue', '2026-03-16T10:00:00Z')],
      }),
    ).toEqual({ level: 'overdue', dueAt: '2026-03-16T08:00:00Z' });
    expect(listSla({ slaLevel: 'ok', slaDueAt: null, openTasks: [] })).toEqual({ level: 'ok', dueAt: null });
  });
});
