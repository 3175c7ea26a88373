import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from './migrate.js';
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
