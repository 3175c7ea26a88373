// Who an SLA level of a department's task reaches, in a help desk shaped like the seed: seven
// departments whose leads hold the manager role for their own department (manager scope
// 'memberships'), one manager for every department, no department with a manager of its own.
// Each level goes to the people responsible for that department, never to every manager.
import {
  departments,
  flowVersions,
  memberships,
  notifications,
  stages,
  tickets,
  ticketTypes,
  users,
} from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import {
  applyEvent,
  compileFlow,
  openTasks,
  startRun,
  type Effect,
  type Flow,
  type Step,
} from '@baton/engine';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityContext } from './context.js';
import { insertNotifications } from './notifications.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DEPARTMENTS = [
  'support',
  'refunds',
  'faults',
  'after-sales',
  'callback',
  'product',
  'product-managers',
];
const leadOf = (department: string) => `lead-${department}`;
let t: TestDatabase;
let ctx: ActivityContext;

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="https://baton.dev/test">
  <bpmn:process id="Refund" isExecutable="true" baton:ticketSla="PT2H">
    <bpmn:laneSet><bpmn:lane id="L" baton:department="refunds"><bpmn:flowNodeRef>Check</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="S"/>
    <bpmn:userTask id="Check" name="Check refund" baton:sla="PT1H"/>
    <bpmn:endEvent id="E"/>
    <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="Check"/>
    <bpmn:sequenceFlow id="F2" sourceRef="Check" targetRef="E"/>
  </bpmn:process>
</bpmn:definitions>`;

beforeAll(async () => {
  t = await createTestDatabase();
  ctx = { db: t.db, log: pino({ level: 'silent' }) };
  const person = (id: string, roles: ('agent' | 'manager')[], managerScope?: 'memberships') => ({
    id,
    email: `${id}@example.com`,
    name: id,
    roles,
    ...(managerScope ? { managerScope } : {}),
  });
  await t.db
    .insert(users)
    .values([
      ...DEPARTMENTS.map((key) => person(leadOf(key), ['agent', 'manager'], 'memberships')),
      person('mia', ['manager']),
      person('rita', ['agent']),
      person('sam', ['agent']),
    ]);
  await t.db
    .insert(departments)
    .values(DEPARTMENTS.map((key) => ({ key, name: key, leadUserId: leadOf(key) })));
  await t.db
    .insert(memberships)
    .values([
      ...DEPARTMENTS.map((key) => ({ userId: leadOf(key), departmentKey: key })),
      { userId: 'rita', departmentKey: 'refunds' },
      { userId: 'sam', departmentKey: 'support' },
    ]);
  await t.db.insert(ticketTypes).values({ id: 'tt', name: 'Refund' });
  await t.db.insert(flowVersions).values({ id: 'fv', ticketTypeId: 'tt', version: 1, xml, compiled: {} });
  await t.db.insert(tickets).values({
    id: 'tk',
    typeId: 'tt',
    flowVersionId: 'fv',
    title: 'Refund please',
    createdAt: new Date(T0),
    updatedAt: new Date(T0),
  });
});
afterAll(() => t?.drop());

type Notify = Extract<Effect, { type: 'notify' }>;

/** The engine's notify effects for each SLA level of the refunds task, claimed by rita. */
async function levelNotices(): Promise<{ taskId: string; notices: Record<string, Notify> }> {
  const compiled = await compileFlow(xml);
  if (!compiled.ok) expect.fail(JSON.stringify(compiled.errors));
  const flow: Flow = compiled.flow;
  let step: Step = startRun(flow, { ticketId: 'tk', variables: {} }, T0);
  const [task] = openTasks(step.state);
  const actor = { userId: 'rita', departments: ['refunds'], roles: ['agent'] };
  step = applyEvent(flow, step.state, { type: 'task.claimed', taskId: task!.taskId, actor }, T0 + 1);
  const notices: Record<string, Notify> = {};
  for (const level of ['warning', 'overdue', 'severe']) {
    step = applyEvent(
      flow,
      step.state,
      { type: 'timer.fired', timerId: `sla:${task!.taskId}:${level}` },
      T0 + 2 * 3_600_000,
    );
    if (step.rejected) expect.fail(step.rejected);
    const notice = step.effects.find((e): e is Notify => e.type === 'notify');
    if (notice) notices[notice.template] = notice;
  }
  return { taskId: task!.taskId, notices };
}

async function reached(seq: number, notice: Notify, taskId: string): Promise<string[]> {
  await t.db.transaction((tx) =>
    insertNotifications(ctx, tx, { id: 'tk', number: 1, title: 'Refund please' }, seq, [
      { to: notice.to, template: notice.template, taskId },
    ]),
  );
  const rows = await t.db.select().from(notifications).where(eq(notifications.seq, seq));
  return rows.map((r) => r.userId ?? '').sort();
}

describe('SLA levels of a refunds task', () => {
  it('reach the assignee, then the lead, then the manager: the refunds people only', async () => {
    const { taskId, notices } = await levelNotices();
    await t.db.insert(stages).values({
      ticketId: 'tk',
      taskId,
      elementId: 'Check',
      name: 'Check refund',
      departmentKey: 'refunds',
      assigneeId: 'rita',
      enteredAt: new Date(T0),
    });
    expect(await reached(1, notices['sla.warning']!, taskId)).toEqual(['rita']);
    expect(await reached(2, notices['sla.overdue']!, taskId)).toEqual(['lead-refunds', 'rita']);
    // Not the six other leads, although they hold the manager role: they manage their own departments.
    expect(await reached(3, notices['sla.severe']!, taskId)).toEqual(['lead-refunds', 'mia', 'rita']);
  });

  it("reach the department's own manager instead of the company's once it has one", async () => {
    const { taskId, notices } = await levelNotices();
    await t.db
      .update(departments)
      .set({ managerUserId: 'lead-faults' })
      .where(eq(departments.key, 'refunds'));
    try {
      await t.db.insert(stages).values({
        ticketId: 'tk',
        taskId: `${taskId}-own`,
        elementId: 'Check',
        name: 'Check refund',
        departmentKey: 'refunds',
        enteredAt: new Date(T0),
      });
      expect(await reached(4, notices['sla.severe']!, `${taskId}-own`)).toEqual([
        'lead-faults',
        'lead-refunds',
        'rita',
      ]);
    } finally {
      await t.db.update(departments).set({ managerUserId: null }).where(eq(departments.key, 'refunds'));
    }
  });

  it("reach the people of the departments holding the ticket when the whole ticket's clock is severe", async () => {
    const notice = await ticketSevere();
    // The refunds stage rita holds (open stages of the earlier cases are refunds' too).
    await t.db.insert(stages).values({
      ticketId: 'tk',
      taskId: 'held-by-rita',
      elementId: 'Check',
      name: 'Check refund',
      departmentKey: 'refunds',
      assigneeId: 'rita',
      enteredAt: new Date(T0),
    });
    expect(await reachedByTicket(5, notice)).toEqual(['lead-refunds', 'mia', 'rita']);
  });
});

/** The engine's notice when the whole ticket's clock turns severe while rita holds the refunds task. */
async function ticketSevere(): Promise<Notify> {
  const compiled = await compileFlow(xml);
  if (!compiled.ok) expect.fail(JSON.stringify(compiled.errors));
  const flow = compiled.flow;
  let step: Step = startRun(flow, { ticketId: 'tk', variables: {} }, T0);
  const [task] = openTasks(step.state);
  const actor = { userId: 'rita', departments: ['refunds'], roles: ['agent'] };
  step = applyEvent(flow, step.state, { type: 'task.claimed', taskId: task!.taskId, actor }, T0 + 1);
  let severe: Notify | undefined;
  for (const level of ['warning', 'overdue', 'severe']) {
    step = applyEvent(
      flow,
      step.state,
      { type: 'timer.fired', timerId: `sla:ticket:${level}` },
      T0 + 3 * 3_600_000,
    );
    if (step.rejected) expect.fail(step.rejected);
    severe =
      step.effects.find((e): e is Notify => e.type === 'notify' && e.template === 'sla.severe') ?? severe;
  }
  expect(severe?.taskId).toBeUndefined();
  return severe!;
}

async function reachedByTicket(seq: number, notice: Notify): Promise<string[]> {
  await t.db.transaction((tx) =>
    insertNotifications(ctx, tx, { id: 'tk', number: 1, title: 'Refund please' }, seq, [
      { to: notice.to, template: notice.template },
    ]),
  );
  const rows = await t.db.select().from(notifications).where(eq(notifications.seq, seq));
  return rows.map((r) => r.userId ?? '').sort();
}
