// A real-server rig for the Temporal suites: a fresh database with the seeded help desk, a real
// SMTP server, and a TemporalRuntime (with its worker in-process unless told otherwise) on a task
// queue of its own, so test files never pick up each other's workflows.
import { flowVersions, ticketTypes, users, memberships } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { type CalendarSpec, type Flow, compileFlow } from '@baton/engine';
import pino, { type Logger } from 'pino';
import { type BatonActivities, createActivities } from '../../src/activities/index.js';
import { createMailer, type Mailer } from '../../src/activities/mail.js';
import { TemporalRuntime, type TemporalRuntimeOptions } from '../../src/runtime/temporal.js';
import { DEFAULT_NAMESPACE } from '../../src/worker.js';
import type { EngineRuntime } from '../../src/runtime/port.js';
import { oneTaskXml } from './flows.js';
import { seedHelpDesk } from './seeded-help-desk.js';
import { startTestSmtp, type TestSmtp } from '../../src/testing/smtp.js';

export type RealRig = {
  t: TestDatabase;
  smtp: TestSmtp;
  mailer: Mailer;
  log: Logger;
  address: string;
  taskQueue: string;
  activities: BatonActivities;
  runtime: TemporalRuntime;
  /** The seeded call-centre flow. */
  callCentre: Flow;
  /** Another runtime on the same queue and database (e.g. a client without a worker). */
  connect(options?: Partial<TemporalRuntimeOptions>): Promise<TemporalRuntime>;
  close(): Promise<void>;
};

let queues = 0;

export async function realRig(
  address: string,
  options: Partial<TemporalRuntimeOptions> = {},
  rigOptions: { mail?: boolean } = {},
): Promise<RealRig> {
  const t = await createTestDatabase({ poolSize: 10 });
  const smtp = await startTestSmtp();
  const mailer = createMailer(smtp.url);
  const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'warn' });
  const callCentre = await seedHelpDesk(t.db);
  const activities = createActivities({ db: t.db, log, ...(rigOptions.mail === false ? {} : { mailer }) });
  queues += 1;
  const taskQueue = `baton-test-${process.pid}-${Date.now()}-${queues}`;
  const extra: TemporalRuntime[] = [];
  const connect = async (more: Partial<TemporalRuntimeOptions> = {}) => {
    const runtime = await TemporalRuntime.connect({
      address,
      namespace: process.env.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE,
      taskQueue,
      activities,
      log,
      ...options,
      ...more,
    });
    extra.push(runtime);
    return runtime;
  };
  const runtime = await connect();
  return {
    t,
    smtp,
    mailer,
    log,
    address,
    taskQueue,
    activities,
    runtime,
    callCentre,
    connect,
    async close() {
      for (const r of extra.reverse()) await r.close().catch(() => undefined);
      mailer.close();
      await smtp.close();
      await t.drop();
    },
  };
}

/** Compiles `xml` and deploys it as version 1 of ticket type `typeId`. */
export async function deployFlow(
  rig: RealRig,
  ids: { typeId: string; flowVersionId: string },
  xml: string,
  calendars?: Record<string, CalendarSpec>,
): Promise<Flow> {
  const compiled = await compileFlow(xml, calendars ? { calendars } : {});
  if (!compiled.ok) throw new Error(`${ids.typeId} flow: ${JSON.stringify(compiled.errors)}`);
  await rig.t.db.insert(ticketTypes).values({ id: ids.typeId, name: ids.typeId }).onConflictDoNothing();
  await rig.t.db
    .insert(flowVersions)
    .values({ id: ids.flowVersionId, ticketTypeId: ids.typeId, version: 1, xml, compiled: compiled.flow })
    .onConflictDoNothing();
  return compiled.flow;
}

/** The one-task flow deployed as `simple` v1. */
export const SIMPLE = { typeId: 'simple', flowVersionId: 'fv_simple_1' } as const;

export const deploySimpleFlow = (rig: RealRig, sla = 'PT1H'): Promise<Flow> =>
  deployFlow(rig, SIMPLE, oneTaskXml({ sla }));

/** Starts a ticket of the `simple` flow; resolves with its one task's id. */
export async function startSimpleTicket(
  runtime: EngineRuntime,
  flow: Flow,
  ticketId: string,
): Promise<string> {
  const started = await runtime.startTicket({
    flow,
    ticket: {
      ticketId,
      typeId: SIMPLE.typeId,
      flowVersionId: SIMPLE.flowVersionId,
      variables: { title: ticketId },
    },
  });
  return started.tasks[0]!.taskId;
}

/** `count` extra support agents (ids `agent-<n>`), for claim races. */
export async function addSupportAgents(rig: RealRig, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, n) => `agent-${n}`);
  await rig.t.db
    .insert(users)
    .values(ids.map((id) => ({ id, email: `${id}@example.test`, name: id, roles: ['agent' as const] })))
    .onConflictDoNothing();
  await rig.t.db
    .insert(memberships)
    .values(ids.map((userId) => ({ userId, departmentKey: 'support' })))
    .onConflictDoNothing();
  return ids;
}

export const supportAgent = (userId: string) => ({ userId, departments: ['support'], roles: ['agent'] });
export const refundsAgent = (userId: string) => ({ userId, departments: ['refunds'], roles: ['agent'] });
