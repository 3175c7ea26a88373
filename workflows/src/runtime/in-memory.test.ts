// InMemoryRuntime behaviours beyond the call-centre scenario: custom activities driven by a
// service task (success, failure after retries), hold and resume by a customer message, cancel,
// idempotent start and unknown tickets. Real database, real HTTP receiver, virtual clock.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stages, ticketEvents, tickets } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { type Flow, compileFlow } from '@baton/engine';
import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, insertFixture } from '../../test/support/fixtures.js';
import { serviceTaskXml } from '../../test/support/flows.js';
import { createActivities } from '../activities/index.js';
import { activityTypes } from '../activities/catalogue.js';
import { VirtualClock } from './clock.js';
import { InMemoryRuntime } from './in-memory.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const log = pino({ level: 'silent' });
const alice = { userId: 'alice', departments: ['support'], roles: ['agent'] };

const XML = serviceTaskXml();

let t: TestDatabase;
let flow: Flow;
let baseUrl = '';
const received: { path: string; body: unknown; key: string | undefined }[] = [];
const server = createServer((req, res) => {
  let data = '';
  req.on('data', (c: Buffer) => (data += c.toString()));
  req.on('end', () => {
    received.push({
      path: req.url ?? '',
      body: JSON.parse(data),
      key: req.headers['idempotency-key'] as string | undefined,
    });
    res.writeHead(req.url === '/down' ? 500 : 200, { 'content-type': 'application/json' });
    res.end(req.url === '/down' ? '{"error":"maintenance"}' : '{"crmId":"C-42"}');
  });
});

beforeAll(async () => {
  t = await createTestDatabase();
  await insertFixture(t.db);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const compiled = await compileFlow(XML, { activities: activityTypes() });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  flow = compiled.flow;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await t?.drop();
});

function setup() {
  const clock = new VirtualClock(T0);
  const runtime = new InMemoryRuntime({
    activities: createActivities({ db: t.db, log }),
    log,
    clock,
  });
  const start = (ticketId: string, path: string) =>
    runtime.startTicket({
      flow,
      ticket: {
        ticketId,
        typeId: FIXTURE.typeId,
        flowVersionId: FIXTURE.flowVersionId,
        variables: { title: `T ${ticketId}`, webhookUrl: `${baseUrl}${path}` },
      },
    });
  return { runtime, clock, start };
}

const timeline = async (ticketId: string) =>
  (
    await t.db
      .select()
      .from(ticketEvents)
      .where(eq(ticketEvents.ticketId, ticketId))
      .orderBy(asc(ticketEvents.seq), asc(ticketEvents.ord))
  ).map((e) => e.type);

describe('InMemoryRuntime', () => {
  it('is labelled not durable', () => {
    const { runtime } = setup();
    expect([runtime.mode, runtime.durable]).toEqual(['in-memory', false]);
  });

  it('runs a service task through its custom activity and feeds the result back to the engine', async () => {
    const { runtime, start } = setup();
    await start('svc-ok', '/hook');
    await runtime.settled('svc-ok');
    const live = await runtime.readState('svc-ok');
    expect(live?.tasks.map((task) => task.elementId)).toEqual(['handle']);
    expect(live?.state.variables).toMatchObject({ webhook: { status: 200, body: { crmId: 'C-42' } } });
    const call = received.find((r) => r.body && (r.body as { title?: string }).title === 'T svc-ok');
    expect(call).toMatchObject({ path: '/hook', body: { ticketId: 'svc-ok', title: 'T svc-ok' } });
    expect(call?.key).toMatch(/^svc-ok:/);
    expect(await timeline('svc-ok')).toEqual([
      'ticket.started',
      'activity.started',
      'activity.completed',
      'stage.opened',
    ]);
    expect(runtime.commandStats('svc-ok')).toMatchObject({ activities: 1 });
  });

  it('retries a failing activity as the diagram says, then lets the flow continue with `error` set', async () => {
    const { runtime, start } = setup();
    const before = received.filter((r) => r.path === '/down').length;
    await start('svc-down', '/down');
    await runtime.settled('svc-down');
    expect(received.filter((r) => r.path === '/down').length - before).toBe(2); // baton:retries="1"
    const live = await runtime.readState('svc-down');
    expect(live?.state.variables.error).toMatchObject({
      activity: 'http-webhook',
      message: expect.stringMatching(/answered 500/),
    });
    expect(await timeline('svc-down')).toContain('activity.failed');
  });

  it('holds a task (ticket pending, SLA paused) until the customer answers', async () => {
    const { runtime, clock, start } = setup();
    await start('svc-hold', '/hook');
    await runtime.settled('svc-hold');
    const task = (await runtime.readState('svc-hold'))!.tasks[0]!;
    expect(
      (await runtime.act('svc-hold', { type: 'task.claimed', taskId: task.taskId, actor: alice })).ok,
    ).toBe(true);
    await clock.advance(10 * 60_000);
    const held = await runtime.act('svc-hold', {
      type: 'task.held',
      taskId: task.taskId,
      actor: alice,
      reason: 'waiting for the serial number',
    });
    expect(held.ok).toBe(true);
    const [pending] = await t.db.select().from(tickets).where(eq(tickets.id, 'svc-hold'));
    expect(pending?.status).toBe('pending');
    // Two hours on hold: the 1-hour SLA must not fire meanwhile.
    await clock.advance(2 * 3_600_000);
    await runtime.settled('svc-hold');
    expect((await runtime.readState('svc-hold'))!.tasks[0]).toMatchObject({ held: true, slaLevel: 'ok' });
    await runtime.sendMessage('svc-hold', 'customer-reply', { serial: 'SN-1' });
    const resumed = await runtime.readState('svc-hold');
    expect(resumed!.tasks[0]!.held).toBeFalsy();
    expect(resumed!.tasks[0]!.dueAt).toBe(T0 + 2 * 3_600_000 + 60 * 60_000); // 50 minutes left after 10 used
    expect(resumed!.sla.tasks[task.taskId]).toMatchObject({ targetMs: 3_600_000 });
    const [inProgress] = await t.db.select().from(tickets).where(eq(tickets.id, 'svc-hold'));
    expect(inProgress?.status).toBe('in_progress');
  });

  it('cancels a ticket, closing its open stage, and then refuses actions as finished', async () => {
    const { runtime, start } = setup();
    await start('svc-cancel', '/hook');
    await runtime.settled('svc-cancel');
    const task = (await runtime.readState('svc-cancel'))!.tasks[0]!;
    const cancelled = await runtime.cancel(
      'svc-cancel',
      { userId: FIXTURE.lead, departments: ['support'], roles: ['manager'] },
      'duplicate',
    );
    expect(cancelled.ok).toBe(true);
    const [row] = await t.db.select().from(tickets).where(eq(tickets.id, 'svc-cancel'));
    expect(row?.status).toBe('cancelled');
    const [stage] = await t.db.select().from(stages).where(eq(stages.ticketId, 'svc-cancel'));
    expect(stage?.closedAt).not.toBeNull();
    // Like a closed workflow on Temporal: the run is finished, so nothing reaches the engine.
    await expect(
      runtime.act('svc-cancel', { type: 'task.claimed', taskId: task.taskId, actor: alice }),
    ).rejects.toMatchObject({ name: 'RuntimeFailure', kind: 'finished' });
  });

  it('starts a ticket once however often asked, and answers for unknown tickets', async () => {
    const { runtime, start } = setup();
    await Promise.all([start('svc-twice', '/hook'), start('svc-twice', '/hook')]);
    await runtime.settled('svc-twice');
    expect(received.filter((r) => (r.body as { ticketId?: string }).ticketId === 'svc-twice')).toHaveLength(
      1,
    );
    expect(await runtime.readState('nope')).toBeUndefined();
    const notRunning = { name: 'RuntimeFailure', kind: 'not-running' };
    await expect(
      runtime.act('nope', { type: 'task.claimed', taskId: 'x', actor: alice }),
    ).rejects.toMatchObject(notRunning);
    await expect(runtime.sendMessage('nope', 'hello')).rejects.toMatchObject(notRunning);
  });
});

describe('InMemoryRuntime start failures', () => {
  it('forgets a ticket whose first step could not be recorded, so a later start works', async () => {
    const { runtime, start } = setup();
    // No ticket type 'missing': the tickets row cannot be created (foreign key), nothing is written.
    const bad = runtime.startTicket({
      flow,
      ticket: {
        ticketId: 'svc-retry',
        typeId: 'missing',
        flowVersionId: FIXTURE.flowVersionId,
        variables: { webhookUrl: `${baseUrl}/hook` },
      },
    });
    // A data error: refused at once (no retry can fix it), naming the table, not the data.
    await expect(bad).rejects.toThrow(/Postgres refused the data \(23503, table tickets/);
    expect(await runtime.readState('svc-retry')).toBeUndefined();
    await start('svc-retry', '/hook');
    await runtime.settled('svc-retry');
    expect((await runtime.readState('svc-retry'))?.tasks.map((task) => task.elementId)).toEqual(['handle']);
  });
});
