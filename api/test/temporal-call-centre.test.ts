// The seeded call-centre scenario end to end through the HTTP API, on Temporal's time-skipping
// test server: dispatch (round-robin), fault handling (least-loaded, 8 working hours on the office
// calendar, overdue on Tuesday 09:05 with e-mails to the assignee and the lead), a transfer to
// after-sales, the call back (previous handler) and the written reply to the customer. Each
// agent acts with their own API token; time moves only when the test skips it.
import { apiTokens, departments, notifications, seedDatabase } from '@baton/db';
import { compileFlow } from '@baton/engine';
import { createActivities, createMailer, TemporalRuntime } from '@baton/workflows';
import { startTestSmtp, timeSkippingServer, type TestSmtp } from '@baton/workflows/testing';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { and, eq, isNull } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, sha256 } from '../src/auth/secrets.js';
import { createHarness, problemOf, type Harness } from './harness.js';

const FILE = 'api/test/temporal-call-centre.test.ts';
const env: TestWorkflowEnvironment | undefined = await timeSkippingServer(FILE);
const MIN = 60_000;
const HOUR = 60 * MIN;
const AGENTS = {
  support1: 'usr_support_agent1',
  support2: 'usr_support_agent2',
  faults: 'usr_faults_agent',
  afterSales: 'usr_aftersales_agent',
  callback: 'usr_callback_agent',
} as const;

type Task = { id: string; name: string; department: string; assignee: string | null; outcomes: string[] };
type Detail = {
  id: string;
  status: string;
  openTasks: Task[];
  stages: {
    name: string;
    departmentKey?: string;
    department?: string;
    slaLevel: string;
    closedAt: string | null;
  }[];
  timeline: { type: string; data: Record<string, unknown> }[];
};

describe.skipIf(!env)('the call-centre scenario through the API on the time-skipping server', () => {
  let h: Harness;
  let smtp: TestSmtp;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await startTestSmtp();
    h = await createHarness({
      runtime: async (t) => {
        const summary = await seedDatabase(t.db, { compile: compileFlow });
        if (summary.notDeployed.length > 0) throw new Error(JSON.stringify(summary.notDeployed));
        // The harness made `faults` before the seed ran (the seed keeps existing rows): its lead.
        await t.db
          .update(departments)
          .set({ leadUserId: 'usr_faults_lead' })
          .where(eq(departments.key, 'faults'));
        const log = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
        return TemporalRuntime.connect({
          address: env!.address,
          namespace: 'default',
          taskQueue: `api-call-centre-${process.pid}`,
          activities: createActivities({ db: t.db, log, mailer: createMailer(smtp.url) }),
          log,
        });
      },
    });
    for (const [name, userId] of Object.entries(AGENTS)) {
      tokens[name] = newSecret('bt_');
      await h.t.db
        .insert(apiTokens)
        .values({ id: `tok-${name}`, userId, name: 'test', tokenHash: sha256(tokens[name]!) });
    }
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await smtp?.close();
    await env?.teardown();
  });

  /** The token of a seeded agent, or of a person of the harness (who shares the support department). */
  const tokenOf = (who: string) =>
    tokens[who] ??
    Object.entries(AGENTS)
      .map(([name, id]) => (id === who ? tokens[name] : undefined))
      .find(Boolean) ??
    h.tokens[Object.entries(h.ids).find(([, id]) => id === who)?.[0] as keyof typeof h.tokens];
  const as = async <T>(who: string, method: string, path: string, body?: unknown, status = 200) => {
    const res = await h.app.request(path, {
      method,
      headers: { authorization: `Bearer ${tokenOf(who)}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status !== status)
      throw new Error(`${method} ${path}: expected ${status}, got ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const skipTo = async (instant: number) => {
    const now = await env!.currentTimeMs();
    if (instant > now) await env!.sleep(instant - now);
  };
  const open = (detail: Detail, name: string) => {
    const task = detail.openTasks.find((t) => t.name === name);
    if (!task) throw new Error(`no open "${name}"; open: ${detail.openTasks.map((t) => t.name).join(', ')}`);
    return task;
  };

  it('dispatches, escalates overdue on Tuesday 09:05, transfers, calls back and replies', async () => {
    // Next Monday 09:00 in Shanghai (01:00 UTC) after the server's clock.
    const now = await env!.currentTimeMs();
    const day = 24 * HOUR;
    let monday = Math.floor(now / day) * day + HOUR;
    while (new Date(monday).getUTCDay() !== 1 || monday <= now) monday += day;
    await skipTo(monday);

    const created = await as<Detail>(
      'support1',
      'POST',
      '/api/tickets',
      {
        typeId: 'call-centre',
        title: 'Router keeps rebooting',
        category: 'fault',
        priority: 'high',
        customer: { name: 'Chen', email: 'chen@example.com' },
        fields: { callerPhone: '+86 21 5555 0100', description: 'Reboots every ten minutes' },
      },
      201,
    );
    // Round-robin over the support department (the seeded agents and the harness's).
    const record = open(created, 'Record and classify the call');
    expect(record.assignee).toBeTruthy();

    await skipTo(monday + 5 * MIN);
    const dispatched = await as<{ openTasks: Task[] }>(
      record.assignee!,
      'POST',
      `/api/tasks/${record.id}/complete`,
      { outcome: 'dispatch' },
    );
    const fault = dispatched.openTasks[0]!;
    expect(fault).toMatchObject({
      name: 'Diagnose and fix the fault',
      department: 'faults',
      assignee: AGENTS.faults,
    });
    // Another department's agent may not complete it.
    const outsider = await h.app.request(`/api/tasks/${fault.id}/complete`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.support2}`, 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'fixed' }),
    });
    expect((await problemOf(outsider)).code).toBe('forbidden');

    // Tuesday 09:10: overdue since 09:05 (8 working hours from Monday 09:05).
    await skipTo(monday + day + 10 * MIN);
    await expect
      .poll(
        async () =>
          (await as<Detail>('faults', 'GET', `/api/tickets/${created.id}`)).stages.find(
            (s) => s.name === fault.name,
          )?.slaLevel,
      )
      .toBe('overdue');
    const detail = await as<Detail>('faults', 'GET', `/api/tickets/${created.id}`);
    const overdueAt = detail.timeline.find((e) => e.type === 'sla.level' && e.data.level === 'overdue');
    expect(overdueAt).toBeDefined();
    const unsent = async () =>
      (
        await h.t.db
          .select()
          .from(notifications)
          .where(
            and(
              eq(notifications.ticketId, created.id),
              eq(notifications.channel, 'email'),
              isNull(notifications.sentAt),
            ),
          )
      ).length;
    await expect.poll(unsent, { timeout: 15_000 }).toBe(0);
    const overdueMail = smtp.received.filter((m) => m.subject.includes('is overdue')).map((m) => m.to.join());
    expect(overdueMail.sort()).toEqual(['faults.agent@baton.local', 'faults.lead@baton.local']);

    // Tuesday 10:00: a replacement is needed: after-sales takes it over.
    await skipTo(monday + day + HOUR);
    const transferred = await as<{ openTasks: Task[] }>('faults', 'POST', `/api/tasks/${fault.id}/transfer`, {
      department: 'after-sales',
      reason: 'a replacement is needed',
    });
    const afterSales = transferred.openTasks[0]!;
    expect(afterSales).toMatchObject({ department: 'after-sales', assignee: AGENTS.afterSales });
    await skipTo(monday + day + 1.5 * HOUR);
    const sent = await as<{ openTasks: Task[] }>(
      'afterSales',
      'POST',
      `/api/tasks/${afterSales.id}/complete`,
      {
        outcome: 'replacement-sent',
      },
    );
    const callback = sent.openTasks[0]!;
    expect(callback).toMatchObject({ department: 'callback', assignee: AGENTS.callback });

    await skipTo(monday + day + 2 * HOUR);
    const replied = await as<{ ticketStatus: string }>(
      'callback',
      'POST',
      `/api/tasks/${callback.id}/complete`,
      { outcome: 'replied' },
    );
    expect(replied.ticketStatus).toBe('done');
    const done = await as<Detail>('callback', 'GET', `/api/tickets/${created.id}`);
    expect(done.status).toBe('done');
    expect(done.stages.map((s) => s.name)).toEqual([
      'Record and classify the call',
      'Diagnose and fix the fault',
      'Handle the after-sales request',
      'Call the customer back',
    ]);
    expect(done.stages.every((s) => s.closedAt !== null)).toBe(true);
    await expect
      .poll(() => smtp.received.some((m) => m.to.includes('chen@example.com')), { timeout: 15_000 })
      .toBe(true);
  }, 120_000);
});
