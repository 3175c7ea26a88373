// A running ticket keeps the SLA targets of the version it started on until a process owner (or
// an admin) applies a newer version's: then its open clocks take them inside the run, keeping the
// business time counted and the levels already reached, each move on its timeline. Tasks opened
// later start on the new targets. Other roles are refused and change nothing.
import type { InMemoryRuntime } from '@baton/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deploySupportRefunds, openTicket } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const START = Date.parse('2026-03-16T09:00:00Z'); // a Monday
const TYPE = 'refund-request';
const APPLY_V2 = `/api/ticket-types/${TYPE}/flow/versions/2/apply-sla`;

type Reach = { total: number; reached: number; failed: { ticketId: string; error: string }[] };
type Detail = {
  openTasks: {
    id: string;
    name: string;
    dueAt: string | null;
    slaLevel: string;
    sla?: { recalculations: Record<string, unknown>[] } | null;
  }[];
  timeline: { type: string; taskId: string | null; actorId: string | null; data: Record<string, unknown> }[];
};

let h: Harness;
const settled = () => (h.deps.runtime as InMemoryRuntime).settled();
const json = async <T>(res: Response): Promise<T> => (await res.json()) as T;
const advanceTo = async (iso: string) => {
  await h.clock!.advance(Date.parse(iso) - h.clock!.now());
  await settled();
};
const detailOf = async (ticketId: string) =>
  json<Detail>(await h.call('admin', 'GET', `/api/tickets/${ticketId}`));
const versions = async () =>
  (
    await json<{ items: { version: number; runningTickets: number }[] }>(
      await h.call('owner', 'GET', `/api/ticket-types/${TYPE}/flow/versions`),
    )
  ).items.map((v) => [v.version, v.runningTickets]);

/** v1 from the fixture (triage 1 h, refund 4 h) on the office's hours. */
const onOffice = (xml: string) =>
  xml.replace(
    '<bpmn:process id="Process_SupportRefunds"',
    '<bpmn:process baton:calendar="office" id="Process_SupportRefunds"',
  );

let early: string; // past its warning when v2 is applied
let late: string; // not yet
let v1xml: string;

beforeAll(async () => {
  h = await createHarness({ runtime: 'in-memory', start: START });
  const office = {
    key: 'office',
    name: 'Office',
    spec: {
      timeZone: 'UTC',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
    },
  };
  expect((await h.call('admin', 'POST', '/api/calendars', office)).status).toBe(201);
  v1xml = await deploySupportRefunds(h, TYPE, onOffice);
  early = (await openTicket(h, 'agent', TYPE)).ticketId;
  await advanceTo('2026-03-16T09:30:00Z');
  late = (await openTicket(h, 'agent', TYPE)).ticketId;
  // 09:50: the early triage passed its warning at 09:48 (80 % of an hour); the late one has
  // counted 20 minutes.
  await advanceTo('2026-03-16T09:50:00Z');
  // v2: triage 4 h, refund 2 h.
  const v2 = v1xml
    .replace('baton:sla="PT1H"', 'baton:sla="PT4H"')
    .replace(
      'baton:sla="PT4H" baton:assign="none" baton:outcomes="refunded"',
      'baton:sla="PT2H" baton:assign="none" baton:outcomes="refunded"',
    );
  expect(v2).not.toBe(v1xml);
  expect((await h.call('owner', 'PUT', `/api/ticket-types/${TYPE}/flow`, { xml: v2 })).status).toBe(200);
  expect((await h.call('owner', 'POST', `/api/ticket-types/${TYPE}/flow/deploy`, {})).status).toBe(201);
});
afterAll(() => h?.close());

describe('applying a version’s SLA targets to running tickets', () => {
  it('refuses other roles and unknown versions, changing nothing', async () => {
    expect((await detailOf(early)).openTasks[0]!.slaLevel).toBe('warning');
    for (const person of ['agent', 'manager', 'developer'] as const) {
      const refused = await h.call(person, 'POST', APPLY_V2);
      expect(refused.status).toBe(403);
      expect((await problemOf(refused)).type).toMatch(/forbidden/);
    }
    expect(
      (await h.call('owner', 'POST', `/api/ticket-types/${TYPE}/flow/versions/9/apply-sla`)).status,
    ).toBe(404);
    expect((await h.call('owner', 'POST', '/api/ticket-types/nope/flow/versions/2/apply-sla')).status).toBe(
      404,
    );
    await settled();
    for (const ticketId of [early, late]) {
      const detail = await detailOf(ticketId);
      expect(
        detail.timeline.some((e) => e.type === 'sla.targetsChanged' || e.type === 'sla.recalculated'),
      ).toBe(false);
    }
    expect((await detailOf(late)).openTasks[0]!.dueAt).toBe('2026-03-16T10:30:00.000Z');
    // The versions say how many running tickets keep each.
    expect(await versions()).toEqual([
      [2, 0],
      [1, 2],
    ]);
  });

  it("moves the open clocks to v2's targets, keeping reached levels; later tasks start on them", async () => {
    const applied = await h.call('owner', 'POST', APPLY_V2);
    expect(applied.status).toBe(200);
    expect(await json<{ version: number; runningTickets: Reach }>(applied)).toEqual({
      version: 2,
      runningTickets: { total: 2, reached: 2, failed: [] },
    });
    await settled();

    const reason = 'the SLA targets of version 2 were applied';
    // The late triage: 20 minutes counted, 3 h 40 left: due 3 business hours later than before.
    const lateDetail = await detailOf(late);
    const [triage] = lateDetail.openTasks;
    expect(triage!.dueAt).toBe('2026-03-16T13:30:00.000Z');
    expect(Date.parse(triage!.dueAt!) - Date.parse('2026-03-16T10:30:00Z')).toBe(3 * HOUR);
    expect(triage!.slaLevel).toBe('ok');
    const moves = lateDetail.timeline.filter((e) => e.type === 'sla.recalculated');
    expect(moves.map((e) => e.data)).toEqual([
      { fromDueAt: Date.parse('2026-03-16T10:30:00Z'), toDueAt: Date.parse('2026-03-16T13:30:00Z'), reason },
    ]);
    // The deadline's explanation names the target before and after the move.
    expect(triage!.sla?.recalculations).toEqual([
      expect.objectContaining({
        fromDueAt: Date.parse('2026-03-16T10:30:00Z'),
        toDueAt: Date.parse('2026-03-16T13:30:00Z'),
        targetMs: { from: HOUR, to: 4 * HOUR },
      }),
    ]);
    expect(triage!.sla?.recalculations[0]).not.toHaveProperty('calendar');
    const change = lateDetail.timeline.find((e) => e.type === 'sla.targetsChanged');
    // The entry names each task with its new and former target (the order is the stored JSON's).
    expect(change?.data.reason).toBe(reason);
    expect(change?.data.tasks).toHaveLength(2);
    expect(change?.data.tasks).toEqual(
      expect.arrayContaining([
        { elementId: 'Task_Triage', name: 'Triage', targetMs: 4 * HOUR, wasMs: HOUR },
        { elementId: 'Task_Refund', name: 'Refund', targetMs: 2 * HOUR, wasMs: 4 * HOUR },
      ]),
    );
    expect(change?.actorId).not.toBeNull();

    // The early triage keeps the warning it reached; its due instant moves to 13:00.
    const earlyTriage = (await detailOf(early)).openTasks[0]!;
    expect(earlyTriage.slaLevel).toBe('warning');
    expect(earlyTriage.dueAt).toBe('2026-03-16T13:00:00.000Z');

    // Its refund, opened afterwards, has v2's 2 h.
    await advanceTo('2026-03-16T10:00:00Z');
    const completed = await h.call('agent', 'POST', `/api/tasks/${earlyTriage.id}/complete`, {
      outcome: 'refund',
    });
    expect(completed.status).toBe(200);
    await settled();
    const refund = (await detailOf(early)).openTasks[0]!;
    expect(refund.name).toBe('Refund');
    expect(refund.dueAt).toBe('2026-03-16T12:00:00.000Z');

    // Applying again moves nothing twice.
    const again = await h.call('owner', 'POST', APPLY_V2);
    expect((await json<{ runningTickets: Reach }>(again)).runningTickets.reached).toBe(2);
    await settled();
    expect((await detailOf(late)).timeline.filter((e) => e.type === 'sla.recalculated')).toHaveLength(1);
  });
});
