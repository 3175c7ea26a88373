import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from './migrate.js';
import { migrationsFolder } from './paths.js';
import { createEmptyTestDatabase, type TestDatabase } from './testing.js';

const tableNames = async (t: TestDatabase) =>
  (
    await t.pool.query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
    )
  ).rows.map((row) => row.table_name);

describe('migrations', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyTestDatabase();
  });
  afterAll(() => t?.drop());

  it('apply to an empty database and create every table of the schema', async () => {
    expect(await tableNames(t)).toEqual([]);
    await migrateDatabase(t.db);
    expect(await tableNames(t)).toEqual(
      expect.arrayContaining([
        'api_tokens',
        'assignment_cursors',
        'calendars',
        'departments',
        'extension_requests',
        'flow_versions',
        'flows',
        'idempotency_keys',
        'memberships',
        'notifications',
        'sessions',
        'stages',
        'ticket_events',
        'ticket_types',
        'tickets',
        'users',
      ]),
    );
  });

  it('are idempotent: applying again changes nothing', async () => {
    const snapshot = async () => ({
      tables: await tableNames(t),
      applied: (
        await t.db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by id`)
      ).rows,
      constraints: (
        await t.pool.query(
          "select count(*)::int as n from pg_constraint where connamespace = 'public'::regnamespace",
        )
      ).rows,
    });
    const before = await snapshot();
    await migrateDatabase(t.db);
    await Promise.all([migrateDatabase(t.db), migrateDatabase(t.db)]);
    expect(await snapshot()).toEqual(before);
    expect(before.applied.length).toBeGreaterThan(0);
  });
});

/** A copy of the migrations folder holding only the migrations before `tag`. */
async function migrationsBefore(tag: string): Promise<{ folder: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'baton-migrations-'));
  await cp(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  if (cut < 0) throw new Error(`no migration ${tag}`);
  await writeFile(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

describe('migration 0006 (one pending extension request per task)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createEmptyTestDatabase();
  });
  afterAll(() => t?.drop());

  it('upgrades a database holding several pending requests for a task: the oldest stays pending', async () => {
    const before = await migrationsBefore('0006_one_pending_extension');
    try {
      await migrate(drizzle(t.pool), { migrationsFolder: before.folder });
    } finally {
      await before.remove();
    }
    await t.pool.query(`
      insert into users (id, email, name) values ('u1', 'u1@x.test', 'U1');
      insert into ticket_types (id, name) values ('tt', 'T');
      insert into flow_versions (id, ticket_type_id, version, xml, compiled) values ('fv', 'tt', 1, '<x/>', '{}');
      insert into tickets (id, type_id, flow_version_id, title) values ('k1', 'tt', 'fv', 'K1');
      insert into extension_requests (id, ticket_id, task_id, requested_by, extend_by_ms, reason, status, created_at) values
        ('x-first', 'k1', 't1', 'u1', 60000, 'r', 'pending', '2026-01-01T10:00:00Z'),
        ('x-second', 'k1', 't1', 'u1', 60000, 'r', 'pending', '2026-01-01T10:00:01Z'),
        ('x-third', 'k1', 't1', 'u1', 60000, 'r', 'pending', '2026-01-01T10:00:01Z'),
        ('x-granted', 'k1', 't1', 'u1', 60000, 'r', 'granted', '2026-01-01T09:00:00Z'),
        ('x-other-task', 'k1', 't2', 'u1', 60000, 'r', 'pending', '2026-01-01T10:00:02Z');`);
    await migrateDatabase(t.db);
    const { rows } = await t.pool.query<{ id: string; status: string; noted: boolean }>(
      'select id, status, decision_note is not null as noted from extension_requests order by id',
    );
    expect(rows).toEqual([
      { id: 'x-first', status: 'pending', noted: false },
      { id: 'x-granted', status: 'granted', noted: false },
      { id: 'x-other-task', status: 'pending', noted: false },
      { id: 'x-second', status: 'denied', noted: true },
      { id: 'x-third', status: 'denied', noted: true },
    ]);
    const again = await t.pool
      .query(
        "insert into extension_requests (id, ticket_id, task_id, requested_by, extend_by_ms, reason) values ('x-new', 'k1', 't1', 'u1', 1, 'r')",
      )
      .catch((error: { code?: string; constraint?: string }) => error);
    expect(again).toMatchObject({ code: '23505', constraint: 'extension_requests_one_pending' });
  });
});
