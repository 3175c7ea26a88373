// The escalation watch against a real database: it records a level falling due ahead of the
// workflow and sends its notices and webhook once; the workflow's own step then sends nothing
// again; a level the workflow recorded first, or that a later step disarmed, the watch leaves alone.
import {
  notifications,
  slaEscalations,
  ticketEvents,
  webhookDeliveries,
  webhookSubscriptions,
} from '@baton/db';
import type { TestDatabase } from '@baton/db/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityRig, FIXTURE, activityRig } from '../../test/support/fixtures.js';
import type { ActivityContext } from '../activities/context.js';
import { recordClosedOutside } from '../activities/closed-outside.js';
import { recordStep } from '../activities/record-step.js';
import type { EscalationRecord, RecordStepInput } from '../workflows/records.js';
import { createEscalationWatch } from './watch.js';

let rig: ActivityRig;
let t: TestDatabase;
let ctx: ActivityContext;

beforeAll(async () => {
  rig = await activityRig();
  ({ t, ctx } = rig);
  await t.db.insert(webhookSubscriptions).values({
    id: 'wh-sla',
    url: 'http://127.0.0.1:9/hook',
    events: ['ticket.sla_level'],
    secret: 'not-a-real-secret',
  });
});
afterAll(() => rig?.close());

const stage = (at: number) => ({
  taskId: 'task-1',
  elementId: 'Handle',
  name: 'Handle',
  department: 'support',
  openedAt: at,
  slaTargetMs: 10_000,
  dueAt: at + 10_000,
  slaLevel: 'ok' as const,
});

const warning = (dueAt: number): EscalationRecord => ({
  clock: 'task-1',
  taskId: 'task-1',
  level: 'warning',
  dueAt,
  notifications: [{ to: ['group:support'], template: 'sla.warning', taskId: 'task-1' }],
});

/** The first step: task-1 opened, its warning armed for `dueAt`. */
const opened = (ticketId: string, at: number, dueAt: number): RecordStepInput => ({
  ticketId,
  seq: 0,
  at,
  ticket: {
    ticketId,
    typeId: FIXTURE.typeId,
    flowVersionId: FIXTURE.flowVersionId,
    variables: { title: ticketId },
  },
  status: 'submitted',
  slaLevel: 'ok',
  stages: [stage(at)],
  timeline: [{ type: 'ticket.started', at, data: {} }],
  notifications: [],
  escalations: [warning(dueAt)],
});

/** The workflow's own step when the warning timer fires (at `at`, maybe late). */
const warningFired = (ticketId: string, at: number, dueAt: number): RecordStepInput => ({
  ticketId,
  seq: 1,
  at,
  status: 'submitted',
  slaLevel: 'ok',
  stages: [{ ...stage(dueAt - 8_000), slaLevel: 'warning' }],
  timeline: [
    { type: 'timer.fired', at, data: { timerId: 'sla:task-1:warning' } },
    { type: 'sla.level', at, taskId: 'task-1', data: { level: 'warning' } },
  ],
  notifications: warning(dueAt).notifications,
  escalations: [{ ...warning(dueAt + 60_000), level: 'overdue', notifications: [] }],
  reachedLevel: { clock: 'task-1', level: 'warning', dueAt },
});

const noticesOf = async (ticketId: string) =>
  t.db.select().from(notifications).where(eq(notifications.ticketId, ticketId));
const deliveriesOf = async (ticketId: string) =>
  t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.ticketId, ticketId));
const levelRow = async (ticketId: string, level: string) =>
  (
    await t.db
      .select()
      .from(slaEscalations)
      .where(and(eq(slaEscalations.ticketId, ticketId), eq(slaEscalations.level, level as 'warning')))
  )[0];

describe('escalation watch', () => {
  it('records a level at its instant with its notices and webhook, and the late workflow step sends none again', async () => {
    const watch = createEscalationWatch(ctx, { lookaheadMs: 2_000 });
    const now = Date.now();
    const dueAt = now + 400;
    await recordStep(ctx, opened('w-1', now - 7_600, dueAt));
    expect(await noticesOf('w-1')).toEqual([]);

    expect(await watch.runOnce()).toBe(1);
    const row = await levelRow('w-1', 'warning');
    expect(row).toMatchObject({ recordedBy: 'watch', seq: 0 });
    // Recorded at its instant, not before it, and not a second later.
    expect(row!.recordedAt!.getTime()).toBeGreaterThanOrEqual(dueAt);
    expect(row!.recordedAt!.getTime() - dueAt).toBeLessThan(1_000);
    const sent = await noticesOf('w-1');
    // The support group (three agents): in-app and e-mail each.
    expect(sent.map((n) => `${n.channel}:${n.userId}`).sort()).toEqual(
      FIXTURE.agents.flatMap((id) => [`email:${id}`, `in_app:${id}`]).sort(),
    );
    expect(sent.every((n) => n.template === 'sla.warning' && n.seq === null)).toBe(true);
    expect(sent[0]!.subject).toContain('"Handle" is nearing its deadline');
    const deliveries = await deliveriesOf('w-1');
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]!.payload).toMatchObject({
      event: 'ticket.sla_level',
      occurredAt: new Date(dueAt).toISOString(),
      data: { level: 'warning', stage: { taskId: 'task-1', name: 'Handle', department: 'support' } },
    });

    // The workflow gets to its timer 20 s late: the timeline has the level, the notices stay one set.
    await recordStep(ctx, warningFired('w-1', dueAt + 20_000, dueAt));
    expect(await noticesOf('w-1')).toHaveLength(sent.length);
    expect(await deliveriesOf('w-1')).toHaveLength(1);
    const timeline = await t.db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, 'w-1'));
    expect(timeline.map((e) => e.type)).toContain('sla.level');
    expect(await levelRow('w-1', 'warning')).toMatchObject({ recordedBy: 'watch' });
    expect(await levelRow('w-1', 'overdue')).toMatchObject({
      recordedAt: null,
      dueAt: new Date(dueAt + 60_000),
    });
    expect(await watch.runOnce()).toBe(0); // the overdue level is not due yet
  });

  it('leaves a level the workflow recorded first, and one a later step disarmed', async () => {
    const watch = createEscalationWatch(ctx, { lookaheadMs: 2_000 });
    const now = Date.now();
    // On time: the workflow's own step records the warning and sends its notices.
    await recordStep(ctx, opened('w-2', now - 8_000, now));
    await recordStep(ctx, warningFired('w-2', now, now));
    expect(await levelRow('w-2', 'warning')).toMatchObject({ recordedBy: 'workflow', seq: 1 });
    const sent = await noticesOf('w-2');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((n) => n.seq === 1)).toBe(true);

    // Held before its deadline: the step leaves nothing pending, and nothing goes out.
    await recordStep(ctx, opened('w-3', now - 7_800, now + 200));
    await recordStep(ctx, {
      ...opened('w-3', now - 7_800, now + 200),
      seq: 1,
      at: now,
      timeline: [{ type: 'task.held', at: now, taskId: 'task-1', data: { reason: 'customer' } }],
      escalations: [],
    });
    expect(await levelRow('w-3', 'warning')).toBeUndefined();

    expect(await watch.runOnce()).toBe(0);
    expect(await noticesOf('w-2')).toHaveLength(sent.length);
    expect(await noticesOf('w-3')).toEqual([]);
  });

  it('leaves the levels of a ticket ended outside its workflow', async () => {
    const watch = createEscalationWatch(ctx, { lookaheadMs: 2_000 });
    const dueAt = Date.now() + 200;
    await recordStep(ctx, opened('w-5', dueAt - 8_000, dueAt));
    await recordClosedOutside(ctx, {
      ticketId: 'w-5',
      at: Date.now(),
      reason: 'terminated',
      source: 'temporal',
    });
    expect(await levelRow('w-5', 'warning')).toBeUndefined();
    expect(await watch.runOnce()).toBe(0);
    expect(await noticesOf('w-5')).toEqual([]);
  });

  it('runs on its own once started, and stops', async () => {
    const woken: number[] = [];
    const watch = createEscalationWatch(ctx, { pollMs: 50, onQueued: (queued) => woken.push(queued.emails) });
    const dueAt = Date.now() + 300;
    await recordStep(ctx, opened('w-4', dueAt - 8_000, dueAt));
    watch.start();
    await expect
      .poll(async () => (await levelRow('w-4', 'warning'))?.recordedBy, { timeout: 3_000 })
      .toBe('watch');
    await watch.stop();
    expect(woken).toEqual([FIXTURE.agents.length]);
  });
});
