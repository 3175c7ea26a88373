// Times openDatabase() with the embedded server: cold (initdb + start + migrate) and warm (start
// an existing cluster + migrate no-op), in a throwaway folder. `pnpm --filter @baton/db bench`
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/connection.js';
import { freeTestPort } from '../src/testing/free-port.js';
import { testLog } from '../src/testing/log.js';

async function timed(label: string, fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  const ms = Math.round(performance.now() - started);
  console.log(`${label}: ${ms} ms`);
  return ms;
}

const root = await mkdtemp(path.join(os.tmpdir(), 'baton-bench-'));
await chmod(root, 0o755);
const port = await freeTestPort();
const warmRuns = Number(process.env.RUNS ?? 3);
try {
  const open = async () => (await openDatabase({ log: testLog, dataDir: root, port })).close;
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
