// A digest of every row of every table of the public schema: tests that send requests which must
// be refused compare it before and after, so a refused request that wrote anything is caught,
// whichever table it wrote to.
import type pg from 'pg';

export type TableDigests = Record<string, string>;

/**
 * Columns that record use rather than change are left out: a token's last use is written (after
 * the answer, by authenticate.ts) by any request that presents it, refused or not.
 */
const ROW_EXPRESSION: Record<string, string> = {
  api_tokens: '(t.id, t.user_id, t.name, t.token_hash, t.revoked_at)',
};

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (name: string) => `'${name.replaceAll("'", "''")}'`;

/** One row (name, digest) per table, from `expression` over its rows `t`, in one statement. */
const perTable = (tables: string[], expression: (table: string) => string) =>
  tables
    .map(
      (name) =>
        `select ${quoteLiteral(name)} as name, (select count(*) || ':' || coalesce(sum(hashtextextended(${expression(name)}, 0)::numeric), 0) from ${quoteIdent(name)} t) as digest`,
    )
    .join(' union all ');

/** The content: an order-free sum of row hashes with the count (no sort). */
const contentOf = (name: string) => `${ROW_EXPRESSION[name] ?? 't'}::text`;
/**
 * Where each row version is: any committed insert, update or delete changes it (an update makes
 * a new row version, with its transaction's xmin, at a new ctid), and it reads no column, so a
 * table holding megabytes of flow XML costs no more than an empty one.
 */
const versionsOf = () => `t.xmin::text || t.ctid::text`;

type Digester = { tables: string[]; versions: Map<string, string>; content: Map<string, string> };

const digesters = new WeakMap<pg.Pool, Promise<Digester>>();

async function digesterOf(pool: pg.Pool): Promise<Digester> {
  const { rows } = await pool.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  return { tables: rows.map((r) => r.name), versions: new Map(), content: new Map() };
}

const digestsBy = async (pool: pg.Pool, text: string) =>
  new Map(
    (await pool.query<{ name: string; digest: string }>(text)).rows.map((r) => [r.name, r.digest] as const),
  );

/**
 * Every table's content digest. Content is hashed again only for the tables whose row versions
 * moved since the last call on this pool (which is after every request in the fuzz suite); a
 * write that left the content as it was (a lease taken and given back) gives the same digest.
 */
export async function tableDigests(pool: pg.Pool): Promise<TableDigests> {
  let digester = digesters.get(pool);
  if (!digester) {
    digester = digesterOf(pool);
    digesters.set(pool, digester);
  }
  const { tables, versions, content } = await digester;
  const now = await digestsBy(pool, perTable(tables, versionsOf));
  const moved = tables.filter((name) => versions.get(name) !== now.get(name) || !content.has(name));
  if (moved.length > 0)
    for (const [name, digest] of await digestsBy(pool, perTable(moved, contentOf))) content.set(name, digest);
  for (const [name, version] of now) versions.set(name, version);
  return Object.fromEntries(tables.map((name) => [name, content.get(name)!]));
}

/** The tables whose digest differs, leaving out `ignored`. */
export function changedTables(
  before: TableDigests,
  after: TableDigests,
  ignored: readonly string[] = [],
): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((name) => !ignored.includes(name) && before[name] !== after[name])
    .sort();
}
