// Reports against hand-computed expectations on stages inserted directly.
import { calendars } from '@baton/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  histogram: { key: string; count: number }[];
  sla: { withTarget: number; met: number; attainment: number | null };
};

beforeAll(async () => {
  // No BATON_TIME_ZONE: the default calendar's zone decides (changed by one test below).
  h = await createHarness({ runtime: idleRuntime(), config: { now: () => now, timeZone: undefined } });
  await h.t.db
    .insert(calendars)
    .values({ key: 'office', name: 'Office', isDefault: true, spec: { timeZone: 'UTC', week: {} } });
  await insertTicketType(h);
  for (const id of ['d1', 'd2', 'h1', 'h2', 'h3', 'b1', 's1']) await insertTicket(h, id);

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
  it('limits managers to their departments and leads to the departments they lead', async () => {
    const mine = await get<{ groups: Group[] }>(day('2026-03-03'), 'manager');
    expect(mine.groups.map((g) => g.department)).toEqual(['support']);
    expect((await h.call('manager', 'GET', day('2026-03-03', '&department=refunds'))).status).toBe(403);
    expect((await h.call('agent', 'GET', day('2026-03-03'))).status).toBe(403);
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
      },
      {
        fromDepartment: 'refunds',
        toDepartment: 'support',
        count: 1,
        gapMeanMs: 5 * MIN,
        gapP50Ms: 5 * MIN,
        gapP90Ms: 5 * MIN,
      },
    ]);
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
      openOverdueNow: 2,
      openSevereNow: 1,
    });
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
    const managers = await get<{ items: { taskId: string }[] }>(
      '/api/stages/stuck?level=warning',
      'otherManager',
    );
    expect(managers.items.map((s) => s.taskId)).toEqual(['E', 'C']);
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
