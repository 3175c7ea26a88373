import { type TestDatabase, createTestDatabase } from '@baton/db/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuntime } from './create.js';

const log = pino({ level: 'silent' });
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('createRuntime', () => {
  it('fails clearly when TEMPORAL_ADDRESS is unreachable, with no silent fallback', async () => {
    const started = Date.now();
    await expect(
      createRuntime({ pool: t.pool, log, env: { TEMPORAL_ADDRESS: '127.0.0.1:1' } }),
    ).rejects.toThrow(/Temporal at 127\.0\.0\.1:1 is unreachable/);
    expect(Date.now() - started).toBeLessThan(15_000);
  }, 20_000);

  it('falls back to the in-memory runtime with a NOT DURABLE warning when no server can start', async () => {
    // No `temporal` on this PATH; the SDK's dev-server download cannot reach the internet here
    // (or is cut short by the timeout).
    const created = await createRuntime({
      pool: t.pool,
      log,
      env: { PATH: '/nonexistent' },
      devServerDbFile: `/tmp/baton-create-test-${process.pid}/temporal.db`,
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
    } finally {
      await created.close();
    }
  }, 30_000);
});
