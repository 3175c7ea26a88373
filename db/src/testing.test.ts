import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departments } from './schema.js';
import { createEmptyTestDatabase, createTestDatabase, type TestDatabase } from './testing.js';

describe('createTestDatabase', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  });
  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
  });

  it('gives each caller its own migrated database', async () => {
    expect(first.url).not.toBe(second.url);
    await first.db.insert(departments).values({ key: 'support', name: 'Support' });
    expect(await first.db.select().from(departments).where(eq(departments.key, 'support'))).toHaveLength(1);
    expect(await second.db.select().from(departments)).toHaveLength(0);
  });

  it('drop removes the database and can be called twice', async () => {
    const throwaway = await createTestDatabase();
    const name = new URL(throwaway.url).pathname.slice(1);
    await throwaway.drop();
    await throwaway.drop();
    const { rows } = await first.pool.query('select 1 from pg_database where datname = $1', [name]);
    expect(rows).toHaveLength(0);
  });

  it('createEmptyTestDatabase has no tables', async () => {
    const empty = await createEmptyTestDatabase();
    try {
      const result = await empty.db.execute(
        sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      );
      expect(result.rows[0]).toEqual({ n: 0 });
    } finally {
      await empty.drop();
    }
  });
});
