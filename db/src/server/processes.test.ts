import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isNodeProcess } from './processes.js';

describe('isNodeProcess', () => {
  it('knows this process as node', () => {
    expect(isNodeProcess(process.pid)).toBe(true);
  });

  it('is not fooled by "node" in the command line of another program', async () => {
    // What a program started from node_modules looks like: the word is in its path, not its name.
    const child = spawn('sh', ['-c', 'sleep 5', '/repo/node_modules/.bin/node-gyp', 'tsx'], {
      stdio: 'ignore',
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(isNodeProcess(child.pid!)).toBe(false);
    } finally {
      child.kill();
    }
  });

  it('says no for a process that does not exist', () => {
    expect(isNodeProcess(2 ** 22 + 17)).toBe(false);
  });
});
