// Multi-day business-hour SLAs on Temporal's time-skipping test server: the seeded office
// calendar (Shanghai, 09:00-12:00 and 13:00-18:00) across New Year's Day and a weekend, and a
// Berlin calendar across the switch to summer time. Each ladder level (reminder, warning,
// overdue, severe, and the whole ticket's) must be reached at the instant worked out by hand; a
// ticket dispatched to a department with its own hours counts on them; an edited calendar
// re-arms an open clock's timers at the new instants.
import { ticketEvents } from '@baton/db';
import type { Flow } from '@baton/engine';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeSkippingServer } from '../../src/testing/index.js';
import { agent, MIN } from '../support/call-centre-scenario.js';
import { oneTaskXml } from '../support/flows.js';
import { type RealRig, deployFlow, realRig } from '../support/real-rig.js';
import { CALL_CENTRE, USERS } from '../support/seeded-help-desk.js';

const FILE = 'workflows/test/real/business-hours.test.ts';
const env: TestWorkflowEnvironment | undefined = await timeSkippingServer(FILE);

/** Skipped-to instants are exact; a level fires when its timer does, give or take a workflow task. */
const CLOSE_MS = 2_000;

describe.skipIf(!env)('business-hour SLA ladders on the time-skipping server', () => {
  let rig: RealRig;

  beforeAll(async () => {
    rig = await realRig(env!.address);
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await env?.teardown();
  });

  const skipTo = async (instant: number) => {
    const now = await env!.currentTimeMs();
    if (instant > now) await env!.sleep(instant - now);
  };

  const levels = async (ticketId: string) =>
    (
      await rig.t.db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'sla.level')))
        .orderBy(asc(ticketEvents.seq))
    ).map((e) => ({ taskId: e.taskId, level: (e.data as { level: string }).level, at: e.at.getTime() }));

  /** The deadline moves on the ticket's timeline. */
  const recalculations = async (ticketId: string) =>
    (
      await rig.t.db
        .select()
        .from(ticketEvents)
        .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'sla.recalculated')))
    ).map((e) => e.data as { fromDueAt: number; toDueAt: number; reason: string });

  const reached = async (ticketId: string, taskId: string | null, level: string) => {
    await expect
      .poll(async () => (await levels(ticketId)).some((l) => l.taskId === taskId && l.level === level))
      .toBe(true);
    return (await levels(ticketId)).find((l) => l.taskId === taskId && l.level === level)!.at;
  };

  /**
   * Starts a high-priority fault call now, and at `dispatchAt` the support agent it went to
   * dispatches it: answers the fault task it opened.
   */
  const faultTicket = async (flow: Flow, ticketId: string, title: string, dispatchAt: number) => {
    await rig.runtime.startTicket({
      flow,
      ticket: {
        ticketId,
        typeId: CALL_CENTRE.typeId,
        flowVersionId: CALL_CENTRE.flowVersionId,
        variables: { title, category: 'fault', priority: 'high' },
      },
    });
    const record = (await rig.runtime.readState(ticketId))!.tasks[0]!;
    await skipTo(dispatchAt);
    const dispatched = await rig.runtime.act(ticketId, {
      type: 'task.completed',
      taskId: record.taskId,
      actor: agent(record.assignee!, 'support'),
      outcome: 'dispatch',
    });
    expect(dispatched.ok).toBe(true);
    return (await rig.runtime.readState(ticketId))!.tasks.find((t) => t.elementId === 'Task_Fault')!;
  };

  it('times the fault stage and the whole ticket across New Year and a weekend on the office calendar', async () => {
    // The admin has added next year's New Year's Day to the seeded office calendar.
    const flow: Flow = structuredClone(rig.callCentre);
    const office = flow.calendars.office!;
    flow.calendars.office = { ...office, holidays: [...(office.holidays ?? []), '2027-01-01'] };
    const ticketId = `bh-office-${process.pid}`;

    await skipTo(Date.parse('2026-12-31T07:55:00Z')); // Thursday 15:55 in Shanghai
    // Dispatched to faults on Thursday 16:00.
    const fault = await faultTicket(
      flow,
      ticketId,
      'Router down over New Year',
      Date.parse('2026-12-31T08:00:00Z'),
    );
    expect(fault.assignee).toBe(USERS.faultsAgent);

    // 8 working hours from Thursday 16:00: Thursday 2 h, Friday is New Year's Day, the weekend is
    // closed, Monday 09:00-12:00 and 13:00-18:00.
    const expected = {
      reminder: Date.parse('2027-01-04T06:00:00Z'), // 6 h: Monday 14:00
      warning: Date.parse('2027-01-04T06:24:00Z'), // 80 % = 6 h 24 min: Monday 14:24
      overdue: Date.parse('2027-01-04T08:00:00Z'), // 8 h: Monday 16:00
      severe: Date.parse('2027-01-05T01:24:00Z'), // 130 % = 10 h 24 min: Tuesday 09:24
      ticketWarning: Date.parse('2027-01-06T02:07:00Z'), // 80 % of 24 h from Thursday 15:55: Wednesday 10:07
      ticketOverdue: Date.parse('2027-01-06T07:55:00Z'), // 24 h: Wednesday 15:55
    };
    // Nothing fires over the holiday and the weekend.
    await skipTo(Date.parse('2027-01-04T00:59:00Z')); // Monday 08:59
    expect(await levels(ticketId)).toEqual([]);

    await skipTo(expected.reminder + MIN);
    const reminderAt = async () =>
      (
        await rig.t.db
          .select()
          .from(ticketEvents)
          .where(and(eq(ticketEvents.ticketId, ticketId), eq(ticketEvents.type, 'notification')))
      )
        .find((e) => (e.data as { template?: string }).template === 'task-reminder')
        ?.at.getTime();
    await expect.poll(reminderAt).toBeDefined();
    expect(Math.abs((await reminderAt())! - expected.reminder)).toBeLessThan(CLOSE_MS);

    await skipTo(expected.warning + MIN);
    expect(Math.abs((await reached(ticketId, fault.taskId, 'warning')) - expected.warning)).toBeLessThan(
      CLOSE_MS,
    );
    await skipTo(expected.overdue + MIN);
    expect(Math.abs((await reached(ticketId, fault.taskId, 'overdue')) - expected.overdue)).toBeLessThan(
      CLOSE_MS,
    );
    await skipTo(expected.severe + MIN);
    expect(Math.abs((await reached(ticketId, fault.taskId, 'severe')) - expected.severe)).toBeLessThan(
      CLOSE_MS,
    );
    await skipTo(expected.ticketWarning + MIN);
    expect(Math.abs((await reached(ticketId, null, 'warning')) - expected.ticketWarning)).toBeLessThan(
      CLOSE_MS,
    );
    await skipTo(expected.ticketOverdue + MIN);
    expect(Math.abs((await reached(ticketId, null, 'overdue')) - expected.ticketOverdue)).toBeLessThan(
      CLOSE_MS,
    );
    // Each level once.
    const all = await levels(ticketId);
    expect(new Set(all.map((l) => `${l.taskId}:${l.level}`)).size).toBe(all.length);
  }, 120_000);

  it('counts the Monday after the switch to summer time in Berlin at UTC+2', async () => {
    const berlin = {
      timeZone: 'Europe/Berlin',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
    } as const;
    const ids = { typeId: 'berlin', flowVersionId: 'fv_berlin_1' };
    const flow = await deployFlow(rig, ids, oneTaskXml({ sla: 'PT4H', calendar: 'berlin' }), {
      berlin: berlin as unknown as Flow['calendars'][string],
    });
    const ticketId = `bh-berlin-${process.pid}`;
    await skipTo(Date.parse('2027-03-26T14:00:00Z')); // Friday 15:00 CET (UTC+1)
    await rig.runtime.startTicket({ flow, ticket: { ticketId, ...ids, variables: { title: 'DST' } } });
    const task = (await rig.runtime.readState(ticketId))!.tasks[0]!;
    // Friday 15:00-17:00 is 2 h; clocks go forward on Sunday 28 March; Monday opens at 09:00 CEST.
    const expected = {
      warning: Date.parse('2027-03-29T08:12:00Z'), // 3 h 12 min: Monday 10:12 CEST
      overdue: Date.parse('2027-03-29T09:00:00Z'), // 4 h: Monday 11:00 CEST
      severe: Date.parse('2027-03-29T10:12:00Z'), // 5 h 12 min: Monday 12:12 CEST
    };
    expect(Math.abs(task.dueAt! - expected.overdue)).toBeLessThan(CLOSE_MS);
    await skipTo(expected.severe + MIN);
    for (const level of ['warning', 'overdue', 'severe'] as const)
      expect(Math.abs((await reached(ticketId, task.taskId, level)) - expected[level])).toBeLessThan(
        CLOSE_MS,
      );
  }, 120_000);

  it('re-arms an open clock when its calendar is edited: the old deadline passes quietly, the new one fires', async () => {
    const office = {
      timeZone: 'UTC',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
    } as unknown as Flow['calendars'][string];
    const ids = { typeId: 'edited', flowVersionId: 'fv_edited_1' };
    const flow = await deployFlow(rig, ids, oneTaskXml({ sla: 'PT4H', calendar: 'edited' }), {
      edited: office,
    });
    const ticketId = `bh-edited-${process.pid}`;
    await skipTo(Date.parse('2027-04-05T09:00:00Z')); // a Monday
    await rig.runtime.startTicket({
      flow,
      ticket: { ticketId, ...ids, variables: { title: 'Edited calendar' } },
    });
    const task = (await rig.runtime.readState(ticketId))!.tasks[0]!;
    expect(Math.abs(task.dueAt! - Date.parse('2027-04-05T13:00:00Z'))).toBeLessThan(CLOSE_MS);

    // At 10:00, 1 h counted, the office now opens 09:00-12:00: the 3 h left are Monday 10-12
    // and Tuesday 09-10 (a deadline at a closing time would move to the next opening by the
    // milliseconds a workflow task takes).
    await skipTo(Date.parse('2027-04-05T10:00:00Z'));
    const shorter = {
      ...office,
      week: Object.fromEntries(Object.keys(office.week).map((d) => [d, [['09:00', '12:00']]])),
    };
    const changed = await rig.runtime.act(ticketId, {
      type: 'calendars.changed',
      calendars: { edited: shorter as Flow['calendars'][string] },
      reason: "calendar 'edited' was edited",
    });
    expect(changed.ok).toBe(true);
    const newDue = Date.parse('2027-04-06T10:00:00Z');
    expect(Math.abs((await rig.runtime.readState(ticketId))!.tasks[0]!.dueAt! - newDue)).toBeLessThan(
      CLOSE_MS,
    );
    await expect.poll(() => recalculations(ticketId)).toHaveLength(1);

    await skipTo(Date.parse('2027-04-05T13:01:00Z')); // the old deadline
    expect((await levels(ticketId)).filter((l) => l.level === 'overdue')).toEqual([]);
    await skipTo(newDue + MIN);
    expect(Math.abs((await reached(ticketId, task.taskId, 'overdue')) - newDue)).toBeLessThan(CLOSE_MS);
  }, 120_000);

  it("counts a ticket dispatched to a department with its own hours on them: the fault stage and the rest of the ticket's clock", async () => {
    // Faults is a Berlin team (Mon-Fri 09:00-17:00, 07:00-15:00 UTC in April); the rest of the
    // call centre keeps the Shanghai office's hours.
    const flow: Flow = structuredClone(rig.callCentre);
    flow.calendars.berlin = {
      timeZone: 'Europe/Berlin',
      week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
    } as unknown as Flow['calendars'][string];
    flow.departmentCalendars = { faults: 'berlin' };
    const ticketId = `bh-departments-${process.pid}`;
    await skipTo(Date.parse('2027-04-12T01:00:00Z')); // Monday 09:00 in Shanghai
    // Dispatched at 10:00 in Shanghai, 04:00 in Berlin.
    const fault = await faultTicket(
      flow,
      ticketId,
      'Fault for the Berlin team',
      Date.parse('2027-04-12T02:00:00Z'),
    );
    // 8 working hours from Berlin's opening at 07:00 UTC.
    const faultDue = Date.parse('2027-04-12T15:00:00Z');
    expect(Math.abs(fault.dueAt! - faultDue)).toBeLessThan(CLOSE_MS);
    // The ticket: 1 h counted in Shanghai, 23 h left on Berlin's 8 h days: Monday, Tuesday and
    // Wednesday 07:00-14:00 UTC.
    const ticketDue = Date.parse('2027-04-14T14:00:00Z');

    await skipTo(Date.parse('2027-04-12T14:59:00Z'));
    expect(
      (await levels(ticketId)).filter((l) => l.taskId === fault.taskId && l.level === 'overdue'),
    ).toEqual([]);
    await skipTo(faultDue + MIN);
    expect(Math.abs((await reached(ticketId, fault.taskId, 'overdue')) - faultDue)).toBeLessThan(CLOSE_MS);
    await skipTo(ticketDue + MIN);
    expect(Math.abs((await reached(ticketId, null, 'overdue')) - ticketDue)).toBeLessThan(CLOSE_MS);
    const moves = await recalculations(ticketId);
    expect(moves).toEqual([
      expect.objectContaining({ reason: "the ticket moved to faults, whose hours are calendar 'berlin'" }),
    ]);
    expect(Math.abs(moves[0]!.toDueAt - ticketDue)).toBeLessThan(CLOSE_MS);
  }, 120_000);
});
