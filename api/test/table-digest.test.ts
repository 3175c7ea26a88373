// The digest the hostile suites compare before and after refused requests: it must see a write to
// any table, and only a change of content.
import { createTestDatabase, type TestDatabase } from '@baton/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedTables, tableDigests } from './table-digest.js';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.pool.query("insert into users (id, email, name) values ('u1', 'u1@example.test', 'One')");
  await t.pool.query("insert into departments (key, name) values ('support', 'Support')");
  await t.pool.query("insert into api_tokens (id, user_id, name, token_hash) values ('k1', 'u1', 'k', 'h1')");
});
afterAll(() => t?.drop());

describe('tableDigests', () => {
  it('sees an insert, an update and a delete, in whichever table', async () => {
    const start = await tableDigests(t.pool);
    await t.pool.query("insert into memberships (user_id, department_key) values ('u1', 'support')");
    const inserted = await tableDigests(t.pool);
    expect(changedTables(start, inserted)).toEqual(['memberships']);
    await t.pool.query("update users set name = 'Uno' where id = 'u1'");
    const updated = await tableDigests(t.pool);
    expect(changedTables(inserted, updated)).toEqual(['users']);
    await t.pool.query('delete from memberships');
    expect(changedTables(updated, await tableDigests(t.pool))).toEqual(['memberships']);
  });

  it('gives the same digest for a write that leaves the content as it was, and ignores a token’s last use', async () => {
    const before = await tableDigests(t.pool);
    await t.pool.query("update departments set name = 'Other' where key = 'support'");
    await t.pool.query("update departments set name = 'Support' where key = 'support'");
    await t.pool.query("update api_tokens set last_used_at = now() where id = 'k1'");
    expect(changedTables(before, await tableDigests(t.pool))).toEqual([]);
  });
});
