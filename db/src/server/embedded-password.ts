// The embedded Postgres's superuser password: random, made on first start, kept in
// <data dir>/pg-password (mode 0600, next to the cluster, readable by whoever runs Baton on that
// folder), never logged. It listens on 127.0.0.1 only, but a fixed password known to everyone
// would let any local user or page-driven request reach the help desk's data.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { EMBEDDED_USER, embeddedUrl } from './embedded-postgres.js';

/** What clusters made before the password was random were given. */
export const LEGACY_PASSWORD = 'baton';

export const passwordFile = (root: string) => path.join(root, 'pg-password');

const newPassword = () => randomBytes(24).toString('base64url');

/** The data folder's password: the one kept there, or a new one written there (0600). */
export async function readOrCreatePassword(root: string): Promise<{ password: string; created: boolean }> {
  const kept = (await readFile(passwordFile(root), 'utf8').catch(() => undefined))?.trim();
  if (kept) return { password: kept, created: false };
  const password = newPassword();
  // wx: two Batons starting at once on one folder agree on the first one's password.
  const wrote = await writeFile(passwordFile(root), `${password}\n`, { mode: 0o600, flag: 'wx' }).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
      return false;
    },
  );
  if (!wrote) return readOrCreatePassword(root);
  return { password, created: true };
}

/**
 * A cluster made before passwords were random still has LEGACY_PASSWORD: give it the data
 * folder's password. Returns false when the cluster already had it (nothing to do).
 */
export async function replaceLegacyPassword(port: number, password: string, log: Logger): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, 'postgres', LEGACY_PASSWORD) });
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch {
    return false; // not the legacy password: the cluster has its own already
  }
  try {
    await client.query(`alter role ${EMBEDDED_USER} password ${pg.escapeLiteral(password)}`);
    log.info('the embedded Postgres had the old fixed password; it now has its own random one');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}
