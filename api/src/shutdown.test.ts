// Ctrl-C against a real process: steps stop newest first, repeated signals do not abort the
// shutdown, and only a third press forces the exit.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const child = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/shutdown-child.ts');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function run(stepMs: number) {
  const proc: ChildProcess = spawn(process.execPath, ['--import', 'tsx', child], {
    env: { ...process.env, STEP_MS: String(stepMs) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('close', (code) => resolve(code)));
  const deadline = Date.now() + 20_000;
  while (!output.includes('ready')) {
    if (Date.now() > deadline) throw new Error(`child did not start:\n${output}`);
    await sleep(50);
  }
  const messages = () =>
    output
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; left?: string[] });
  return { signal: (name: NodeJS.Signals) => proc.kill(name), exited, messages };
}

describe('shutdown', () => {
  it('stops every step newest first and ignores signals that arrive while it runs', async () => {
    const proc = await run(600);
    proc.signal('SIGINT');
    await sleep(100);
    proc.signal('SIGINT'); // the same Ctrl-C, relayed by scripts/start.mjs
    await sleep(1_100);
    proc.signal('SIGTERM'); // a second press
    expect(await proc.exited).toBe(0);
    const messages = proc.messages().map((m) => m.msg);
    expect(messages.filter((m) => m.startsWith('stopped '))).toEqual([
      expect.stringMatching(/^stopped HTTP server in \d+ ms$/),
      expect.stringMatching(/^stopped worker in/),
      expect.stringMatching(/^stopped dev server in/),
      expect.stringMatching(/^stopped database in/),
    ]);
    expect(messages.filter((m) => m.startsWith('already stopping'))).toEqual([
      'already stopping',
      'already stopping (once more to exit at once)',
    ]);
    expect(messages.at(-1)).toBe('stopped');
  }, 30_000);

  it('a third press exits at once, naming what was still stopping', async () => {
    const proc = await run(10_000);
    proc.signal('SIGINT');
    await sleep(1_100);
    proc.signal('SIGINT');
    await sleep(1_100);
    proc.signal('SIGINT');
    expect(await proc.exited).toBe(1);
    const forced = proc.messages().find((m) => m.msg.startsWith('forced exit'));
    expect(forced?.left).toEqual(['HTTP server', 'worker', 'dev server', 'database']);
  }, 30_000);
});
