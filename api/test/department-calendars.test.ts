// The calendar follows the owner: an admin gives a department its own hours; a ticket started
// afterwards times that department's tasks on them, and its whole-ticket clock switches to them
// when the ticket is transferred there (the move on the timeline). A calendar that does not exist
// is refused, naming the field, and changes nothing.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';

const MIN = 60_000;
const START = Date.parse('2026-03-16T09:00:00Z'); // a Monday
const weekdays = (hours: [string, string][]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, hours]));

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
});
