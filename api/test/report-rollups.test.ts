// Stage-duration reports over rolled-up days agree with the exact report over the same stages:
// counts, means, bands and SLA figures exactly, percentiles within the sketch's 0.5 %.
import { calendars } from '@baton/db';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_RELATIVE_ERROR } from '../src/reports/duration-sketch.js';
import type { DurationGroup } from '../src/reports/stage-durations.js';
import { scheduleStageRollups } from '../src/reports/rollup-schedule.js';
import { compactStageDays, currentRollupDays } from '../src/reports/stage-rollups.js';
import { insertStages, insertTicket, insertTicketType, type StageSpec } from './fixtures.js';
import { createHarness, type Harness } from './harness.js';
import { idleRuntime } from './idle-runtime.js';

let h: Harness;
const DEPARTMENTS = ['support', 'refunds', 'faults', null];
const ELEMENTS = ['Task_Triage', 'Task_Refund', 'Task_Reply'];
const LEVELS = ['ok', 'warning', 'overdue', 'severe'] as const;

/**
 * A deterministic spread of stages closed on `day` (UTC), whole minutes from 0 to 5 days: every
 * band. Most spent part of it on hold; every fifth has no held time recorded (unknown).
 */
function stagesOn(day: string, ticketId: string, count: number, seed: number): StageSpec[] {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: count }, (_, i) => {
    const minutes = Math.round(next() ** 3 * 5 * 24 * 60);
    const closedAt = Date.parse(`${day}T00:00:00Z`) + Math.floor(next() * 86_400_000);
    const businessMinutes = Math.round(minutes * next());
    const heldMinutes = Math.round(minutes * next() * 0.6);
    const held =
      i % 5 === 0
        ? {}
        : { heldMinutes, businessHeldMinutes: Math.min(businessMinutes, Math.round(heldMinutes * next())) };
    return {
      ticketId,
      taskId: `${ticketId}-${i}`,
      department: DEPARTMENTS[i % DEPARTMENTS.length]!,
      elementId: ELEMENTS[i % ELEMENTS.length],
      name: ELEMENTS[i % ELEMENTS.length]!.replace('Task_', ''),
      enteredAt: new Date(closedAt - minutes * 60_000).toISOString(),
      minutes,
      businessMinutes,
      ...held,
      ...(i % 3 === 0 ? {} : { slaTargetMinutes: 240, slaLevel: LEVELS[i % LEVELS.length] }),
    };
  });
}

beforeAll(async () => {
  h = await createHarness({
    runtime: idleRuntime(),
    config: { now: () => Date.parse('2026-03-20T12:00:00Z') },
  });
  await h.t.db
    .insert(calendars)
    .values({ key: 'office', name: 'Office', isDefault: true, spec: { timeZone: 'UTC', week: {} } });
  await insertTicketType(h);
  await insertTicketType(h, 'other');
  for (const [i, day] of ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'].entries()) {
    await insertTicket(h, `r${i}`);
    await insertTicket(h, `o${i}`, { typeId: 'other', flowVersionId: 'other-v1' });
    await insertStages(h, stagesOn(day, `r${i}`, 150, 17 + i));
    await insertStages(h, stagesOn(day, `o${i}`, 40, 91 + i));
  }
});
afterAll(() => h?.close());

const report = async (query: string): Promise<DurationGroup[]> => {
  const res = await h.call('admin', 'GET', `/api/reports/stage-durations?${query}`);
  if (res.status !== 200) throw new Error(`${query}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { groups: DurationGroup[] }).groups;
};

function expectSameReport(rolled: DurationGroup[], exact: DurationGroup[]) {
  expect(rolled.map((g) => [g.department, g.elementId ?? null, g.task ?? null])).toEqual(
    exact.map((g) => [g.department, g.elementId ?? null, g.task ?? null]),
  );
  rolled.forEach((group, i) => {
    const truth = exact[i]!;
    expect(group.count).toBe(truth.count);
    expect(group.histogram).toEqual(truth.histogram);
    expect(group.sla).toEqual(truth.sla);
    expect(group.meanMs).toBeCloseTo(truth.meanMs, 3);
    for (const p of ['p50Ms', 'p90Ms', 'p99Ms'] as const)
      expect(Math.abs(group[p] - truth[p])).toBeLessThanOrEqual(truth[p] * MAX_RELATIVE_ERROR + 1e-6);
  });
}

const QUERIES = [
  'range=custom&from=2026-03-01&to=2026-03-31',
  'range=custom&from=2026-03-01&to=2026-03-31&by=task&clock=business',
  'range=custom&from=2026-03-01&to=2026-03-31&department=refunds&typeId=other',
  // Partial days at both ends: 05:00 on the 2nd to 17:00 on the 4th (UTC+8 days in Shanghai).
  'range=custom&from=2026-03-02T05:00:00Z&to=2026-03-04T17:00:00Z',
  // Work and waiting time (elapsed minus held, held), on both clocks.
  'range=custom&from=2026-03-01&to=2026-03-31&measure=work',
  'range=custom&from=2026-03-01&to=2026-03-31&by=task&clock=business&measure=waiting',
  'range=custom&from=2026-03-02T05:00:00Z&to=2026-03-04T17:00:00Z&clock=business&measure=work',
  'range=custom&from=2026-03-01&to=2026-03-31&by=task&measure=waiting',
];

describe('stage rollups', () => {
  it('answers from rollups what the exact report answers from stages', async () => {
    const exact = await Promise.all(QUERIES.map(report));
    expect(exact[0]!.reduce((n, g) => n + g.count, 0)).toBe(4 * 190);
    // Work is below elapsed where stages waited, and waiting is what is left.
    const [elapsed, work, waiting] = [exact[0]!, exact[4]!, await report(`${QUERIES[0]}&measure=waiting`)];
    elapsed.forEach((group, i) => {
      expect(work[i]!.count).toBe(group.count);
      expect(work[i]!.meanMs).toBeLessThan(group.meanMs);
      expect(work[i]!.meanMs + waiting[i]!.meanMs).toBeCloseTo(group.meanMs, 3);
    });

    const compacted = await compactStageDays(h.t.pool, new Date('2026-03-20T00:00:00Z'));
    expect(compacted).toEqual({
      days: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'],
      stages: 4 * 190,
    });
    const { rows } = await h.t.pool.query('select count(*)::int as n from stage_rollups');
    expect(rows[0].n).toBeGreaterThan(0);

    const rolled = await Promise.all(QUERIES.map(report));
    rolled.forEach((groups, i) => expectSameReport(groups, exact[i]!));
    // Exact percentiles differ from the sketch's somewhere: the rollups really answered.
    expect(rolled[0]!.some((g, i) => g.p90Ms !== exact[0]![i]!.p90Ms)).toBe(true);
  });

  it('counts a stage written into a rolled-up day at once, and folds it in at the next compaction', async () => {
    await compactStageDays(h.t.pool, new Date('2026-03-20T00:00:00Z'));
    const before = await report(QUERIES[0]!);
    await insertTicket(h, 'late');
    await insertStages(h, [
      // Closes 2026-03-03 12:00 UTC, after almost five days.
      {
        ticketId: 'late',
        taskId: 'x',
        department: 'faults',
        enteredAt: '2026-02-26T19:20:00Z',
        minutes: 7000,
      },
    ]);
    const faults = (groups: DurationGroup[]) => groups.find((g) => g.department === 'faults')!;
    const withLate = await report(QUERIES[0]!);
    expect(faults(withLate).count).toBe(faults(before).count + 1);
    expect(faults(withLate).histogram.find((b) => b.key === 'gt3d')!.count).toBe(
      faults(before).histogram.find((b) => b.key === 'gt3d')!.count + 1,
    );

    expect(await compactStageDays(h.t.pool, new Date('2026-03-20T00:00:00Z'))).toMatchObject({
      days: ['2026-03-03'],
    });
    expectSameReport(await report(QUERIES[0]!), withLate);
    // Deleting the ticket (its stages cascade) marks the day changed again.
    await h.t.pool.query(`delete from tickets where id = 'late'`);
    expect(faults(await report(QUERIES[0]!)).count).toBe(faults(before).count);
  });

  it('leaves days that have not ended yet to the stages, and skips while another compactor runs', async () => {
    await insertTicket(h, 'today');
    await insertStages(h, [
      {
        ticketId: 'today',
        taskId: 'x',
        department: 'support',
        enteredAt: '2026-03-20T08:00:00Z',
        minutes: 30,
      },
    ]);
    const compacted = await compactStageDays(h.t.pool, new Date('2026-03-20T12:00:00Z'));
    expect(compacted.days).not.toContain('2026-03-20');
    const { rows } = await h.t.pool.query(
      `select count(*)::int as n from stage_day_changes where day = '2026-03-20'`,
    );
    expect(rows[0].n).toBe(1);

    const holder = await h.t.pool.connect();
    try {
      await holder.query("begin; select pg_advisory_xact_lock(hashtext('baton:stage-rollups'))");
      expect(await compactStageDays(h.t.pool, new Date('2026-03-21T00:00:00Z'))).toMatchObject({
        skipped: 'another compactor is running',
      });
      await holder.query('rollback');
    } finally {
      holder.release();
    }
    expect((await compactStageDays(h.t.pool, new Date('2026-03-21T00:00:00Z'))).days).toContain('2026-03-20');
  });

  it('rebuilds changed days in the background of a running server', async () => {
    await insertTicket(h, 'background');
    await insertStages(h, [
      {
        ticketId: 'background',
        taskId: 'x',
        department: 'support',
        enteredAt: '2026-03-12T08:00:00Z',
        minutes: 45,
      },
    ]);
    const logged: { msg: string; days?: number }[] = [];
    const log = pino({ level: 'info' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
    const schedule = scheduleStageRollups(h.t.pool, log, {
      firstAfterMs: 0,
      now: () => Date.parse('2026-03-21T08:00:00Z'),
    });
    // waitFor's default second is short for a loaded CI machine.
    await vi.waitFor(() => expect(logged.map((entry) => entry.msg)).toContain('stage rollups rebuilt'), {
      timeout: 15_000,
    });
    await schedule.stop();
    const from = new Date('2026-03-12T00:00:00Z');
    expect(await currentRollupDays(h.t.pool, from, new Date('2026-03-13T00:00:00Z'))).toEqual(['2026-03-12']);
  });
});
