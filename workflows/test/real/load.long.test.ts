// 1,000 tickets on one worker whose deadlines fall in the same second: every ticket waits on a
// timer for the same instant T, then opens a task with a 10 s SLA, so 1,000 warnings fall due at
// T+8 s, 1,000 overdue levels at T+10 s and 1,000 severe levels at T+13 s. Every level must be recorded, with no workflow task
// failure in any history, within a bound; the lag is printed.
import { ticketEvents } from '@baton/db';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIdOf } from '../../src/runtime/temporal.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { type RealRig, deployFlow, realRig } from '../support/real-rig.js';

const skip = skipWithoutTemporal('workflows/test/real/load.long.test.ts');
const TICKETS = Number(process.env.BATON_LOAD_TICKETS ?? 1_000);
/** All levels recorded within this long after the last deadline (measured: see the printed lag). */
const BOUND_MS = 90_000;

const flowXml = (at: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="load" isExecutable="true">
    <bpmn:laneSet id="LS"><bpmn:lane id="L" baton:department="support">
      <bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>wait</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>handle</bpmn:flowNodeRef><bpmn:flowNodeRef>end</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait" name="Same instant for everyone">
      <bpmn:timerEventDefinition><bpmn:timeDate>${at}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:userTask id="handle" name="Handle" baton:sla="PT10S" baton:assign="none" baton:outcomes="done" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="handle" />
    <bpmn:sequenceFlow id="f3" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

describe.skipIf(skip)(`${TICKETS} tickets with deadlines in the same second`, () => {
  let rig: RealRig;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    rig = await realRig(server.address, {}, { mail: process.env.BATON_LOAD_MAIL !== 'off' });
  }, 120_000);
  afterAll(() => rig?.close());

  it('records every level with no workflow task failure within the bound', async () => {
    // T leaves time to start every ticket first (measured 36-45 per second on 2 cores).
    const startBudgetMs = Math.max(20_000, TICKETS * 45);
    const T = Math.ceil((Date.now() + startBudgetMs) / 1_000) * 1_000;
    const ids = { typeId: 'load', flowVersionId: 'fv_load_1' };
    const flow = await deployFlow(rig, ids, flowXml(new Date(T).toISOString()));
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
    expect(Date.now()).toBeLessThan(T); // every ticket waits for the same instant

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
        `${3 * TICKETS} levels due at T+8 s, T+10 s and T+13 s; level lag after its deadline p50 ${percentile(lags, 0.5)} ms, ` +
        `p99 ${percentile(lags, 0.99)} ms, max ${lags.at(-1)} ms; all recorded ${allRecordedMs} ms after the last deadline; ` +
        `workflow task failures: ${failures.length}`,
    );
    expect(failures).toEqual([]);
    expect(allRecordedMs).toBeLessThan(BOUND_MS);
  }, 600_000);
});
