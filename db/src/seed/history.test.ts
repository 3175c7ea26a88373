// The demo history: deterministic, consistent with the seeded flows and the engine's rules, large
// enough for a real-looking month, with stages overdue now; and seedHistory writes it once, fast.
import { compileFlow, type Flow, type UserTaskNode } from '@baton/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing.js';
import { SEED_CALENDARS, SEED_TICKET_TYPES } from './data.js';
import {
  generateHistory,
  HISTORY_IMPORTED_FROM,
  scenarioMismatches,
  type History,
  type HistoryInput,
} from './history.js';
import { SCENARIOS } from './history-scenario.js';
import { readSeedFlow, seedDatabase } from './seed.js';
import { DEFAULT_HISTORY_SEED, seedHistory } from './seed-history.js';

const NOW = Date.parse('2026-12-02T06:30:00Z'); // a Wednesday, 14:30 in Shanghai
const DAY = 86_400_000;
const calendars = Object.fromEntries(SEED_CALENDARS.map((c) => [c.key, c.spec]));

let input: HistoryInput;
let history: History;

beforeAll(async () => {
  const types: HistoryInput['types'] = [];
  for (const scenario of SCENARIOS) {
    const type = SEED_TICKET_TYPES.find((t) => t.id === scenario.typeId)!;
    const compiled = await compileFlow(await readSeedFlow(type.flowFile), { calendars });
    if (!compiled.ok) throw new Error(`${type.id} does not compile`);
    types.push({ scenario, flowVersionId: `fv_${type.id}_1`, flow: compiled.flow });
  }
  const agents = {
    support: ['a1', 'a2'],
    refunds: ['r1'],
    faults: ['f1'],
    'after-sales': ['s1'],
    callback: ['c1'],
    product: ['p1'],
    'product-managers': ['m1', 'm2'],
  };
  input = { now: NOW, days: 395, seed: DEFAULT_HISTORY_SEED, types, agents };
  history = generateHistory(input);
});

describe('generateHistory', () => {
  it('gives the same rows for the same input', () => {
    expect(generateHistory(input)).toEqual(history);
    expect(generateHistory({ ...input, seed: DEFAULT_HISTORY_SEED + 1 }).tickets[0]).not.toEqual(
      history.tickets[0],
    );
  });

  it('has thousands of closed stages in every month of the last 13', () => {
    const closed = history.stages.filter((s) => s.closedAt !== null);
    expect(closed.length).toBeGreaterThan(8_000);
    const perMonth = new Map<string, number>();
    for (const s of closed) {
      const month = new Date(s.closedAt!).toISOString().slice(0, 7);
      perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
    }
    const months = [...perMonth.keys()].sort();
    expect(months[0]).toBe('2025-11');
    expect(months.at(-1)).toBe('2026-12');
    // Every whole month from December 2025 to November 2026 is a real month's work.
    for (const month of months.slice(1, -1))
      expect([month, perMonth.get(month)! > 500]).toEqual([month, true]);
  });

  it('fits the seeded flows, and says where an edited flow does not', () => {
    for (const type of input.types) expect(scenarioMismatches(type.scenario, type.flow)).toEqual([]);
    const callCentre = input.types[0]!;
    const { Task_Refund: _gone, ...nodes } = callCentre.flow.nodes;
    expect(scenarioMismatches(callCentre.scenario, { ...callCentre.flow, nodes })).toEqual([
      'Task_Refund is not a user task',
      'department refunds has no entry task',
    ]);
  });

  it('uses only user tasks of the deployed flows, in their departments, with their targets', () => {
    const flows = new Map(input.types.map((t) => [t.flowVersionId, t.flow] as const));
    const ticketOf = new Map(history.tickets.map((t) => [t.id, t]));
    for (const stage of history.stages) {
      const flow = flows.get(ticketOf.get(stage.ticketId)!.flowVersionId) as Flow;
      const node = flow.nodes[stage.elementId] as UserTaskNode;
      expect(node.kind).toBe('userTask');
      expect([stage.elementId, stage.department, stage.name, stage.slaTargetMs]).toEqual([
        stage.elementId,
        node.department,
        node.name,
        node.sla?.targetMs,
      ]);
      expect(input.agents[node.department as keyof typeof input.agents]).toContain(stage.assigneeId);
    }
  });

  it('follows the engine: durations in business time, levels from the target, a stage per timeline entry', () => {
    const closed = history.stages.filter((s) => s.closedAt !== null);
    for (const s of closed) {
      expect(s.totalMs).toBe(s.closedAt! - s.enteredAt);
      expect(s.businessTotalMs!).toBeLessThanOrEqual(s.totalMs!);
      // The clock stops on hold: the level is of the time counted, the hold apart.
      expect(s.heldMs).toBeLessThanOrEqual(s.totalMs!);
      expect(s.businessHeldMs).toBeLessThanOrEqual(s.businessTotalMs!);
      const ratio = (s.businessTotalMs! - s.businessHeldMs!) / s.slaTargetMs!;
      const level = ratio >= 1.3 ? 'severe' : ratio >= 1 ? 'overdue' : ratio >= 0.8 ? 'warning' : 'ok';
      expect(s.slaLevel).toBe(level);
    }
    const closedEntries = history.events.filter((e) => e.type === 'stage.closed');
    expect(closedEntries).toHaveLength(closed.length);
    expect(history.events.filter((e) => e.type === 'stage.opened')).toHaveLength(history.stages.length);
    // Per ticket: steps numbered 1..lastSeq in time order.
    const byTicket = new Map<string, History['events']>();
    for (const e of history.events) byTicket.set(e.ticketId, [...(byTicket.get(e.ticketId) ?? []), e]);
    for (const ticket of history.tickets) {
      const events = byTicket.get(ticket.id)!;
      const seqs = [...new Set(events.map((e) => e.seq))];
      expect(seqs).toEqual(Array.from({ length: ticket.lastSeq }, (_, i) => i + 1));
      const times = events.map((e) => e.at);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(ticket.status === 'done').toBe(ticket.closedAt !== null);
    }
  });

  it('puts some stages on hold before they close, one agent per department far more than the others', () => {
    const closed = history.stages.filter((s) => s.closedAt !== null);
    const held = closed.filter((s) => s.heldMs! > 0);
    expect(held.length / closed.length).toBeGreaterThan(0.05);
    expect(held.length / closed.length).toBeLessThan(0.3);
    expect(history.events.filter((e) => e.type === 'task.held')).toHaveLength(held.length);
    expect(history.events.filter((e) => e.type === 'task.resumed')).toHaveLength(held.length);
    const shareOf = (stages: typeof closed) =>
      stages.reduce((sum, s) => sum + s.heldMs!, 0) / stages.reduce((sum, s) => sum + s.totalMs!, 0);
    const support = closed.filter((s) => s.department === 'support' && s.assigneeId !== null);
    const first = support.filter((s) => s.assigneeId === input.agents.support![0]);
    const others = support.filter((s) => s.assigneeId !== input.agents.support![0]);
    expect(shareOf(first)).toBeGreaterThan(2 * shareOf(others));
  });

  it('leaves stages open now, some of them overdue, for the stuck list', () => {
    const open = history.stages.filter((s) => s.closedAt === null);
    const overdue = open.filter((s) => s.dueAt! <= NOW);
    expect(overdue.length).toBeGreaterThanOrEqual(8);
    expect(overdue.every((s) => s.slaLevel === 'overdue' || s.slaLevel === 'severe')).toBe(true);
    expect(open.length).toBeLessThan(200);
    expect(history.stages.every((s) => s.enteredAt <= NOW && (s.closedAt ?? 0) <= NOW)).toBe(true);
  });
});

describe('seedHistory', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDatabase(t.db, { compile: compileFlow });
  });
  afterAll(() => t?.drop());

  it('writes the history once, in a few seconds, and a second run changes nothing', async () => {
    const summary = await seedHistory(t.db, { now: NOW, days: 395, seed: DEFAULT_HISTORY_SEED });
    if (!('tickets' in summary)) throw new Error(`skipped: ${summary.skipped}`);
    expect(summary.stages).toBeGreaterThan(8_000);
    // A few seconds (about 2.5 s on a busy 2-core machine); the bound leaves room for a whole test run beside it.
    expect(summary.ms).toBeLessThan(15_000);
    const counts = async () =>
      (
        await t.pool.query<{ tickets: number; stages: number; events: number }>(
          `select (select count(*) from tickets)::int as tickets, (select count(*) from stages)::int as stages,
             (select count(*) from ticket_events)::int as events`,
        )
      ).rows[0];
    expect(await counts()).toEqual({
      tickets: summary.tickets,
      stages: summary.stages,
      events: summary.events,
    });
    expect(await seedHistory(t.db, { now: NOW + DAY })).toEqual({ skipped: 'the history is already there' });
    expect(await counts()).toEqual({
      tickets: summary.tickets,
      stages: summary.stages,
      events: summary.events,
    });
    // Imported, every one: no engine runs them, so no task of theirs offers an action.
    const runless = await t.pool.query<{ imported: number }>(
      'select count(*)::int as imported from tickets where imported_from = $1',
      [HISTORY_IMPORTED_FROM],
    );
    expect(runless.rows[0]?.imported).toBe(summary.tickets);
    // The timeline is written without its row triggers: its foreign key holds all the same.
    const orphans = await t.pool.query<{ n: number }>(
      'select count(*)::int as n from ticket_events e where not exists (select 1 from tickets k where k.id = e.ticket_id)',
    );
    expect(orphans.rows[0]?.n).toBe(0);
    // The stages' own triggers ran: every day with closed stages is queued for its rollup.
    const days = await t.pool.query<{ missing: number }>(
      `select count(*)::int as missing from (select distinct (closed_at at time zone 'UTC')::date as day from stages
         where closed_at is not null) d where not exists (select 1 from stage_day_changes c where c.day = d.day)`,
    );
    expect(days.rows[0]?.missing).toBe(0);
    // Ticket numbers follow creation times.
    const { rows } = await t.pool.query<{ out_of_order: number }>(
      `select count(*)::int as out_of_order from (
         select created_at < lag(created_at) over (order by number) as earlier from tickets) x where earlier`,
    );
    expect(rows[0]?.out_of_order).toBe(0);
  });
});
