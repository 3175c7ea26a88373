import {
  assignmentCursors,
  notifications,
  stages,
  ticketEvents,
  tickets,
  webhookDeliveries,
  webhookSubscriptions,
} from '@baton/db';
import type { TestDatabase } from '@baton/db/testing';
import { asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityRig, FIXTURE, activityRig } from '../../test/support/fixtures.js';
import type { TestSmtp } from '../testing/smtp.js';
import type { RecordStepInput } from '../workflows/records.js';
import type { ActivityContext } from './context.js';
import { createOutboxRelay } from '../outbox/relay.js';
import { pickAssignee } from './pick-assignee.js';
import { recordStep } from './record-step.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;

let rig: ActivityRig;
let t: TestDatabase;
let smtp: TestSmtp;
let ctx: ActivityContext;

beforeAll(async () => {
  rig = await activityRig();
  ({ t, smtp, ctx } = rig);
});
afterAll(() => rig?.close());

const ticket = (id: string) => ({
  ticketId: id,
  typeId: FIXTURE.typeId,
  flowVersionId: FIXTURE.flowVersionId,
  variables: {
    title: 'Printer on fire',
    priority: 'high',
    category: 'fault',
    customer: { email: 'cu@example.com' },
  },
});

const started = (id: string): RecordStepInput => ({
  ticketId: id,
  seq: 0,
  at: T0,
  ticket: ticket(id),
  status: 'submitted',
  slaLevel: 'ok',
  stages: [
    {
      taskId: 'task-1',
      elementId: 'Handle',
      name: 'Handle',
      department: 'support',
      openedAt: T0,
      slaTargetMs: 30 * MIN,
      dueAt: T0 + 30 * MIN,
      slaLevel: 'ok',
    },
  ],
  timeline: [
    { type: 'ticket.started', at: T0, data: {} },
    { type: 'stage.opened', at: T0, taskId: 'task-1', data: { department: 'support' } },
  ],
  notifications: [],
});

const overdueAndClosed = (id: string): RecordStepInput => ({
  ticketId: id,
  seq: 1,
  at: T0 + 40 * MIN,
  status: 'done',
  slaLevel: 'overdue',
  closedAt: T0 + 40 * MIN,
  stages: [
    {
      taskId: 'task-1',
      elementId: 'Handle',
      name: 'Handle',
      department: 'support',
      assignee: 'alice',
      openedAt: T0,
      claimedAt: T0 + 5 * MIN,
      closedAt: T0 + 40 * MIN,
      outcome: 'solved',
      slaTargetMs: 30 * MIN,
      dueAt: T0 + 30 * MIN,
      slaLevel: 'overdue',
      heldMs: 10 * MIN,
      businessHeldMs: 10 * MIN,
      durations: {
        queueMs: 5 * MIN,
        workMs: 35 * MIN,
        totalMs: 40 * MIN,
        businessQueueMs: 5 * MIN,
        businessWorkMs: 35 * MIN,
        businessTotalMs: 40 * MIN,
      },
    },
  ],
  timeline: [
    {
      type: 'task.completed',
      at: T0 + 40 * MIN,
      actorId: 'alice',
      taskId: 'task-1',
      data: { outcome: 'solved' },
    },
    { type: 'sla.level', at: T0 + 40 * MIN, taskId: 'task-1', data: { level: 'overdue' } },
    { type: 'notification', at: T0 + 40 * MIN, taskId: 'task-1', data: {} },
  ],
  notifications: [
    {
      to: ['user:alice', 'lead:support', 'customer', 'group:nobody'],
      template: 'sla.overdue',
      taskId: 'task-1',
    },
  ],
});

async function counts(id: string) {
  const count = async (table: typeof stages | typeof ticketEvents | typeof notifications) =>
    (await t.db.select().from(table).where(eq(table.ticketId, id))).length;
  return {
    stages: await count(stages),
    events: await count(ticketEvents),
    notifications: await count(notifications),
  };
}

describe('recordStep', () => {
  it('writes ticket, stage, timeline and notifications once, however often it runs', async () => {
    await recordStep(ctx, started('tk-1'));
    await recordStep(ctx, started('tk-1'));
    expect(await counts('tk-1')).toEqual({ stages: 1, events: 2, notifications: 0 });
    const [opened] = await t.db.select().from(tickets).where(eq(tickets.id, 'tk-1'));
    expect(opened).toMatchObject({
      title: 'Printer on fire',
      priority: 'high',
      category: 'fault',
      status: 'submitted',
    });

    const mailsBefore = smtp.received.length;
    expect(await recordStep(ctx, overdueAndClosed('tk-1'))).toEqual({
      pendingEmails: 3,
      pendingWebhooks: 0,
      stale: false,
    });
    await recordStep(ctx, overdueAndClosed('tk-1'));
    // alice + lena: in-app and e-mail each; the customer by e-mail; an empty group reaches nobody.
    expect(await counts('tk-1')).toEqual({ stages: 1, events: 5, notifications: 5 });
    // Recording sends nothing: the outbox is delivered on its own, each e-mail once.
    expect(smtp.received.length - mailsBefore).toBe(0);
    const relay = createOutboxRelay({ db: t.db, mailer: ctx.mailer!, log: ctx.log });
    expect(await relay.flush()).toEqual({ sent: 3, failed: 0 });
    expect(await relay.flush()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received.length - mailsBefore).toBe(3);
    const subjects = smtp.received.slice(mailsBefore).map((m) => m.to.join());
    expect(subjects.sort()).toEqual(['alice@example.com', 'cu@example.com', 'lena@example.com']);
    const mailTo = (address: string) => smtp.received.slice(mailsBefore).find((m) => m.to[0] === address)!;
    expect(mailTo('alice@example.com').subject).toBe('[Baton] #1 "Printer on fire": "Handle" is overdue');
    expect(mailTo('alice@example.com').raw).toContain('http://baton.test/tickets/tk-1');
    // The customer's copy says nothing internal: no stage name, no staff link.
    expect(mailTo('cu@example.com').subject).toBe('Your request #1 "Printer on fire": Sla overdue');
    expect(mailTo('cu@example.com').raw).not.toContain('baton.test');

    const [stage] = await t.db.select().from(stages).where(eq(stages.ticketId, 'tk-1'));
    expect(stage).toMatchObject({
      assigneeId: 'alice',
      outcome: 'solved',
      slaLevel: 'overdue',
      queueMs: 5 * MIN,
      workMs: 35 * MIN,
      totalMs: 40 * MIN,
      heldMs: 10 * MIN,
      businessHeldMs: 10 * MIN,
      heldSince: null,
    });
    const [closed] = await t.db.select().from(tickets).where(eq(tickets.id, 'tk-1'));
    expect(closed).toMatchObject({
      status: 'done',
      slaLevel: 'overdue',
      lastSeq: 1,
      closedAt: new Date(T0 + 40 * MIN),
    });
    const sent = await t.db.select().from(notifications).where(eq(notifications.channel, 'email'));
    expect(sent.every((n) => n.sentAt !== null && n.error === null)).toBe(true);
  });

  it('keeps the write of the attempt Temporal kept, also between retries of one workflow task', async () => {
    // A retried workflow task can pick another winner among racing claims; its attempts share a
    // history length, and the replaced attempt's local activity may commit after the retry's.
    const claimedBy = (assignee: string, fence: number, fenceAt: number): RecordStepInput => {
      const first = started('tk-fence');
      return {
        ...first,
        seq: 1,
        at: fenceAt,
        fence,
        fenceAt,
        stages: first.stages.map((stage) => ({ ...stage, assignee, claimedAt: fenceAt })),
        timeline: [{ type: 'task.claimed', at: fenceAt, actorId: assignee, taskId: 'task-1', data: {} }],
      };
    };
    const assignee = async () =>
      (await t.db.select().from(stages).where(eq(stages.ticketId, 'tk-fence')))[0]?.assigneeId;
    await recordStep(ctx, { ...started('tk-fence'), fence: 10, fenceAt: T0 });
    expect(await recordStep(ctx, claimedBy('bob', 12, T0 + 5_000))).toMatchObject({ stale: false });
    expect(await recordStep(ctx, claimedBy('alice', 12, T0 + 2_000))).toMatchObject({ stale: true });
    expect(await assignee()).toBe('bob');
    expect(await recordStep(ctx, claimedBy('alice', 11, T0 + 9_000))).toMatchObject({ stale: true });
    expect(await assignee()).toBe('bob');
    // Steps of the same attempt carry the same fence and go in.
    expect(await recordStep(ctx, { ...claimedBy('bob', 12, T0 + 5_000), seq: 2 })).toMatchObject({
      stale: false,
    });
    // A longer history is a later workflow task, whatever its clock says.
    expect(await recordStep(ctx, claimedBy('carol', 14, T0 + 1_000))).toMatchObject({ stale: false });
    expect(await assignee()).toBe('carol');
    const claimsOnTimeline = await t.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, 'tk-fence'));
    expect(claimsOnTimeline.filter((e) => e.type === 'task.claimed').map((e) => e.actorId)).toEqual([
      'carol',
    ]);
    // The assignee tests below count open stages: this one is not theirs.
    await t.db.delete(stages).where(eq(stages.ticketId, 'tk-fence'));
  });

  it("queues a step's webhook events once; a rewritten step replaces the deliveries nobody took yet", async () => {
    await t.db.insert(webhookSubscriptions).values({
      id: 'sub-all',
      url: 'http://127.0.0.1:9/hooks',
      secret: 'whsec_test',
      events: ['ticket.created', 'ticket.stage_changed', 'ticket.sla_level', 'ticket.done'],
    });
    const queued = () =>
      t.db
        .select({
          event: webhookDeliveries.event,
          eventId: webhookDeliveries.eventId,
          payload: webhookDeliveries.payload,
        })
        .from(webhookDeliveries)
        .where(eq(webhookDeliveries.ticketId, 'tk-hook'))
        .orderBy(asc(webhookDeliveries.eventId));
    try {
      expect(await recordStep(ctx, started('tk-hook'))).toMatchObject({ pendingWebhooks: 2 });
      await recordStep(ctx, started('tk-hook'));
      expect(await queued()).toHaveLength(2);
      expect(await recordStep(ctx, overdueAndClosed('tk-hook'))).toMatchObject({ pendingWebhooks: 1 });
      const first = await queued();
      expect(first.map((d) => [d.event, d.eventId])).toEqual([
        ['ticket.created', 'tk-hook:0:0'],
        ['ticket.stage_changed', 'tk-hook:0:1'],
        ['ticket.sla_level', 'tk-hook:1:1'],
      ]);
      expect(first[2]!.payload).toMatchObject({
        event: 'ticket.sla_level',
        ticket: { id: 'tk-hook', title: 'Printer on fire', status: 'done' },
        data: { level: 'overdue', stage: { taskId: 'task-1', department: 'support', name: 'Handle' } },
      });
      // `created` was handed to delivery; then a replaced attempt's seq 0 is written again.
      await t.db
        .update(webhookDeliveries)
        .set({ dispatchedAt: new Date() })
        .where(eq(webhookDeliveries.eventId, 'tk-hook:0:0'));
      expect(await recordStep(ctx, started('tk-hook'))).toMatchObject({ pendingWebhooks: 1 });
      expect((await queued()).map((d) => d.eventId)).toEqual(['tk-hook:0:0', 'tk-hook:0:1']);
    } finally {
      await t.db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, 'sub-all'));
      await t.db.delete(stages).where(eq(stages.ticketId, 'tk-hook'));
    }
  });

  it('asks the customer for a rating once, with the status link, when a step finishes the ticket as done', async () => {
    await recordStep(ctx, started('tk-rate'));
    const finished: RecordStepInput = {
      ...overdueAndClosed('tk-rate'),
      notifications: [],
      timeline: [{ type: 'ticket.completed', at: T0 + 40 * MIN, data: { outcome: 'done' } }],
    };
    expect(await recordStep(ctx, finished)).toMatchObject({ pendingEmails: 1 });
    await recordStep(ctx, finished);
    const asked = await t.db.select().from(notifications).where(eq(notifications.ticketId, 'tk-rate'));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ template: 'rating-request', channel: 'email', email: 'cu@example.com' });
    expect(asked[0]!.body).toMatch(/Rate it from 1 to 5.*\nhttp:\/\/baton\.test\/status\/[0-9a-f]{32}$/s);
    // Cancelled is not done: nobody is asked to rate what was never answered.
    await recordStep(ctx, started('tk-cancelled'));
    await recordStep(ctx, {
      ...finished,
      ticketId: 'tk-cancelled',
      status: 'cancelled',
      timeline: [{ type: 'ticket.completed', at: T0 + 40 * MIN, data: { outcome: 'cancelled' } }],
    });
    expect(await t.db.select().from(notifications).where(eq(notifications.ticketId, 'tk-cancelled'))).toEqual(
      [],
    );
    await t.db.delete(stages).where(inArray(stages.ticketId, ['tk-rate', 'tk-cancelled']));
  });

  it('refuses a step for a ticket that has no row, writing nothing', async () => {
    const orphan = { ...started('tk-missing') };
    delete orphan.ticket;
    await expect(recordStep(ctx, orphan)).rejects.toThrow(/ticket tk-missing has no tickets row/);
    expect(await counts('tk-missing')).toEqual({ stages: 0, events: 0, notifications: 0 });
  });
});

describe('pickAssignee', () => {
  const request = (taskId: string, strategy: 'round-robin' | 'least-loaded' | 'previous-handler') => ({
    ticketId: 'tk-1',
    taskId,
    department: FIXTURE.department,
    strategy,
  });

  it('round-robin cycles through the department members, keeping one cursor row', async () => {
    const picks = [];
    for (const n of [1, 2, 3, 4]) picks.push(await pickAssignee(ctx, request(`rr-${n}`, 'round-robin')));
    expect(picks).toEqual(['alice', 'bob', 'carol', 'alice']);
    expect(await t.db.select().from(assignmentCursors)).toHaveLength(1);
  });

  it('least-loaded picks the member with the fewest open stages', async () => {
    await recordStep(ctx, {
      ...started('tk-2'),
      stages: [{ ...started('tk-2').stages[0]!, assignee: 'alice' }],
    });
    await recordStep(ctx, {
      ...started('tk-3'),
      stages: [{ ...started('tk-3').stages[0]!, assignee: 'bob' }],
    });
    expect(await pickAssignee(ctx, request('ll', 'least-loaded'))).toBe('carol');
  });

  it("previous-handler picks who last handled this customer's ticket in the department", async () => {
    // Same customer: alice closed tk-1 at +40 min, the latest activity; carol (least loaded) never handled them.
    await recordStep(ctx, { ...started('tk-4'), stages: [] });
    expect(await pickAssignee(ctx, { ...request('ph', 'previous-handler'), ticketId: 'tk-4' })).toBe('alice');
    // Another customer has no previous handler: least-loaded decides.
    await recordStep(ctx, {
      ...started('tk-5'),
      ticket: { ...ticket('tk-5'), variables: { customer: { email: 'new@example.com' } } },
      stages: [],
    });
    expect(await pickAssignee(ctx, { ...request('ph', 'previous-handler'), ticketId: 'tk-5' })).toBe('carol');
  });

  it('returns null for a department without members', async () => {
    expect(await pickAssignee(ctx, { ...request('x', 'least-loaded'), department: 'nobody' })).toBeNull();
  });
});

it('keeps timeline order per step', async () => {
  const rows = await t.db
    .select({ seq: ticketEvents.seq, ord: ticketEvents.ord, type: ticketEvents.type })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, 'tk-1'))
    .orderBy(asc(ticketEvents.seq), asc(ticketEvents.ord));
  expect(rows.map((r) => r.type)).toEqual([
    'ticket.started',
    'stage.opened',
    'task.completed',
    'sla.level',
    'notification',
  ]);
});
