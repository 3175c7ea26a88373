import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, redactUrl } from './connection.js';
import { departments } from './schema.js';
import { accepts } from './server/embedded-postgres.js';
import { LEGACY_PASSWORD, passwordFile } from './server/embedded-password.js';
import { createTestDatabase, type TestDatabase } from './testing.js';
import { freeTestPort } from './testing.js';
import { testLog } from './testing/log.js';

// A RAM disk when there is one: initdb's fsyncs there cost nothing, the code path is the same.
const scratch = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();

async function tempRoot(): Promise<string> {
  const dir = await mkdtemp(path.join(scratch, 'baton-db-test-'));
  await chmod(dir, 0o755); // the embedded server runs as `postgres` when we are root
  return dir;
}

describe('openDatabase with a URL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('connects, migrates (a no-op here) and describes the URL without its password', async () => {
    const opened = await openDatabase({ log: testLog, url: t.url });
    try {
      expect(opened.mode).toBe('url');
      expect(opened.describe).toContain('***');
      expect(opened.describe).not.toContain(`:${new URL(t.url).password}@`);
      await opened.db.insert(departments).values({ key: 'support', name: 'Support' });
      expect(await t.db.select().from(departments)).toHaveLength(1);
    } finally {
      await opened.close();
      await opened.close();
    }
  });

  it('fails with the redacted URL and the reason when the server is unreachable', async () => {
    const url = `postgres://someone:hunter2@127.0.0.1:${await freeTestPort()}/nothing`;
    const failure = openDatabase({ log: testLog, url });
    await expect(failure).rejects.toThrow(
      /Cannot use the database at postgres:\/\/someone:\*\*\*@127\.0\.0\.1:\d+\/nothing: .*ECONNREFUSED/,
    );
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });

  it('redactUrl hides only the password', () => {
    expect(redactUrl('postgres://u:p%40ss@db.example:5432/baton?sslmode=require')).toBe(
      'postgres://u:***@db.example:5432/baton?sslmode=require',
    );
    expect(redactUrl('postgres://u@db/x')).toBe('postgres://u@db/x');
  });
});

// initdb and server starts take seconds on a busy machine.
describe('openDatabase with the embedded server', { timeout: 120_000 }, () => {
  let root: string;
  let port: number;
  beforeAll(async () => {
    root = await tempRoot();
    port = await freeTestPort();
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('creates the cluster on first start, keeps the data between starts and stops the server on close', async () => {
    const first = await openDatabase({ log: testLog, dataDir: root, port });
    expect(first.mode).toBe('embedded');
    expect(first.describe).toBe(`postgres://postgres:***@127.0.0.1:${port}/baton`);
    await first.db.insert(departments).values({ key: 'refunds', name: 'Refunds' });
    await first.close();
    const password = (await readFile(passwordFile(root), 'utf8')).trim();
    expect(await accepts(first.describe.replace('***', encodeURIComponent(password)))).toBe(false);

    const second = await openDatabase({ log: testLog, dataDir: root, port });
    try {
      expect((await second.db.select().from(departments)).map((d) => d.key)).toEqual(['refunds']);
    } finally {
      await second.close();
    }
  });

  it('gives each data folder a random password of its own, kept there for its owner only', async () => {
    const password = (await readFile(passwordFile(root), 'utf8')).trim();
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(password).not.toBe(LEGACY_PASSWORD);
    expect((await stat(passwordFile(root))).mode & 0o777).toBe(0o600);
    const opened = await openDatabase({ log: testLog, dataDir: root, port });
    try {
      // Served with it, and not with the old fixed one.
      expect(
        await accepts(
          opened.describe.replace('***', encodeURIComponent(password)).replace('/baton', '/postgres'),
        ),
      ).toBe(true);
      expect(
        await accepts(opened.describe.replace('***', LEGACY_PASSWORD).replace('/baton', '/postgres')),
      ).toBe(false);
    } finally {
      await opened.close();
    }
  });

  it('replaces the old fixed password of a cluster made before passwords were random', async () => {
    const legacy = await tempRoot();
    const legacyPort = await freeTestPort();
    try {
      // As an older Baton left it: the fixed password, no password file.
      const made = await openDatabase({ log: testLog, dataDir: legacy, port: legacyPort });
      const own = (await readFile(passwordFile(legacy), 'utf8')).trim();
      await made.pool.query(`alter role postgres password '${LEGACY_PASSWORD}'`);
      await made.close();
      await rm(passwordFile(legacy));
      const upgraded = await openDatabase({ log: testLog, dataDir: legacy, port: legacyPort });
      try {
        const fresh = (await readFile(passwordFile(legacy), 'utf8')).trim();
        expect(fresh).not.toBe(own);
        const admin = (secret: string) =>
          upgraded.describe.replace('***', encodeURIComponent(secret)).replace('/baton', '/postgres');
        expect(await accepts(admin(fresh))).toBe(true);
        expect(await accepts(admin(LEGACY_PASSWORD))).toBe(false);
      } finally {
        await upgraded.close();
      }
    } finally {
      await rm(legacy, { recursive: true, force: true });
    }
  });

  it('creates a missing data folder and its parents so that the server user can enter them', async () => {
    const fresh = path.join(root, 'not', 'yet', '.baton');
    const opened = await openDatabase({ log: testLog, dataDir: fresh, port: await freeTestPort() });
    await opened.close();
    expect(existsSync(path.join(fresh, 'pg', 'PG_VERSION'))).toBe(true);
  });

  it('shares a server another live process runs (pnpm seed next to pnpm start) and leaves it running', async () => {
    const owner = await openDatabase({ log: testLog, dataDir: root, port });
    try {
      const guest = await openDatabase({ log: testLog, dataDir: root, port: await freeTestPort() });
      expect(guest.describe).toBe(owner.describe);
      await guest.close();
      expect((await owner.db.select().from(departments)).map((d) => d.key)).toEqual(['refunds']);
    } finally {
      await owner.close();
    }
  });

  it('recovers from a stale postmaster.pid left by a crash, even when its pid now belongs to another program', async () => {
    const gone = spawnSync('true').pid!;
    for (const pid of [gone, process.pid]) {
      await writeFile(
        path.join(root, 'pg', 'postmaster.pid'),
        `${pid}\n${path.join(root, 'pg')}\n0\n${port}\n`,
      );
      const opened = await openDatabase({ log: testLog, dataDir: root, port });
      expect((await opened.db.select().from(departments)).map((d) => d.key)).toEqual(['refunds']);
      await opened.close();
    }
  });

  it('explains a port taken by another program', async () => {
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    try {
      await expect(openDatabase({ log: testLog, dataDir: root, port })).rejects.toThrow(
        new RegExp(`Port ${port} .* already in use .*BATON_PG_PORT`),
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a data folder holding a cluster of another major version', async () => {
    const other = await tempRoot();
    try {
      await mkdir(path.join(other, 'pg'));
      await writeFile(path.join(other, 'pg', 'PG_VERSION'), '15\n');
      await expect(openDatabase({ log: testLog, dataDir: other, port })).rejects.toThrow(
        /holds a Postgres 15 cluster .* Postgres 17/,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('refuses a non-empty data folder that is not a cluster', async () => {
    const other = await tempRoot();
    try {
      await mkdir(path.join(other, 'pg'));
      await writeFile(path.join(other, 'pg', 'notes.txt'), 'mine');
      await expect(openDatabase({ log: testLog, dataDir: other, port })).rejects.toThrow(
        /not empty but holds no Postgres cluster/,
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
