// README's demo logins are the seed's: every seeded user is listed once, with the password the
// seed gives them, and nobody else is.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SEED_USERS } from './data.js';

const README = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** login -> password, from the rows of README's "Demo logins" table. */
function readmeLogins(): Map<string, string> {
  const start = README.indexOf('Demo logins');
  const table = README.slice(start).split('\n\n')[1] ?? '';
  const logins = new Map<string, string>();
  for (const row of table.split('\n').filter((line) => line.startsWith('| `'))) {
    const password = /\(`([^`]+)`\)\s*\|/.exec(row)?.[1] ?? '';
    for (const [, local] of row.matchAll(/`([a-z0-9.]+)@(?:baton\.local|…)`/g)) {
      if (logins.has(`${local}@baton.local`)) throw new Error(`README lists ${local} twice`);
      logins.set(`${local}@baton.local`, password);
    }
  }
  return logins;
}

describe('README demo logins', () => {
  it('list every seeded user with their seed password, and only them', () => {
    const seeded = new Map(SEED_USERS.map((u) => [u.email, u.password]));
    expect(Object.fromEntries(readmeLogins())).toEqual(Object.fromEntries(seeded));
  });
});
