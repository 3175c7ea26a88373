// A calendar edit reaches the tickets already running on it: saving the calendar re-targets each
// open clock inside its run (the time counted stays, what is left counts on the new hours), the
// timeline says from when to when and why, the explanation keeps the original deadline, and a
// ticket opened afterwards counts on the new hours from its first step.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';

const MIN = 60_000;
const START = Date.parse('2026-03-16T09:00:00Z'); // a Monday
const weekdays = (hours: [string, string][]) =>
  Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [day, hours]));
const office = (hours: [string, string][]) => ({
  key: 'office',
  name: 'Office',
  spec: { timeZone: 'UTC', week: weekdays(hours) },
});

type Detail = {
  openTasks: { id: string; dueAt: string | null; sla?: { recalculations: unknown[] } | null }[];
  timeline: { type: string; taskId: string | null; data: Record<string, unknown> }[];
};

let h: Harness;
let ticketId: string;
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const detail = async (id: string): Promise<Detail> => {
  const res = await h.call('admin', 'GET', `/api/tickets/${id}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Detail;
};
const save = async (body: unknown) => {
  const res = await h.call('admin', 'POST', '/api/calendars', body);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  expect((await save(office([['09:00', '17:00']]))).status).toBe(201);
  // Triage has a one-hour target; the process counts it on the office calendar.
  await deploySupportRefunds(h, 'refund-request', (xml) =>
    xml.replace(
      '<bpmn:process id="Process_SupportRefunds"',
      '<bpmn:process baton:calendar="office" id="Process_SupportRefunds"',
    ),
  );
  ticketId = (await openTicket(h, 'agent')).ticketId;
  await h.clock!.advance(30 * MIN);
  await settled();
});
afterAll(() => h?.close());

describe('a calendar edit', () => {
  it('re-targets the open clock of a running ticket and says so on its timeline', async () => {
    const before = await detail(ticketId);
    expect(before.openTasks[0]!.dueAt).toBe('2026-03-16T10:00:00.000Z');

    // 09:30, half the hour used; the office now opens 09:00-09:45 only.
    const saved = await save(office([['09:00', '09:45']]));
    expect(saved.status).toBe(201);
    expect(saved.body.runningTickets).toEqual({ total: 1, reached: 1, failed: [] });
    await settled();

    const after = await detail(ticketId);
    // 15 min left today (09:30-09:45), the other 15 tomorrow from 09:00.
    expect(after.openTasks[0]!.dueAt).toBe('2026-03-17T09:15:00.000Z');
    const moved = after.timeline.filter((e) => e.type === 'sla.recalculated' && e.taskId !== null);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.data).toEqual({
      fromDueAt: Date.parse('2026-03-16T10:00:00Z'),
      toDueAt: Date.parse('2026-03-17T09:15:00Z'),
      reason: "calendar 'office' was edited",
    });
    expect(after.timeline.map((e) => e.type)).toContain('calendars.changed');
    expect(after.openTasks[0]!.sla!.recalculations).toEqual([
      {
        at: START + 30 * MIN,
        fromDueAt: Date.parse('2026-03-16T10:00:00Z'),
        toDueAt: Date.parse('2026-03-17T09:15:00Z'),
        reason: "calendar 'office' was edited",
      },
    ]);
  });

  it('saved again unchanged, moves nothing twice', async () => {
    const saved = await save(office([['09:00', '09:45']]));
    expect(saved.body.runningTickets).toEqual({ total: 1, reached: 1, failed: [] });
    await settled();
    const after = await detail(ticketId);
    expect(after.timeline.filter((e) => e.type === 'sla.recalculated' && e.taskId !== null)).toHaveLength(1);
    expect(after.openTasks[0]!.dueAt).toBe('2026-03-17T09:15:00.000Z');
  });

  it('is what a ticket opened afterwards counts on from the start', async () => {
    const later = await openTicket(h, 'agent');
    await settled();
    // Opened 09:30: 15 min today, 45 tomorrow (09:00-09:45).
    expect((await detail(later.ticketId)).openTasks[0]!.dueAt).toBe('2026-03-17T09:45:00.000Z');
  });

  it('refused as invalid reaches no ticket', async () => {
    const refused = await save({
      ...office([['09:00', '09:45']]),
      spec: { timeZone: 'Mars/Base', week: {} },
    });
    expect(refused.status).toBe(422);
    await settled();
    const after = await detail(ticketId);
    expect(after.timeline.filter((e) => e.type === 'calendars.changed')).toHaveLength(2);
  });
});
