// Reports against hand-computed expectations on stages inserted directly.
import { apiTokens, calendars, flowVersions, memberships, tickets, ticketTypes, users } from '@baton/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, sha256 } from '../src/auth/secrets.js';
import { insertStages, insertTicket, insertTicketType } from './fixtures.js';
import { createHarness, problemOf, type Harness } from './harness.js';
import { idleRuntime } from './idle-runtime.js';

const MIN = 60_000;
let h: Harness;
const now = Date.parse('2026-03-15T12:00:00Z');

type Group = {
  department: string;
  elementId?: string;
  count: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  histogram: { key: string; count: number; upToMs: number | null }[];
  sla: { withTarget: number; met: number; attainment: number | null };
};

beforeAll(async () => {
  // No BATON_TIME_ZONE: the default calendar's zone decides (changed by one test below).
  h = await createHarness({ runtime: idleRuntime(), config: { now: () => now, timeZone: undefined } });
  await h.t.db
    .insert(calendars)
    .values({ key: 'office', name: 'Office', isDefault: true, spec: { timeZone: 'UTC', week: {} } });
  await insertTicketType(h);
  for (const id of ['d1', 'd2', 'h1', 'h2', 'h3', 'b1', 's1', 'p1', 'p2']) await insertTicket(h, id);

  // 2026-03-03: support stages, one per duration band; 4 with targets (levels ok, warning, overdue, severe).
  const durations = [5, 20, 45, 90, 300, 600, 2000, 5000];
  const levels = ['ok', 'warning', 'overdue', 'severe'] as const;
  await insertStages(
    h,
    durations.map((minutes, i) => ({
      ticketId: 'd1',
      taskId: `t${i}`,
      department: 'support',
      elementId: i % 2 === 0 ? 'Task_Even' : 'Task_Odd',
      enteredAt: new Date(Date.parse('2026-03-03T06:00:00Z') - minutes * MIN + i * MIN).toISOString(),
      minutes,
      businessMinutes: minutes / 2,
      ...(i < 4 ? { slaTargetMinutes: 60, slaLevel: levels[i] } : {}),
    })),
  );
  // Exactly on band edges: 10 min belongs to 10–30, 30 min to 30 min–1 h.
  await insertStages(h, [
    { ticketId: 'd2', taskId: 'a', department: 'refunds', enteredAt: '2026-03-03T08:00:00Z', minutes: 10 },
    { ticketId: 'd2', taskId: 'b', department: 'refunds', enteredAt: '2026-03-03T09:00:00Z', minutes: 30 },
  ]);

  // 2026-03-10: handoffs.
  await insertStages(h, [
    { ticketId: 'h1', taskId: '1', department: 'support', enteredAt: '2026-03-10T09:00:00Z', minutes: 60 },
    { ticketId: 'h1', taskId: '2', department: 'refunds', enteredAt: '2026-03-10T10:30:00Z', minutes: 90 },
    { ticketId: 'h1', taskId: '3', department: 'support', enteredAt: '2026-03-10T12:05:00Z' },
    { ticketId: 'h2', taskId: '1', department: 'support', enteredAt: '2026-03-10T09:00:00Z', minutes: 20 },
    { ticketId: 'h2', taskId: '2', department: 'refunds', enteredAt: '2026-03-10T10:20:00Z', minutes: 10 },
    { ticketId: 'h3', taskId: '1', department: 'support', enteredAt: '2026-03-10T09:00:00Z', minutes: 20 },
    { ticketId: 'h3', taskId: '2', department: 'support', enteredAt: '2026-03-10T09:40:00Z', minutes: 10 },
  ]);

  // 2026-03-11: handoffs whose receiving stage was claimed 20 and 40 min after it opened; for the load.
  await insertStages(h, [
    {
      ticketId: 'p1',
      taskId: '1',
      department: 'support',
      enteredAt: '2026-03-11T09:00:00Z',
      minutes: 30,
      assigneeId: 'u-agent',
    },
    {
      ticketId: 'p1',
      taskId: '2',
      department: 'refunds',
      enteredAt: '2026-03-11T09:30:00Z',
      claimedAt: '2026-03-11T09:50:00Z',
      minutes: 30,
      assigneeId: 'u-otherAgent',
    },
    { ticketId: 'p2', taskId: '1', department: 'support', enteredAt: '2026-03-11T10:00:00Z', minutes: 60 },
    {
      ticketId: 'p2',
      taskId: '2',
      department: 'refunds',
      enteredAt: '2026-03-11T11:00:00Z',
      claimedAt: '2026-03-11T11:40:00Z',
      minutes: 50,
      assigneeId: 'u-otherAgent',
    },
  ]);

  // Month and zone boundaries (faults): closed 2026-02-28 17:00 UTC = 2026-03-01 01:00 in Shanghai,
  // and closed 2026-03-31 17:00 UTC = 2026-04-01 01:00 in Shanghai.
  await insertStages(h, [
    { ticketId: 'b1', taskId: 'x', department: 'faults', enteredAt: '2026-02-28T16:00:00Z', minutes: 60 },
    { ticketId: 'b1', taskId: 'y', department: 'faults', enteredAt: '2026-03-31T15:00:00Z', minutes: 120 },
  ]);

  // Open stages at 2026-03-15 12:00 for the stuck list.
  await insertStages(h, [
    {
      ticketId: 's1',
      taskId: 'A',
      department: 'support',
      enteredAt: '2026-03-15T08:00:00Z',
      dueAt: '2026-03-15T11:00:00Z',
      slaLevel: 'severe',
      assigneeId: 'u-agent',
    },
    {
      ticketId: 's1',
      taskId: 'B',
      department: 'support',
      enteredAt: '2026-03-15T10:00:00Z',
      dueAt: '2026-03-15T11:00:00Z',
      slaLevel: 'overdue',
    },
    {
      ticketId: 's1',
      taskId: 'C',
      department: 'refunds',
      enteredAt: '2026-03-15T11:00:00Z',
      dueAt: '2026-03-15T13:00:00Z',
      slaLevel: 'warning',
    },
    {
      ticketId: 's1',
      taskId: 'D',
      department: 'support',
      enteredAt: '2026-03-15T11:30:00Z',
      dueAt: '2026-03-15T12:30:00Z',
      slaLevel: 'ok',
    },
    // Past due but the runtime has not recorded the level yet: still listed as overdue.
    {
      ticketId: 's1',
      taskId: 'E',
      department: 'refunds',
      enteredAt: '2026-03-15T10:30:00Z',
      dueAt: '2026-03-15T11:30:00Z',
      slaLevel: 'ok',
    },
  ]);
});
afterAll(() => h?.close());

const get = async <T>(path: string, person: Parameters<Harness['call']>[0] = 'admin'): Promise<T> => {
  const res = await h.call(person, 'GET', path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const day = (d: string, extra = '') => `/api/reports/stage-durations?range=custom&from=${d}&to=${d}${extra}`;

describe('stage durations', () => {
  it('computes count, mean, percentile_cont p50/p90/p99, bands and SLA attainment per department', async () => {
    const { groups } = await get<{ groups: Group[] }>(day('2026-03-03'));
    const support = groups.find((g) => g.department === 'support');
    // Sorted minutes 5 20 45 90 300 600 2000 5000: p50 at rank 3.5 = (90+300)/2; p90 at 6.3 = 2000 + 0.3*3000;
    // p99 at 6.93 = 2000 + 0.93*3000; mean 8060/8.
    expect(support).toMatchObject({ count: 8, meanMs: 1007.5 * MIN, p50Ms: 195 * MIN });
    expect(support?.p90Ms).toBeCloseTo(2900 * MIN, 3);
    expect(support?.p99Ms).toBeCloseTo(4790 * MIN, 3);
    expect(support?.histogram.map((b) => b.count)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    // Each band says where it ends, so a chart can place a target among them (the last is open).
    expect(support?.histogram.map((b) => b.upToMs)).toEqual([
      10 * MIN,
      30 * MIN,
      60 * MIN,
      240 * MIN,
      480 * MIN,
      1440 * MIN,
      4320 * MIN,
      null,
    ]);
    expect(support?.sla).toEqual({ withTarget: 4, met: 2, attainment: 0.5 });

    const refunds = groups.find((g) => g.department === 'refunds');
    expect(refunds?.histogram.map((b) => b.count)).toEqual([0, 1, 1, 0, 0, 0, 0, 0]);
    expect(refunds?.sla.attainment).toBeNull();
  });

  it('measures business time when asked', async () => {
    const { groups } = await get<{ groups: Group[] }>(
      day('2026-03-03', '&clock=business&department=support'),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ p50Ms: 97.5 * MIN, meanMs: 503.75 * MIN });
  });

  it('groups by task', async () => {
    const { groups } = await get<{ groups: Group[] }>(day('2026-03-03', '&by=task&department=support'));
    expect(groups.map((g) => [g.elementId, g.count])).toEqual([
      ['Task_Even', 4],
      ['Task_Odd', 4],
    ]);
    // Even indexes: 5, 45, 300, 2000 -> p50 = (45+300)/2.
    expect(groups[0]?.p50Ms).toBe(172.5 * MIN);
  });

  it('evaluates presets in the default calendar zone across the month boundary', async () => {
    const faults = async () =>
      await get<{ groups: Group[]; range: { from: string } }>(
        '/api/reports/stage-durations?range=this-month&department=faults',
      );
    const inUtc = await faults();
    expect(inUtc.range.from).toBe('2026-03-01T00:00:00.000Z');
    expect(inUtc.groups.map((g) => [g.count, g.meanMs])).toEqual([[1, 120 * MIN]]); // only the 31 March stage

    await h.t.db
      .update(calendars)
      .set({ spec: { timeZone: 'Asia/Shanghai', week: {} } })
      .where(eq(calendars.key, 'office'));
    const inShanghai = await faults();
    expect(inShanghai.range).toMatchObject({ from: '2026-02-28T16:00:00.000Z', timeZone: 'Asia/Shanghai' });
    expect(inShanghai.groups.map((g) => [g.count, g.meanMs])).toEqual([[1, 60 * MIN]]); // only the 1 March (local) stage
    const lastMonthShanghai = await get<{ groups: Group[] }>(
      '/api/reports/stage-durations?range=last-month&department=faults',
    );
    expect(lastMonthShanghai.groups).toEqual([]);
    await h.t.db
      .update(calendars)
      .set({ spec: { timeZone: 'UTC', week: {} } })
      .where(eq(calendars.key, 'office'));
    const lastMonthUtc = await get<{ groups: Group[] }>(
      '/api/reports/stage-durations?range=last-month&department=faults',
    );
    expect(lastMonthUtc.groups.map((g) => g.count)).toEqual([1]);
  });

  it('refuses bad ranges and parameters with 422, never 5xx', async () => {
    for (const query of [
      'range=custom&from=2026-03-05',
      'range=custom&from=2026-03-05&to=2026-03-01',
      'range=fortnight',
      'by=ticket',
      "range=custom&from=2026-03-01'--&to=2026-03-02",
    ]) {
      const res = await h.call('admin', 'GET', `/api/reports/stage-durations?${query}`);
      expect([query, (await problemOf(res)).code]).toEqual([query, 'validation-failed']);
    }
  });
});

describe('report access', () => {
  it('gives a manager without memberships (as the seed makes one) every department', async () => {
    // The seed's manager@baton.local belongs to no department.
    const token = newSecret('bt_');
    await h.t.db
      .insert(users)
      .values({ id: 'u-floating', email: 'floating@example.test', name: 'Floating', roles: ['manager'] });
    await h.t.db
      .insert(apiTokens)
      .values({ id: 'tok-floating', userId: 'u-floating', name: 't', tokenHash: sha256(token) });
    const asFloating = (path: string) =>
      h.app.request(path, { headers: { authorization: `Bearer ${token}` } });
    for (const path of [
      day('2026-03-03'),
      '/api/reports/handoffs',
      '/api/reports/sla',
      '/api/stages/stuck',
      '/api/flow-versions/call-v1/heatmap',
    ]) {
      expect([path, (await asFloating(path)).status]).toEqual([path, 200]);
    }
    const durations = (await (await asFloating(day('2026-03-03'))).json()) as { groups: Group[] };
    expect(durations.groups.map((g) => g.department)).toEqual(['refunds', 'support']);
    expect((await asFloating(day('2026-03-03', '&department=faults'))).status).toBe(200);
  });

  it('gives a manager whom an admin limited to their memberships those departments only', async () => {
    const token = newSecret('bt_');
    await h.t.db.insert(users).values({
      id: 'u-scoped',
      email: 'scoped@example.test',
      name: 'Scoped',
      roles: ['manager'],
      managerScope: 'memberships',
    });
    await h.t.db.insert(memberships).values({ userId: 'u-scoped', departmentKey: 'refunds' });
    await h.t.db
      .insert(apiTokens)
      .values({ id: 'tok-scoped', userId: 'u-scoped', name: 't', tokenHash: sha256(token) });
    const asScoped = (path: string) => h.app.request(path, { headers: { authorization: `Bearer ${token}` } });
    const durations = (await (await asScoped(day('2026-03-03'))).json()) as { groups: Group[] };
    expect(durations.groups.map((g) => g.department)).toEqual(['refunds']);
    expect((await asScoped(day('2026-03-03', '&department=refunds'))).status).toBe(200);
    const refused = await problemOf(await asScoped(day('2026-03-03', '&department=support')));
    expect([refused.status, refused.detail]).toEqual([403, "you do not lead or manage department 'support'"]);
  });

  it('gives managers every department and leads the departments they lead', async () => {
    const mine = await get<{ groups: Group[] }>(day('2026-03-03'), 'manager');
    expect(mine.groups.map((g) => g.department)).toEqual(['refunds', 'support']);
    expect((await h.call('manager', 'GET', day('2026-03-03', '&department=refunds'))).status).toBe(200);
    expect((await h.call('agent', 'GET', day('2026-03-03'))).status).toBe(403);
    expect((await h.call('lead', 'GET', day('2026-03-03', '&department=refunds'))).status).toBe(403);
    const lead = await get<{ groups: Group[] }>(day('2026-03-03'), 'lead');
    expect(lead.groups.map((g) => g.department)).toEqual(['support']);
    const developer = await get<{ groups: Group[] }>(day('2026-03-03'), 'developer');
    expect(developer.groups.map((g) => g.department)).toEqual(['refunds', 'support']);
  });
});

describe('handoffs', () => {
  it('counts department changes within a ticket and the gap between close and next open', async () => {
    const { handoffs } = await get<{
      handoffs: {
        fromDepartment: string;
        toDepartment: string;
        count: number;
        gapMeanMs: number;
        gapP50Ms: number;
        gapP90Ms: number;
      }[];
    }>('/api/reports/handoffs?range=custom&from=2026-03-10&to=2026-03-10');
    expect(handoffs).toEqual([
      // gaps 30 and 60 min: p90 = 30 + 0.9 * 30
      {
        fromDepartment: 'support',
        toDepartment: 'refunds',
        count: 2,
        gapMeanMs: 45 * MIN,
        gapP50Ms: 45 * MIN,
        gapP90Ms: 57 * MIN,
        pickupP50Ms: null,
        pickupP90Ms: null,
      },
      {
        fromDepartment: 'refunds',
        toDepartment: 'support',
        count: 1,
        gapMeanMs: 5 * MIN,
        gapP50Ms: 5 * MIN,
        gapP90Ms: 5 * MIN,
        pickupP50Ms: null,
        pickupP90Ms: null,
      },
    ]);
  });

  it('says how long the receiving department took to pick a handed-over ticket up', async () => {
    const { handoffs } = await get<{ handoffs: Record<string, unknown>[] }>(
      '/api/reports/handoffs?range=custom&from=2026-03-11&to=2026-03-11',
    );
    // Claimed 20 and 40 min after opening: p50 30, p90 20 + 0.9 * 20.
    expect(handoffs).toEqual([
      {
        fromDepartment: 'support',
        toDepartment: 'refunds',
        count: 2,
        gapMeanMs: 0,
        gapP50Ms: 0,
        gapP90Ms: 0,
        pickupP50Ms: 30 * MIN,
        pickupP90Ms: 38 * MIN,
      },
    ]);
  });
});

describe('load', () => {
  type Load = {
    departments: Record<string, unknown>[];
    agents: Record<string, unknown>[];
  };

  it('counts open tickets, unassigned and overdue stages now, and stages closed in the range', async () => {
    const load = await get<Load>('/api/reports/load?range=custom&from=2026-03-11&to=2026-03-11');
    expect(load.departments).toEqual([
      { department: 'faults', openTickets: 0, openStages: 0, unassigned: 0, overdue: 0, closed: 0 },
      // Open: h1/3 (unassigned), s1 A (severe, the agent's), B (overdue), D (ok); E is past due.
      { department: 'refunds', openTickets: 1, openStages: 2, unassigned: 2, overdue: 1, closed: 2 },
      { department: 'support', openTickets: 2, openStages: 4, unassigned: 3, overdue: 2, closed: 2 },
    ]);
    // Agents of the departments, busiest first; the lead (an agent too) has nothing.
    expect(load.agents).toEqual([
      { userId: 'u-agent', name: 'agent', openTickets: 1, overdue: 1, closed: 1 },
      { userId: 'u-otherAgent', name: 'otherAgent', openTickets: 0, overdue: 0, closed: 2 },
      { userId: 'u-lead', name: 'lead', openTickets: 0, overdue: 0, closed: 0 },
    ]);
  });

  it('limits a lead to the departments they lead', async () => {
    const load = await get<Load>('/api/reports/load?range=custom&from=2026-03-11&to=2026-03-11', 'lead');
    expect(load.departments.map((d) => d.department)).toEqual(['support']);
    expect(load.agents.map((a) => [a.userId, a.closed])).toEqual([
      ['u-agent', 1],
      ['u-lead', 0],
    ]);
    expect((await h.call('agent', 'GET', '/api/reports/load')).status).toBe(403);
  });
});

describe('SLA targets beside the durations', () => {
  it("lists the targets of each ticket type's latest version, for the departments in scope", async () => {
    const sla = (targetMs: number) => ({
      iso: 'PT1H',
      targetMs,
      calendar: 'office',
      warnAt: 0.8,
      severeAt: 1.3,
    });
    const task = (name: string, department: string, targetMs?: number) => ({
      kind: 'userTask',
      name,
      department,
      ...(targetMs ? { sla: sla(targetMs) } : {}),
    });
    await h.t.db.insert(ticketTypes).values({ id: 'suggest', name: 'suggest' });
    await h.t.db.insert(flowVersions).values([
      {
        id: 'call-v2',
        ticketTypeId: 'call',
        version: 2,
        xml: '<definitions/>',
        compiled: {
          nodes: {
            Task_Handle: task('Handle', 'support', 60 * MIN),
            Task_Refund: task('Refund', 'refunds'),
            Gateway: { kind: 'exclusiveGateway' },
          },
        },
      },
      {
        id: 'suggest-v1',
        ticketTypeId: 'suggest',
        version: 1,
        xml: '<definitions/>',
        compiled: { nodes: { Task_Triage: task('Triage', 'support', 120 * MIN) } },
      },
      {
        id: 'suggest-v2',
        ticketTypeId: 'suggest',
        version: 2,
        xml: '<definitions/>',
        compiled: { nodes: { Task_Triage: task('Triage', 'support', 180 * MIN) } },
      },
    ]);
    const { targets } = await get<{ targets: unknown[] }>(day('2026-03-03'));
    expect(targets).toEqual([
      {
        typeId: 'call',
        flowVersionId: 'call-v2',
        department: 'support',
        elementId: 'Task_Handle',
        task: 'Handle',
        slaTargetMs: 60 * MIN,
        calendar: 'office',
      },
      {
        typeId: 'suggest',
        flowVersionId: 'suggest-v2',
        department: 'support',
        elementId: 'Task_Triage',
        task: 'Triage',
        slaTargetMs: 180 * MIN,
        calendar: 'office',
      },
    ]);
    const ofCall = await get<{ targets: { elementId: string }[] }>(day('2026-03-03', '&typeId=call'));
    expect(ofCall.targets.map((t) => t.elementId)).toEqual(['Task_Handle']);
    const ofRefunds = await get<{ targets: unknown[] }>(day('2026-03-03', '&department=refunds'));
    expect(ofRefunds.targets).toEqual([]);
  });
});

describe('SLA per department', () => {
  it('counts met, warning, overdue and severe closed stages and open breaches', async () => {
    const { departments } = await get<{ departments: Record<string, unknown>[] }>(
      '/api/reports/sla?range=this-month',
    );
    const support = departments.find((d) => d.department === 'support');
    expect(support).toMatchObject({
      withTarget: 4,
      met: 2,
      warning: 1,
      overdue: 1,
      severe: 1,
      attainment: 0.5,
      // Rows recorded before counted time was kept count as met without an extension.
      metAfterExtension: 0,
      originalAttainment: 0.5,
      openOverdueNow: 2,
      openSevereNow: 1,
    });
  });

  it('tells stages that met the original target from those that met it only after an extension', async () => {
    const day = '2026-03-14';
    await insertTicket(h, 'x1');
    /** Closed refunds stage with a 60 min target, +30 min granted, counting `counted` min. */
    const extended = (taskId: string, hour: string, counted: number, slaLevel: 'ok' | 'overdue') => ({
      ticketId: 'x1',
      taskId,
      department: 'refunds',
      enteredAt: `${day}T${hour}:00:00Z`,
      minutes: counted,
      slaLevel,
      slaTargetMinutes: 60,
      slaExtendedMinutes: 30,
      slaConsumedMinutes: counted,
    });
    await insertStages(h, [
      // Met the original target: the extension was granted but not needed.
      extended('in-time', '08', 50, 'ok'),
      // Closed at ok only thanks to the +30 min.
      extended('extended', '09', 80, 'ok'),
      // Overdue even with the extension.
      extended('late', '11', 120, 'overdue'),
    ]);
    try {
      const { departments } = await get<{ departments: Record<string, unknown>[] }>(
        `/api/reports/sla?range=custom&from=${day}&to=${day}`,
      );
      expect(departments.find((d) => d.department === 'refunds')).toMatchObject({
        withTarget: 3,
        met: 2,
        metAfterExtension: 1,
        overdue: 1,
        attainment: 2 / 3,
        originalAttainment: 1 / 3,
      });
    } finally {
      await h.t.db.delete(tickets).where(eq(tickets.id, 'x1'));
    }
  });
});

describe('waiting on customers', () => {
  it("gives each department's and agent's waiting share and flags the one far above its peers", async () => {
    const day = '2026-03-13';
    await insertTicket(h, 'w1');
    /** Six closed one-hour stages, `held` minutes of each on hold. */
    const hours = (department: string, held: number, assigneeId?: string) =>
      Array.from({ length: 6 }, (_, i) => ({
        ticketId: 'w1',
        taskId: `${department}-${assigneeId ?? 'nobody'}-${i}`,
        department,
        enteredAt: `${day}T0${i + 1}:00:00Z`,
        minutes: 60,
        heldMinutes: held,
        ...(assigneeId ? { assigneeId } : {}),
      }));
    await insertStages(h, [
      ...hours('refunds', 6, 'u-agent'),
      ...hours('refunds', 36, 'u-otherAgent'),
      ...hours('support', 3),
    ]);
    try {
      type Figures = {
        stages: number;
        held: number;
        waitingMs: number;
        waitingShare: number;
        outlier: boolean;
      };
      const report = await get<{
        departments: (Figures & { department: string })[];
        agents: (Figures & { department: string; userId: string })[];
      }>(`/api/reports/waiting?range=custom&from=${day}&to=${day}`);
      expect(report.departments.map((d) => [d.department, d.stages, d.waitingShare, d.outlier])).toEqual([
        ['refunds', 12, 0.35, true],
        ['support', 6, 0.05, false],
      ]);
      expect(
        report.agents.map((a) => [a.department, a.userId, a.waitingMs, a.waitingShare, a.outlier]),
      ).toEqual([
        ['refunds', 'u-otherAgent', 216 * MIN, 0.6, true],
        ['refunds', 'u-agent', 36 * MIN, 0.1, false],
      ]);
      // A lead of support sees support only.
      const lead = await get<{ departments: { department: string }[] }>(
        `/api/reports/waiting?range=custom&from=${day}&to=${day}`,
        'lead',
      );
      expect(lead.departments.map((d) => d.department)).toEqual(['support']);
    } finally {
      await h.t.db.delete(tickets).where(eq(tickets.id, 'w1'));
    }
  });
});

describe('stuck stages', () => {
  it('lists open stages at or past a level, most overdue first, with assignee and age', async () => {
    const overdue = await get<{
      items: {
        taskId: string;
        overdueRatio: number;
        slaLevel: string;
        ageMs: number;
        assignee: unknown;
        globalTaskId: string;
      }[];
    }>('/api/stages/stuck?level=overdue');
    expect(overdue.items.map((s) => [s.taskId, s.overdueRatio])).toEqual([
      ['B', 2],
      ['E', 1.5],
      ['A', 4 / 3],
    ]);
    expect(overdue.items[1]?.slaLevel).toBe('overdue');
    expect(overdue.items[2]).toMatchObject({
      ageMs: 4 * 60 * MIN,
      assignee: { id: 'u-agent', name: 'agent' },
      globalTaskId: 's1.A',
    });
    const warning = await get<{ items: { taskId: string }[] }>('/api/stages/stuck?level=warning');
    expect(warning.items.map((s) => s.taskId)).toEqual(['B', 'E', 'A', 'C']);
    const severe = await get<{ items: { taskId: string }[] }>('/api/stages/stuck?level=severe');
    expect(severe.items.map((s) => s.taskId)).toEqual(['A']);
    // A department lead sees the stuck stages of the department they lead.
    const lead = await get<{ items: { taskId: string }[] }>('/api/stages/stuck?level=warning', 'lead');
    expect(lead.items.map((s) => s.taskId)).toEqual(['B', 'A']);
    const manager = await get<{ items: { taskId: string }[] }>(
      '/api/stages/stuck?level=warning',
      'otherManager',
    );
    expect(manager.items.map((s) => s.taskId)).toEqual(['B', 'E', 'A', 'C']);
  });
});

describe('heatmap', () => {
  it('gives open, done, p50, p90 and overdue per element of a flow version', async () => {
    const { elements } = await get<{ elements: Record<string, unknown>[] }>(
      '/api/flow-versions/call-v1/heatmap?range=custom&from=2026-03-10&to=2026-03-10',
    );
    // Task_Handle on 10 March: closed 60, 90, 20, 10, 20, 10 min; open: h1/3 plus the five stuck stages (any date).
    const handle = elements.find((e) => e.elementId === 'Task_Handle');
    expect(handle).toMatchObject({ openNow: 6, done: 6, p50Ms: 20 * MIN, p90Ms: 75 * MIN, overdue: 2 });
    expect((await h.call('admin', 'GET', '/api/flow-versions/nope/heatmap')).status).toBe(404);
  });
});
