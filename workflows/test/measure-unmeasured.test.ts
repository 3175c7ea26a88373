// Tickets written before their clocks were stored (here the demo history, inserted in SQL) are
// measured by one background pass; a second pass finds nothing left, and the stored clocks are
// what the detail measures.
import { seedDatabase, seedHistory } from '@baton/db';
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { compileFlow } from '@baton/engine';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureUnmeasuredClocks } from '../src/timing/measure-unmeasured.js';

const NOW = Date.parse('2026-03-20T12:00:00Z');
const log = pino({ level: 'silent' });
let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedDatabase(t.db, { compile: compileFlow });
  await seedHistory(t.db, { now: NOW, days: 14 });
}, 120_000);
afterAll(() => t?.drop());

describe('measuring the clocks of earlier tickets', () => {
  it('stores both built-in clocks of every ticket once, and a second pass measures none', async () => {
    const { rows: before } = await t.pool.query<{ n: number }>(
      'select count(*)::int as n from ticket_clocks',
    );
    expect(before[0]!.n).toBe(0);
    const { rows: tickets } = await t.pool.query<{ n: number }>('select count(*)::int as n from tickets');
    expect(tickets[0]!.n).toBeGreaterThan(20);

    const first = await measureUnmeasuredClocks(t.db, { now: () => NOW, log, batch: 7 });
    expect(first.tickets).toBe(tickets[0]!.n);
    const { rows } = await t.pool.query<{ rule_key: string; n: number; stopped: number; met: number }>(
      `select rule_key, count(*)::int as n, count(*) filter (where state = 'stopped')::int as stopped,
              count(*) filter (where met)::int as met
         from ticket_clocks group by rule_key order by rule_key`,
    );
    expect(rows.map((r) => [r.rule_key, r.n])).toEqual([
      ['first-response', tickets[0]!.n],
      ['resolution', tickets[0]!.n],
    ]);
    // The demo history has done tickets, some within their resolution target and some not.
    const resolution = rows.find((r) => r.rule_key === 'resolution')!;
    expect(resolution.stopped).toBeGreaterThan(0);
    expect(resolution.met).toBeGreaterThan(0);
    expect(resolution.met).toBeLessThan(resolution.stopped);

    expect((await measureUnmeasuredClocks(t.db, { now: () => NOW, log })).tickets).toBe(0);
  });

  it('does not measure again a ticket whose measure left no clock row (no rule times it)', async () => {
    // Such a ticket, as a rule that does not time its priority leaves it: measured, no rows.
    const { rows } = await t.pool.query<{ ticket_id: string }>(
      `delete from ticket_clocks where ticket_id = (select min(id) from tickets) returning ticket_id`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect((await measureUnmeasuredClocks(t.db, { now: () => NOW, log })).tickets).toBe(0);
    // A ticket never measured (its mark cleared) is measured by the next pass, and only it.
    await t.pool.query('update tickets set clocks_measured_at = null where id = $1', [rows[0]!.ticket_id]);
    expect((await measureUnmeasuredClocks(t.db, { now: () => NOW, log })).tickets).toBe(1);
    const { rows: back } = await t.pool.query<{ n: number }>(
      'select count(*)::int as n from ticket_clocks where ticket_id = $1',
      [rows[0]!.ticket_id],
    );
    expect(back[0]!.n).toBe(2);
  });
});
