// 1,000 tickets on one worker whose SLA thresholds fall in the same second: every ticket opens its
// task at once, on a calendar whose hours begin at the same minute M for all of them, so 1,000
// warnings fall due at M+8 s, 1,000 overdue levels at M+10 s and 1,000 severe levels at M+13 s.
// Each level must be recorded and notified soon after its threshold (the escalation watch,
// workflows/src/escalations; the target is 1 s), and recorded by its workflow too, with no workflow task failure in
// any history, within a bound; both lags are printed.
import { slaEscalations, ticketEvents } from '@baton/db';
import type { CalendarSpec } from '@baton/engine';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIdOf } from '../../src/runtime/temporal.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { type RealRig, deployFlow, realRig } from '../support/real-rig.js';

const skip = skipWithoutTemporal('workflows/test/real/load.long.test.ts');
const TICKETS = Number(process.env.BATON_LOAD_TICKETS ?? 1_000);
/** All levels recorded by their workflows within this long after the last threshold (measured: see the printed lag). */
const BOUND_MS = 90_000;
/**
 * Each level recorded and notified within this long after its threshold: a guard against
 * regressions (it was 66 s before the escalation watch), not the target. Issue 14's target is
 * 1 s; the printed p50/p99/max say how close a run came (on 2 cores the third batch, which falls
 * while the workflows work through their backlog, has taken up to 1.4 s).
 */
const ESCALATION_BOUND_MS = 3_000;

const flowXml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="load" isExecutable="true">
    <bpmn:laneSet id="LS"><bpmn:lane id="L" baton:department="support">
      <bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>handle</bpmn:flowNodeRef><bpmn:flowNodeRef>end</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="handle" name="Handle" baton:sla="PT10S" baton:calendar="load" baton:assign="none" baton:outcomes="done" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const hourMinute = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );

/**
 * Hours from minute `opensAt` (the first whole minute after `notBefore`) to 23:59 every day, in a
 * zone where that minute is not near midnight: every clock started before it starts counting then.
 */
function calendarOpeningAfter(notBefore: number): { opensAt: number; calendar: CalendarSpec } {
  const opensAt = Math.ceil(notBefore / 60_000) * 60_000;
  const timeZone = ['UTC', 'Asia/Shanghai', 'America/New_York'].find(
    (zone) => hourMinute(opensAt, zone) <= '23:50',
  )!;
  const hours: [string, string][] = [[hourMinute(opensAt, timeZone), '23:59']];
  return { opensAt, calendar: { timeZone, week: Object.fromEntries(DAYS.map((day) => [day, hours])) } };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

describe.skipIf(skip)(`${TICKETS} tickets with SLA thresholds in the same second`, () => {
  let rig: RealRig;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    rig = await realRig(server.address, {}, { mail: process.env.BATON_LOAD_MAIL !== 'off' });
  }, 120_000);
  afterAll(() => rig?.close());

  it('records and notifies every level right after its threshold, and every workflow records it with no task failure', async () => {
    // M leaves time to start every ticket first (measured 28-45 per second on 2 cores).
    const startBudgetMs = Math.max(20_000, TICKETS * 45);
    const { opensAt: T, calendar } = calendarOpeningAfter(Date.now() + startBudgetMs);
    const ids = { typeId: 'load', flowVersionId: 'fv_load_1' };
    const flow = await deployFlow(rig, ids, flowXml, { load: calendar });
    const started = Date.now();
    const ticketIds = Array.from({ length: TICKETS }, (_, n) => `load-${process.pid}-${n}`);
    for (let i = 0; i < ticketIds.length; i += 50) {
      await Promise.all(
        ticketIds
          .slice(i, i + 50)
          .map((ticketId) =>
            rig.runtime.startTicket({ flow, ticket: { ticketId, ...ids, variables: { title: ticketId } } }),
          ),
      );
    }
    const startMs = Date.now() - started;
    expect(Date.now()).toBeLessThan(T); // every clock starts at the same instant

    const levelCount = async () =>
      (
        await rig.t.db
          .select({ n: sql<number>`count(*)::int` })
          .from(ticketEvents)
          .where(eq(ticketEvents.type, 'sla.level'))
      )[0]!.n;
    const dueAfterT = { warning: 8_000, overdue: 10_000, severe: 13_000 } as Record<string, number>;
    const lastDeadline = T + 13_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, lastDeadline - Date.now())));
    await expect.poll(levelCount, { timeout: BOUND_MS, interval: 500 }).toBe(3 * TICKETS);
    const allRecordedMs = Date.now() - lastDeadline;

    const rows = await rig.t.db.execute<{ level: string; at: Date }>(
      sql`select data->>'level' as level, at from ticket_events where type = 'sla.level'`,
    );
    const lags = rows.rows
      .map((r) => new Date(r.at).getTime() - (T + dueAfterT[r.level]!))
      .sort((a, b) => a - b);

    // Each level recorded once, by the watch or by its workflow, at most this long after its threshold.
    const escalations = await rig.t.db
      .select({
        level: slaEscalations.level,
        dueAt: slaEscalations.dueAt,
        recordedAt: slaEscalations.recordedAt,
        recordedBy: slaEscalations.recordedBy,
      })
      .from(slaEscalations);
    const recorded = escalations.filter((e) => e.recordedAt !== null);
    for (const e of recorded) expect(e.dueAt.getTime()).toBe(T + dueAfterT[e.level]!);
    const escalationLags = recorded
      .map((e) => e.recordedAt!.getTime() - e.dueAt.getTime())
      .sort((a, b) => a - b);
    const byWatch = recorded.filter((e) => e.recordedBy === 'watch').length;
    // One set of notices per level: the workflows' own steps sent none again.
    const notices = await rig.t.db.execute<{ sets: number; tickets: number }>(sql`
      select count(distinct (ticket_id, template))::int as sets, count(distinct ticket_id)::int as tickets
      from notifications where template like 'sla.%' and channel = 'in_app'`);
    const duplicates = await rig.t.db.execute<{ n: number }>(sql`
      select count(*)::int as n from (
        select ticket_id, template, user_id from notifications
        where template like 'sla.%' and channel = 'in_app'
        group by 1, 2, 3 having count(*) > 1) d`);

    // No workflow task failed or timed out in any ticket's history.
    const failures: string[] = [];
    for (let i = 0; i < ticketIds.length; i += 25) {
      await Promise.all(
        ticketIds.slice(i, i + 25).map(async (ticketId) => {
          const history = await rig.runtime['client'].workflow
            .getHandle(workflowIdOf(ticketId))
            .fetchHistory();
          for (const event of history.events ?? [])
            if (event.workflowTaskFailedEventAttributes || event.workflowTaskTimedOutEventAttributes)
              failures.push(
                `${ticketId}#${String(event.eventId)} ${
                  event.workflowTaskFailedEventAttributes
                    ? `failed: ${event.workflowTaskFailedEventAttributes.cause} ${event.workflowTaskFailedEventAttributes.failure?.message ?? ''}`
                    : `timed out: ${event.workflowTaskTimedOutEventAttributes?.timeoutType}`
                }`,
              );
        }),
      );
    }
    console.log(
      `[load] ${TICKETS} tickets started in ${(startMs / 1000).toFixed(1)} s (${((TICKETS * 1000) / startMs).toFixed(0)}/s); ` +
        `${3 * TICKETS} levels due at M+8 s, M+10 s and M+13 s; ` +
        `recorded and notified after the threshold p50 ${percentile(escalationLags, 0.5)} ms, p99 ${percentile(escalationLags, 0.99)} ms, ` +
        `max ${escalationLags.at(-1)} ms (${byWatch} by the escalation watch, ${recorded.length - byWatch} by their workflows); ` +
        `the workflows' own level steps p50 ${percentile(lags, 0.5)} ms, p99 ${percentile(lags, 0.99)} ms, max ${lags.at(-1)} ms, ` +
        `all ${allRecordedMs} ms after the last threshold; workflow task failures: ${failures.length}`,
    );
    expect(recorded).toHaveLength(3 * TICKETS);
    expect(escalationLags.at(-1)).toBeLessThan(ESCALATION_BOUND_MS);
    expect(notices.rows[0]).toEqual({ sets: 3 * TICKETS, tickets: TICKETS });
    expect(duplicates.rows[0]!.n).toBe(0);
    expect(failures).toEqual([]);
    expect(allRecordedMs).toBeLessThan(BOUND_MS);
  }, 600_000);
});
