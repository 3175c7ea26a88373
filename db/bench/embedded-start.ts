// Times openDatabase() with the embedded server: cold (initdb + start + migrate) and warm (start
// an existing cluster + migrate no-op), in a throwaway folder. `pnpm --filter @baton/db bench`
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/connection.js';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function timed(label: string, fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  const ms = Math.round(performance.now() - started);
  console.log(`${label}: ${ms} ms`);
  return ms;
}

const root = await mkdtemp(path.join(os.tmpdir(), 'baton-bench-'));
await chmod(root, 0o755);
const port = await freePort();
const warmRuns = Number(process.env.RUNS ?? 3);
try {
  const open = async () => (await openDatabase({ dataDir: root, port })).close;
  let close: () => Promise<void> = async () => undefined;
  await timed('cold start (initdb + start + migrate)', async () => {
    close = await open();
  });
  await timed('stop', () => close());
  for (let run = 1; run <= warmRuns; run += 1) {
    await timed(`warm start #${run} (start + migrations up to date)`, async () => {
      close = await open();
    });
    await close();
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
