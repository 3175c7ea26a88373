// The calendar follows the owner: an admin gives a department its own hours; a ticket started
// afterwards times that department's tasks on them, and its whole-ticket clock switches to them
// when the ticket is transferred there (the move on the timeline). A ticket already running when
// the department's hours change switches its open clocks there at once, and back to the flow's
// calendar when they are cleared. A calendar that does not exist is refused, naming the field,
// and changes nothing.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';

const MIN = 60_000;
const START = Date.parse('2026-03-16T09:00:00Z'); // a Monday
const weekdays = (hours: [string, string][]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, hours]));

type Reach = { total: number; reached: number; failed: { ticketId: string; error: string }[] };
type Detail = {
  sla: {
    dueAt: string | null;
    explanation: { calendar?: string; ledger: { kind: string; calendar?: string }[] } | null;
  };
  openTasks: { id: string; dueAt: string | null; sla?: { calendar?: string } | null }[];
  timeline: { type: string; taskId: string | null; data: Record<string, unknown> }[];
};

let h: Harness;
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
/** Moves the virtual clock on to `iso` (the tests of this file run in order, on one clock). */
const advanceTo = async (iso: string) => {
  await h.clock!.advance(Date.parse(iso) - h.clock!.now());
  await settled();
};
const detailOf = async (ticketId: string) =>
  json<Detail>(await h.call('admin', 'GET', `/api/tickets/${ticketId}`));

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  for (const calendar of [
    { key: 'office', name: 'Office', spec: { timeZone: 'UTC', week: weekdays([['09:00', '17:00']]) } },
    // Berlin's refunds team answers mornings only: 08:00-11:00 UTC in March.
    {
      key: 'berlin',
      name: 'Berlin mornings',
      spec: { timeZone: 'Europe/Berlin', week: weekdays([['09:00', '12:00']]) },
    },
    {
      key: 'afternoons',
      name: 'Afternoons',
      spec: { timeZone: 'UTC', week: weekdays([['13:00', '17:00']]) },
    },
  ])
    expect((await h.call('admin', 'POST', '/api/calendars', calendar)).status).toBe(201);
  await deploySupportRefunds(h, 'refund-request', (xml) =>
    xml.replace(
      '<bpmn:process id="Process_SupportRefunds"',
      '<bpmn:process baton:calendar="office" baton:ticketSla="PT8H" id="Process_SupportRefunds"',
    ),
  );
});
afterAll(() => h?.close());

describe('department calendars', () => {
  it('refuses a calendar that does not exist, naming the field, and changes nothing', async () => {
    const refused = await h.call('admin', 'PATCH', '/api/departments/refunds', { calendarKey: 'mars' });
    const problem = await problemOf(refused);
    expect(problem.status).toBe(422);
    expect(problem.errors).toEqual([{ path: 'body.calendarKey', message: "no calendar 'mars'" }]);
    const list = await json<{ items: { key: string; calendarKey: string | null }[] }>(
      await h.call('admin', 'GET', '/api/departments'),
    );
    expect(list.items.find((d) => d.key === 'refunds')?.calendarKey).toBeNull();
  });

  it("times a transferred ticket on the receiving department's hours, its task and its whole-ticket clock", async () => {
    const set = await h.call('admin', 'PATCH', '/api/departments/refunds', { calendarKey: 'berlin' });
    expect(set.status).toBe(200);
    expect((await json<{ calendarKey: string }>(set)).calendarKey).toBe('berlin');

    const { ticketId, taskId } = await openTicket(h, 'agent');
    await h.clock!.advance(30 * MIN);
    await settled();
    const moved = await h.call('agent', 'POST', `/api/tasks/${taskId}/transfer`, { department: 'refunds' });
    expect(moved.status).toBe(200);
    await h.clock!.advance(15 * MIN);
    await settled();

    const detail = await json<Detail>(await h.call('admin', 'GET', `/api/tickets/${ticketId}`));
    const [refund] = detail.openTasks;
    expect(refund!.sla?.calendar).toBe('berlin');
    // 4 h of Berlin mornings from Monday 09:30 UTC: 1.5 h on Monday, 2.5 h from Tuesday 08:00.
    expect(refund!.dueAt).toBe('2026-03-17T10:30:00.000Z');
    // The ticket: 30 min counted on the office's hours, the 7.5 h left on Berlin's mornings.
    expect(detail.sla.dueAt).toBe('2026-03-18T11:00:00.000Z');
    expect(detail.sla.explanation?.calendar).toBe('berlin');
    // Its ledger at 09:45: 09:00-09:30 counted on the office's hours, since then on Berlin's.
    expect(detail.sla.explanation?.ledger.map((s) => [s.kind, s.calendar])).toEqual([
      ['counting', 'office'],
      ['counting', 'berlin'],
    ]);
    const ticketMoves = detail.timeline.filter((e) => e.type === 'sla.recalculated' && e.taskId === null);
    expect(ticketMoves.map((e) => e.data)).toEqual([
      {
        fromDueAt: Date.parse('2026-03-16T17:00:00Z'),
        toDueAt: Date.parse('2026-03-18T11:00:00Z'),
        reason: "the ticket moved to refunds, whose hours are calendar 'berlin'",
      },
    ]);
  });

  it("moves a running ticket's open clocks when its department's hours are assigned, and back when cleared", async () => {
    // Support keeps no hours of its own: the triage (one hour) and the ticket (eight) count on
    // the office's, from Monday 10:00.
    await advanceTo('2026-03-16T10:00:00Z');
    const { ticketId } = await openTicket(h, 'agent');
    await settled();
    expect((await detailOf(ticketId)).openTasks[0]!.dueAt).toBe('2026-03-16T11:00:00.000Z');

    // 10:15, a quarter of an hour counted: support now answers afternoons only.
    await advanceTo('2026-03-16T10:15:00Z');
    const assigned = await h.call('admin', 'PATCH', '/api/departments/support', {
      calendarKey: 'afternoons',
    });
    expect(assigned.status).toBe(200);
    const body = await json<{ calendarKey: string; runningTickets: Reach }>(assigned);
    expect(body.calendarKey).toBe('afternoons');
    // This ticket and the one transferred to refunds above: both run on a flow with support.
    expect(body.runningTickets).toEqual({ total: 2, reached: 2, failed: [] });
    await settled();

    const reason = "department 'support' now keeps calendar 'afternoons'";
    const after = await detailOf(ticketId);
    const [triage] = after.openTasks;
    expect(triage!.sla?.calendar).toBe('afternoons');
    // The 45 minutes left from 13:00; the ticket's 7 h 45 min: 4 h on Monday, 3 h 45 on Tuesday.
    expect(triage!.dueAt).toBe('2026-03-16T13:45:00.000Z');
    expect(after.sla.dueAt).toBe('2026-03-17T16:45:00.000Z');
    const moves = after.timeline.filter((e) => e.type === 'sla.recalculated');
    expect(moves.map((e) => [e.taskId === null ? 'ticket' : 'task', e.data])).toEqual([
      [
        'task',
        {
          fromDueAt: Date.parse('2026-03-16T11:00:00Z'),
          toDueAt: Date.parse('2026-03-16T13:45:00Z'),
          reason,
        },
      ],
      [
        'ticket',
        {
          fromDueAt: Date.parse('2026-03-17T10:00:00Z'),
          toDueAt: Date.parse('2026-03-17T16:45:00Z'),
          reason,
        },
      ],
    ]);
    const change = after.timeline.find((e) => e.type === 'calendars.changed');
    expect(change?.data).toEqual({
      calendars: ['afternoons'],
      departmentCalendars: { support: 'afternoons' },
      reason,
    });

    // A refused change reaches no ticket.
    const refused = await h.call('admin', 'PATCH', '/api/departments/support', { calendarKey: 'mars' });
    expect(refused.status).toBe(422);
    await settled();
    const unchanged = await detailOf(ticketId);
    expect(unchanged.timeline.filter((e) => e.type === 'calendars.changed')).toHaveLength(1);
    expect(unchanged.openTasks[0]!.dueAt).toBe('2026-03-16T13:45:00.000Z');

    // 10:30, cleared: back on the office's hours, still 15 minutes counted (afternoons were
    // closed since): 45 minutes left from now, and the ticket's 7 h 45 min end Tuesday 10:15.
    await advanceTo('2026-03-16T10:30:00Z');
    const cleared = await h.call('admin', 'PATCH', '/api/departments/support', { calendarKey: null });
    expect(cleared.status).toBe(200);
    expect((await json<{ runningTickets: Reach }>(cleared)).runningTickets).toEqual({
      total: 2,
      reached: 2,
      failed: [],
    });
    await settled();
    const back = await detailOf(ticketId);
    expect(back.openTasks[0]!.sla?.calendar).toBe('office');
    expect(back.openTasks[0]!.dueAt).toBe('2026-03-16T11:15:00.000Z');
    expect(back.sla.dueAt).toBe('2026-03-17T10:15:00.000Z');
    const clearedMoves = back.timeline.filter((e) => e.type === 'sla.recalculated').slice(2);
    expect(clearedMoves.map((e) => e.data.reason)).toEqual([
      "department 'support' no longer keeps its own calendar",
      "department 'support' no longer keeps its own calendar",
    ]);

    // Sent again, it moves nothing twice.
    expect((await h.call('admin', 'PATCH', '/api/departments/support', { calendarKey: null })).status).toBe(
      200,
    );
    await settled();
    const again = await detailOf(ticketId);
    expect(again.timeline.filter((e) => e.type === 'sla.recalculated')).toHaveLength(4);
    expect(again.openTasks[0]!.dueAt).toBe('2026-03-16T11:15:00.000Z');
  });
});
