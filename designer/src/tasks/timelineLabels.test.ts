import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../api/types.js';
import { timelineLabel, withoutEchoes, type TimelineNames } from './timelineLabels.js';

const names: TimelineNames = {
  task: (id) => (id === 'triage-1' ? 'Triage' : (id ?? '?')),
  user: (id) => (id === 'u1' ? 'Ada' : (id ?? 'someone')),
};
const event = (type: string, data: Record<string, unknown> = {}, extra: Partial<TicketEvent> = {}) => ({
  seq: 1,
  type,
  at: '2025-03-03T10:00:00Z',
  actorId: 'u1',
  taskId: 'triage-1',
  data,
  ...extra,
});

describe('timelineLabel', () => {
  it('names the person, the task and the outcome', () => {
    expect(timelineLabel(event('task.completed', { outcome: 'resolved-on-call' }), names)).toBe(
      'Ada completed Triage with outcome “Resolved on call”',
    );
    expect(timelineLabel(event('task.claimed'), names)).toBe('Ada claimed Triage');
    expect(timelineLabel(event('stage.opened', { department: 'support' }), names)).toBe(
      'Triage opened in support',
    );
    expect(timelineLabel(event('stage.closed', { totalMs: 65 * 60_000 }), names)).toBe(
      'Triage closed after 1 h 5 min',
    );
    expect(timelineLabel(event('task.returned', { reason: 'wrong team' }), names)).toBe(
      'Ada returned Triage: wrong team',
    );
  });

  it("says when the customer's own mail came in, and names other messages", () => {
    const mail = { text: 'thanks', from: 'ana@example.org', channel: 'email' };
    expect(timelineLabel(event('message.received', { name: 'customer-reply', data: mail }), names)).toBe(
      'The customer answered by e-mail (ana@example.org)',
    );
    expect(
      timelineLabel(
        event('message.received', { name: 'customer-reply', data: { ...mail, channel: 'api' } }),
        names,
      ),
    ).toBe('Message “customer-reply” received');
  });

  it('says who reopened a ticket and why (the customer too), each status it took, and rule versions applied', () => {
    expect(timelineLabel(event('ticket.reopened', { reason: 'not fixed' }), names)).toBe(
      'Ada reopened the ticket: not fixed',
    );
    expect(
      timelineLabel(
        event('ticket.reopened', { reason: 'answered by e-mail after it was done' }, { actorId: 'customer' }),
        names,
      ),
    ).toBe('The customer reopened the ticket: answered by e-mail after it was done');
    expect(
      timelineLabel(
        event('timing.ruleApplied', { key: 'resolution', version: 5, name: 'Resolution' }),
        names,
      ),
    ).toBe('Ada applied version 5 of timing rule “Resolution”: its clock counts on it from now');
    expect(timelineLabel(event('ticket.status', { from: 'in_progress', to: 'pending' }), names)).toBe(
      'Status: in progress → pending',
    );
  });

  it('tells granted and denied extensions alike, with the time and the reason', () => {
    expect(timelineLabel(event('task.extensionGranted', { extendByMs: 30 * 60_000 }), names)).toBe(
      'Ada extended the deadline of Triage by 30 min',
    );
    expect(
      timelineLabel(
        event('task.extensionDenied', { extendByMs: 2 * 3_600_000, reason: 'finish today' }),
        names,
      ),
    ).toBe('Ada denied 2 h more on Triage: finish today');
    expect(timelineLabel(event('task.extensionDenied'), names)).toBe('Ada denied more time on Triage');
  });

  it('says whose SLA level changed, and falls back to the raw type', () => {
    expect(timelineLabel(event('sla.level', { level: 'overdue' }, { taskId: null }), names)).toBe(
      'Ticket SLA reached overdue',
    );
    expect(timelineLabel(event('something.new'), names)).toBe('something.new');
  });

  it('says a calendar edit moved a deadline, from when to when and why', () => {
    const moved = event('sla.recalculated', {
      fromDueAt: Date.parse('2026-03-16T10:00:00Z'),
      toDueAt: Date.parse('2026-03-17T09:15:00Z'),
      reason: "calendar 'office' was edited",
    });
    const label = timelineLabel(moved, names);
    const parts = /^Deadline of Triage moved from (.+) to (.+) because calendar 'office' was edited$/.exec(
      label,
    );
    expect(parts).not.toBeNull();
    expect(parts![1]).not.toBe(parts![2]);
    expect(timelineLabel({ ...moved, taskId: null }, names)).toMatch(/^Ticket deadline moved from /);
    expect(
      timelineLabel(
        event('calendars.changed', { calendars: ['office'], reason: "calendar 'office' was edited" }),
        names,
      ),
    ).toBe("Calendar “office” changed: calendar 'office' was edited");
    expect(
      timelineLabel(
        event('calendars.changed', {
          calendars: ['berlin'],
          departmentCalendars: { refunds: 'berlin' },
          reason: "department 'refunds' now keeps calendar 'berlin'",
        }),
        names,
      ),
    ).toBe("Department hours changed: department 'refunds' now keeps calendar 'berlin'");
  });
});

describe('timelineLabel of SLA targets applied', () => {
  const H = 3_600_000;
  const applied = (data: Record<string, unknown>) =>
    event(
      'sla.targetsChanged',
      { reason: 'the SLA targets of version 2 were applied', ...data },
      { taskId: null },
    );

  it('names the targets that changed, with the former ones, and the reason', () => {
    expect(
      timelineLabel(
        applied({
          tasks: [
            { elementId: 'Task_Triage', name: 'Handle call', targetMs: 4 * H, wasMs: 2 * H },
            { elementId: 'Task_Refund', name: 'Refund', targetMs: 4 * H, wasMs: 4 * H },
            { elementId: 'Task_Check', name: 'Check', targetMs: null, wasMs: H },
          ],
          ticketSla: { targetMs: 16 * H, wasMs: 8 * H },
        }),
        names,
      ),
    ).toBe(
      'SLA targets changed: Handle call 4 h (was 2 h), Check no SLA (was 1 h), ticket 16 h (was 8 h) (the SLA targets of version 2 were applied)',
    );
  });

  it('shortens a long list and says when nothing changed', () => {
    const tasks = [1, 2, 3, 4, 5].map((n) => ({
      elementId: `T${n}`,
      name: `Task ${n}`,
      targetMs: n * H,
      wasMs: null,
    }));
    expect(timelineLabel(applied({ tasks }), names)).toBe(
      'SLA targets changed: Task 1 1 h (was no SLA), Task 2 2 h (was no SLA), Task 3 3 h (was no SLA) and 2 more (the SLA targets of version 2 were applied)',
    );
    expect(
      timelineLabel(applied({ tasks: [{ elementId: 'T', name: 'T', targetMs: H, wasMs: H }] }), names),
    ).toBe('SLA targets applied, none changed (the SLA targets of version 2 were applied)');
  });
});

describe('withoutEchoes', () => {
  it('drops the assignment a claim caused, keeps assignments by the engine', () => {
    const events = [
      event('task.claimed', {}, { seq: 2 }),
      event('stage.claimed', {}, { seq: 2 }),
      event('stage.claimed', {}, { seq: 5, taskId: 'refund-1' }),
    ];
    expect(withoutEchoes(events).map((e) => `${e.seq} ${e.type}`)).toEqual([
      '2 task.claimed',
      '5 stage.claimed',
    ]);
  });
});
