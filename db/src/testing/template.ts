// The migrated template database that every test database is copied from (CREATE DATABASE … TEMPLATE
// takes milliseconds; running the migrations per test file would take far longer).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { databaseOn } from '../database.js';
import { migrateDatabase } from '../migrate.js';
import { migrationsFolder } from '../paths.js';

// Any fixed number: one process builds a template while the others wait.
const TEMPLATE_LOCK = 727_274_002;

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Runs statements on the maintenance database with a short-lived client (no pool left open). */
export async function onServer<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template is named after a hash of the migrations, so a new migration gets a new template. */
async function templateName(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else hash.update(entry.name).update(await readFile(full));
    }
  };
  await walk(migrationsFolder);
  return `baton_tpl_${hash.digest('hex').slice(0, 12)}`;
}

const exists = async (client: pg.Client, name: string) =>
  (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;

let ensured: Promise<string> | undefined;

/**
 * `CREATE DATABASE … TEMPLATE …` clause. Postgres 15+ defaults to the WAL_LOG strategy, which
 * writes the whole copy to WAL; FILE_COPY is several times faster for small test databases.
 */
let fileCopySupported: Promise<boolean> | undefined;
export async function templateClause(client: pg.Client, template: string): Promise<string> {
  fileCopySupported ??= client
    .query<{ server_version_num: string }>('show server_version_num')
    .then(({ rows }) => Number(rows[0]?.server_version_num ?? 0) >= 150_000);
  return `template ${quoteIdent(template)}${(await fileCopySupported) ? ' strategy file_copy' : ''}`;
}

export function ensureTemplate(adminUrl: string): Promise<string> {
  ensured ??= (async () => {
    const name = await templateName();
    await onServer(adminUrl, async (client) => {
      if (await exists(client, name)) return;
      await client.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
      try {
        if (await exists(client, name)) return;
        // Build under a temporary name and rename when complete: a crash mid-build never leaves
        // a half-migrated template behind under the real name.
        const building = `${name}_building`;
        await client.query(`drop database if exists ${quoteIdent(building)} with (force)`);
        await client.query(`create database ${quoteIdent(building)}`);
        const pool = new pg.Pool({ connectionString: withDatabase(adminUrl, building), max: 1 });
        try {
          await migrateDatabase(databaseOn(pool));
        } finally {
          await pool.end();
        }
        await client.query(`alter database ${quoteIdent(building)} rename to ${quoteIdent(name)}`);
      } finally {
        await client.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
      }
    });
    return name;
  })();
  ensured.catch(() => (ensured = undefined));
  return ensured;
}
