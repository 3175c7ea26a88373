// seedHistory: writes the generated demo history (history.ts) into a seeded database, so the
// manager's dashboard shows months of figures on a first start. Runs once: a database that holds
// any history ticket is left alone. One transaction of a few multi-row inserts (unnest of arrays),
// so thousands of tickets take a second or two.
import type { Flow } from '@baton/engine';
import type { Logger } from 'pino';
import type { PoolClient } from 'pg';
import type { Database } from '../database.js';
import {
  generateHistory,
  HISTORY_ID_PREFIX,
  HISTORY_IMPORTED_FROM,
  scenarioMismatches,
  type History,
  type HistoryInput,
  type StageRow,
} from './history.js';
import { SCENARIOS } from './history-scenario.js';

export type HistoryOptions = {
  /** End of the history (epoch ms); default: now. */
  now?: number;
  /** Days back; default 395, about 13 months. */
  days?: number;
  seed?: number;
  log?: Logger;
};

export type HistorySummary =
  { tickets: number; stages: number; events: number; ms: number } | { skipped: string };

export const DEFAULT_HISTORY_DAYS = 395;
export const DEFAULT_HISTORY_SEED = 20_240_611;

export async function seedHistory(db: Database, options: HistoryOptions = {}): Promise<HistorySummary> {
  const started = performance.now();
  const pool = db.$client;
  const { rows: present } = await pool.query<{ found: boolean }>(
    `select exists (select 1 from tickets where id like $1) as found`,
    [`${HISTORY_ID_PREFIX}%`],
  );
  if (present[0]?.found) return { skipped: 'the history is already there' };

  const { rows: versions } = await pool.query<{ id: string; type_id: string; compiled: Flow }>(
    `select distinct on (ticket_type_id) id, ticket_type_id as type_id, compiled from flow_versions
     where ticket_type_id = any($1::text[]) order by ticket_type_id, version desc`,
    [SCENARIOS.map((s) => s.typeId)],
  );
  const types: HistoryInput['types'] = [];
  for (const scenario of SCENARIOS) {
    const version = versions.find((v) => v.type_id === scenario.typeId);
    const mismatches = version ? scenarioMismatches(scenario, version.compiled) : ['no deployed version'];
    if (mismatches.length > 0) {
      options.log?.warn(
        { ticketTypeId: scenario.typeId, mismatches },
        'no demo history for this ticket type',
      );
      continue;
    }
    types.push({ scenario, flowVersionId: version!.id, flow: version!.compiled });
  }
  if (types.length === 0) return { skipped: 'none of the seeded flows is deployed as the history expects' };

  const { rows: members } = await pool.query<{ department: string; user_id: string }>(
    `select m.department_key as department, u.id as user_id from memberships m join users u on u.id = m.user_id
     where u.active and 'agent' = any(u.roles) order by 1, 2`,
  );
  const agents: Record<string, string[]> = {};
  for (const m of members) (agents[m.department] ??= []).push(m.user_id);

  const history = generateHistory({
    now: options.now ?? Date.now(),
    days: options.days ?? DEFAULT_HISTORY_DAYS,
    seed: options.seed ?? DEFAULT_HISTORY_SEED,
    types,
    agents,
  });
  const client = await pool.connect();
  try {
    await client.query('begin');
    await insertHistory(client, history);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  return {
    tickets: history.tickets.length,
    stages: history.stages.length,
    events: history.events.length,
    ms: Math.round(performance.now() - started),
  };
}

type Column<Row> = [name: string, type: string, value: (row: Row) => unknown];

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const json = (value: unknown) => JSON.stringify(value);
/** Rows per statement: a few MB of parameters at most. */
const BATCH = 20_000;

/** `insert ... select from unnest(...)`: one array parameter per column, in row order. */
async function insertRows<Row>(client: PoolClient, table: string, columns: Column<Row>[], rows: Row[]) {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await client.query(
      `insert into ${table} (${names})
       select ${names} from unnest(${arrays}) with ordinality as u(${names}, row_order) order by row_order`,
      columns.map(([, , value]) => batch.map(value)),
    );
  }
}

const queued = (s: StageRow, total: number | null) =>
  total === null ? null : s.claimedAt === null ? total : 0;
const worked = (s: StageRow, total: number | null) => (total === null ? null : total - queued(s, total)!);

async function insertHistory(client: PoolClient, history: History): Promise<void> {
  await insertRows(
    client,
    'tickets',
    [
      ['id', 'text', (t) => t.id],
      ['type_id', 'text', (t) => t.typeId],
      ['flow_version_id', 'text', (t) => t.flowVersionId],
      ['title', 'text', (t) => t.title],
      ['priority', 'text', (t) => t.priority],
      ['category', 'text', (t) => t.category],
      ['service', 'text', (t) => t.service],
      ['status', 'text', (t) => t.status],
      ['customer', 'jsonb', (t) => json(t.customer)],
      ['fields', 'jsonb', (t) => json(t.fields)],
      ['created_by', 'text', (t) => t.createdBy],
      ['created_at', 'timestamptz', (t) => iso(t.createdAt)],
      ['updated_at', 'timestamptz', (t) => iso(t.updatedAt)],
      ['closed_at', 'timestamptz', (t) => iso(t.closedAt)],
      ['sla_due_at', 'timestamptz', (t) => iso(t.slaDueAt)],
      ['sla_level', 'text', (t) => t.slaLevel],
      ['last_seq', 'int', (t) => t.lastSeq],
      ['imported_from', 'text', () => HISTORY_IMPORTED_FROM],
    ],
    history.tickets,
  );
  await insertRows(
    client,
    'stages',
    [
      ['ticket_id', 'text', (s) => s.ticketId],
      ['task_id', 'text', (s) => s.taskId],
      ['element_id', 'text', (s) => s.elementId],
      ['name', 'text', (s) => s.name],
      ['department_key', 'text', (s) => s.department],
      ['assignee_id', 'text', (s) => s.assigneeId],
      ['entered_at', 'timestamptz', (s) => iso(s.enteredAt)],
      ['claimed_at', 'timestamptz', (s) => iso(s.claimedAt)],
      ['closed_at', 'timestamptz', (s) => iso(s.closedAt)],
      ['outcome', 'text', (s) => s.outcome],
      ['sla_target_ms', 'bigint', (s) => s.slaTargetMs],
      ['sla_calendar', 'text', (s) => s.slaCalendar],
      // The simulated history grants no extensions; its clocks stopped while a stage was on hold.
      ['sla_extended_ms', 'bigint', (s) => (s.slaTargetMs === null ? null : 0)],
      [
        'sla_consumed_ms',
        'bigint',
        (s) =>
          s.slaTargetMs === null || s.businessTotalMs === null
            ? null
            : s.businessTotalMs - (s.businessHeldMs ?? 0),
      ],
      ['due_at', 'timestamptz', (s) => iso(s.dueAt)],
      ['sla_level', 'text', (s) => s.slaLevel],
      // Claimed as it opened (automatic assignment): no queue time, all of it work; never claimed: all queue.
      ['queue_ms', 'bigint', (s) => queued(s, s.totalMs)],
      ['work_ms', 'bigint', (s) => worked(s, s.totalMs)],
      ['total_ms', 'bigint', (s) => s.totalMs],
      ['business_queue_ms', 'bigint', (s) => queued(s, s.businessTotalMs)],
      ['business_work_ms', 'bigint', (s) => worked(s, s.businessTotalMs)],
      ['business_total_ms', 'bigint', (s) => s.businessTotalMs],
      ['held_ms', 'bigint', (s) => s.heldMs],
      ['business_held_ms', 'bigint', (s) => s.businessHeldMs],
    ],
    history.stages,
  );
  // The timeline is most of the rows, and its row triggers would change nothing here: the
  // foreign key holds by construction (the tickets above, same transaction) and a ticket's
  // detail version is not bumped twice in the transaction that created it (migration 0004). A
  // superuser (the embedded Postgres, the test server) can skip them, about three times faster.
  const skipTriggers = (
    await client.query<{ superuser: boolean }>(`select current_setting('is_superuser') = 'on' as superuser`)
  ).rows[0]?.superuser;
  if (skipTriggers) await client.query('set local session_replication_role = replica');
  await insertRows(
    client,
    'ticket_events',
    [
      ['ticket_id', 'text', (e) => e.ticketId],
      ['seq', 'int', (e) => e.seq],
      ['ord', 'int', (e) => e.ord],
      ['type', 'text', (e) => e.type],
      ['at', 'timestamptz', (e) => iso(e.at)],
      ['actor_id', 'text', (e) => e.actorId],
      ['task_id', 'text', (e) => e.taskId],
      ['data', 'jsonb', (e) => json(e.data)],
    ],
    history.events,
  );
  if (skipTriggers) await client.query('set local session_replication_role = origin');
}
