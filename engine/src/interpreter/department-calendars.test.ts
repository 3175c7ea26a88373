// The calendar follows the owner: a department with its own hours times its tasks on them, and the
// ticket's clock switches calendars when the ticket moves there.
import { describe, expect, it } from 'vitest';
import type { CalendarSpec, Flow } from '../types.js';
import { explainSla } from './index.js';
import { agent } from './testing/actors.js';
import { drive, ofType } from './testing/drive.js';
import { flowBuilder, HOUR, sla } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 1); // Monday 09:00 in Shanghai, 02:00 in Berlin
const ann = agent('ann', 'support');
const input = { ticketId: 'T', variables: {} };
const weekdays = (zone: string): CalendarSpec => ({
  timeZone: zone,
  week: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => [day, [['09:00', '17:00']]]),
  ),
});

/** Support in Shanghai, refunds in Berlin; triage may hand over to refunds. */
const handoff = (): Flow =>
  flowBuilder('handoff')
    .start('s')
    .userTask('triage', { department: 'support', sla: sla(4 * HOUR), transferTo: ['refunds'] })
    // Named on the task, as the designer writes it: refunds' own hours still win.
    .userTask('refund', { department: 'refunds', sla: sla(4 * HOUR, { calendar: 'shanghai' }) })
    .end('e')
    .path('s', 'triage', 'refund', 'e')
    .with({
      calendar: 'shanghai',
      calendars: { shanghai: weekdays('Asia/Shanghai'), berlin: weekdays('Europe/Berlin') },
      ticketSla: sla(16 * HOUR),
    })
    .build();
const withBerlinRefunds = (flow: Flow): Flow => ({ ...flow, departmentCalendars: { refunds: 'berlin' } });

describe('department calendars', () => {
  it("times a department's task on its own calendar, and the ticket's clock switches there on transfer", () => {
    const flow = withBerlinRefunds(handoff());
    // Two hours of triage in Shanghai, then the transfer to refunds (Monday 11:00 Shanghai,
    // 04:00 Berlin: closed there until 09:00 Berlin = 08:00 UTC).
    const { steps, state } = drive(flow, input, T0, [
      {
        at: T0 + 2 * HOUR,
        event: { type: 'task.transferred', taskId: 't1', actor: ann, department: 'refunds' },
      },
    ]);
    const refund = state.tasks.t2!;
    expect(refund.sla!.calendar).toBe('berlin');
    expect(refund.sla!.dueAt).toBe(Date.UTC(2026, 0, 5, 12)); // Berlin 09:00 + 4 h = 13:00 = 12:00 UTC
    const ticket = state.ticketSla!;
    expect(ticket.calendar).toBe('berlin');
    expect(ticket.consumedMs).toBe(2 * HOUR); // counted in Shanghai before the move
    expect(ticket.calendarSince).toEqual([
      { from: T0, calendar: 'shanghai' },
      { from: T0 + 2 * HOUR, calendar: 'berlin' },
    ]);
    // 14 h left on Berlin's hours: Monday 09-17 (8 h), Tuesday 09-15 (6 h) = 14:00 UTC Tuesday.
    expect(ticket.dueAt).toBe(Date.UTC(2026, 0, 6, 14));
    const [moved] = ofType(steps[0]!.effects, 'sla.recalculated');
    expect(moved).toMatchObject({
      toDueAt: ticket.dueAt,
      reason: "the ticket moved to refunds, whose hours are calendar 'berlin'",
    });
    expect(moved!.taskId).toBeUndefined();
    // The ledger: 2 h counted in Shanghai, closed in Berlin until 09:00, then counting there.
    const { ledger } = explainSla(flow, ticket, Date.UTC(2026, 0, 5, 10));
    expect(ledger).toEqual([
      { kind: 'counting', from: T0, to: T0 + 2 * HOUR, calendar: 'shanghai' },
      { kind: 'closed', from: T0 + 2 * HOUR, to: Date.UTC(2026, 0, 5, 8), calendar: 'berlin' },
      { kind: 'counting', from: Date.UTC(2026, 0, 5, 8), to: Date.UTC(2026, 0, 5, 10), calendar: 'berlin' },
    ]);
  });

  it('changes nothing without department calendars', () => {
    const plain = drive(handoff(), input, T0, [
      {
        at: T0 + 2 * HOUR,
        event: { type: 'task.transferred', taskId: 't1', actor: ann, department: 'refunds' },
      },
    ]);
    expect(plain.state.tasks.t2!.sla!.calendar).toBe('shanghai');
    expect(plain.state.ticketSla!.calendar).toBe('shanghai');
    expect(plain.state.ticketSla!.calendarSince).toBeUndefined();
    expect(ofType(plain.steps[0]!.effects, 'sla.recalculated')).toEqual([]);
  });
});
