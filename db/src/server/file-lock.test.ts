import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock.js';

describe('withFileLock', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'baton-lock-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('runs callers one at a time and removes the lock afterwards', async () => {
    const lock = path.join(dir, 'serial.lock');
    let inside = 0;
    let maxInside = 0;
    const work = () =>
      withFileLock(lock, async () => {
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
        await new Promise((resolve) => setTimeout(resolve, 20));
        inside -= 1;
      });
    await Promise.all([work(), work(), work()]);
    expect(maxInside).toBe(1);
    await expect(readFile(lock)).rejects.toThrow(/ENOENT/);
  });

  it('takes over a lock whose owner died', async () => {
    const lock = path.join(dir, 'stale.lock');
    const dead = spawn('true');
    await new Promise((resolve) => dead.once('exit', resolve));
    await writeFile(lock, String(dead.pid));
    expect(await withFileLock(lock, async () => 'ran', 2_000)).toBe('ran');
  });

  it('waits for a live owner and names it when giving up', async () => {
    const lock = path.join(dir, 'held.lock');
    const owner = spawn('sleep', ['30']);
    try {
      await writeFile(lock, String(owner.pid));
      await expect(withFileLock(lock, async () => 'ran', 300)).rejects.toThrow(
        new RegExp(`waiting for the lock .*held by pid ${owner.pid}`),
      );
    } finally {
      owner.kill();
    }
  });

  it('releases the lock when the work fails', async () => {
    const lock = path.join(dir, 'failing.lock');
    await expect(withFileLock(lock, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await withFileLock(lock, async () => 'again', 500)).toBe('again');
  });
});
