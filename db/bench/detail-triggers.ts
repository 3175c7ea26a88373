// What the detail-version triggers (migration 0004) cost writers: a read-model step shaped like
// recordStep's (lock the ticket, update it, upsert a stage, insert two timeline entries, in one
// transaction) and a bulk insert of 100,000 stages, with the triggers and without, alternating.
//   cd db && npx tsx bench/detail-triggers.ts
import { createTestDatabase } from '../src/testing.js';
import setupTestServer from '../src/testing/global-setup.js';

const STEPS = 2_000;
const ROUNDS = 3;
const TRIGGERS = [
  'stages stages_detail_changed',
  'ticket_events ticket_events_detail_changed',
  'tickets tickets_detail_version',
];

const release = await setupTestServer();
const t = await createTestDatabase();
const q = (text: string, values: unknown[] = []) => t.pool.query(text, values);
const setTriggers = (enabled: boolean) =>
  q(
    TRIGGERS.map((pair) => {
      const [table, trigger] = pair.split(' ');
      return `alter table ${table} ${enabled ? 'enable' : 'disable'} trigger ${trigger}`;
    }).join(';'),
  );

async function stepMicros(firstSeq: number): Promise<number> {
  const c = await t.pool.connect();
  const started = performance.now();
  for (let i = 0; i < STEPS; i++) {
    const id = `T${1 + (i % 200)}`;
    const seq = firstSeq + i;
    await c.query('begin');
    await c.query('select last_seq from tickets where id = $1 for update', [id]);
    await c.query('update tickets set updated_at = now(), last_seq = greatest(last_seq, $2) where id = $1', [
      id,
      seq,
    ]);
    await c.query(
      `insert into stages (ticket_id, task_id, element_id, name, department_key, entered_at)
       values ($1, $2, 'Task', 'Task', 'support', now())
       on conflict (ticket_id, task_id) do update set name = excluded.name`,
      [id, `t${seq % 3}`],
    );
    await c.query(
      `insert into ticket_events (ticket_id, seq, ord, type, at) values ($1, $2, 0, 'a', now()), ($1, $2, 1, 'b', now())`,
      [id, seq],
    );
    await c.query('commit');
  }
  c.release();
  return ((performance.now() - started) * 1000) / STEPS;
}

async function bulkMillis(): Promise<number> {
  await q("delete from stages where ticket_id like 'B%'");
  const started = performance.now();
  await q(`insert into stages (ticket_id, task_id, element_id, name, department_key, entered_at)
    select 'B' || (g / 5 + 1), 't' || (g % 5), 'Task', 'Task', 'support', now() from generate_series(0, 99999) g`);
  return performance.now() - started;
}

try {
  await q(`insert into departments (key, name) values ('support', 'Support');
    insert into ticket_types (id, name) values ('tt', 'Type');
    insert into flow_versions (id, ticket_type_id, version, xml, compiled) values ('fv', 'tt', 1, '<x/>', '{}');
    insert into tickets (id, type_id, flow_version_id, title)
      select 'T' || g, 'tt', 'fv', 'Ticket' from generate_series(1, 200) g
      union all select 'B' || g, 'tt', 'fv', 'Bulk' from generate_series(1, 20000) g;`);
  await stepMicros(1_000_000); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    const withSteps = await stepMicros(round * 2 * STEPS);
    const withBulk = await bulkMillis();
    await setTriggers(false);
    const withoutSteps = await stepMicros((round * 2 + 1) * STEPS);
    const withoutBulk = await bulkMillis();
    await setTriggers(true);
    console.log(
      `round ${round + 1}: read-model step ${withSteps.toFixed(0)} µs with the triggers, ${withoutSteps.toFixed(0)} µs without; ` +
        `100,000-stage insert ${withBulk.toFixed(0)} ms with, ${withoutBulk.toFixed(0)} ms without`,
    );
  }
} finally {
  await t.drop();
  await release();
}
