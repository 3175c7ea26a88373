// Starts the real Baton server the way `pnpm start` does (scripts/start.mjs: builds the designer,
// then API + designer on one port) against a given database, and stops it again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeTestPort } from '@baton/db/testing';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Screenshots and other artefacts of the browser tests (git-ignored). */
export const RESULTS = path.join(REPO_ROOT, 'test-results');

export type RunningServer = { url: string; output: () => string; stop: () => Promise<void> };

/** The dev server `pnpm start` ran in a data folder, if it left one running. */
function devServerPid(dataDir: string): number | undefined {
  try {
    return (
      JSON.parse(readFileSync(path.join(dataDir, 'temporal', 'server.json'), 'utf8')) as { pid: number }
    ).pid;
  } catch {
    return undefined;
  }
}

export async function startBaton(options: {
  databaseUrl: string;
  /** 'temporal' (default): the local dev server `pnpm start` runs, on free ports; 'in-memory': not durable. */
  runtime?: 'temporal' | 'in-memory';
  /** Seed the months of demo history a first start writes (off unless a test reads it: it takes seconds). */
  history?: boolean;
  timeoutMs?: number;
  /** More of the process's configuration (e.g. the mail channel). */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freeTestPort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-browser-'));
  const runtime =
    options.runtime === 'in-memory'
      ? { BATON_RUNTIME: 'in-memory' }
      : {
          BATON_RUNTIME: 'temporal',
          BATON_TEMPORAL_PORT: String(await freeTestPort()),
          BATON_TEMPORAL_UI: 'off',
        };
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: REPO_ROOT,
    // Own process group, so stopping also ends what start.mjs spawned (vite build, the API).
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: options.databaseUrl,
      BATON_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      BATON_SEED_HISTORY: options.history ? 'on' : 'off',
      ...runtime,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    // The dev server runs in a process group of its own (Ctrl-C must not reach it before the
    // worker drains); Baton stops it on SIGTERM, and this ends it should Baton have been killed.
    const leftover = devServerPid(dataDir);
    if (leftover) {
      try {
        process.kill(-leftover, 'SIGKILL');
      } catch {
        // stopped by Baton, as it should be
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 240_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `scripts/start.mjs exited with ${child.exitCode} before serving:\n${output.slice(-4000)}`,
      );
    try {
      const [health, shell] = await Promise.all([fetch(`${url}/api/health`), fetch(`${url}/`)]);
      if (health.ok && shell.ok && (await shell.text()).includes('id="app"'))
        return { url, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`Baton did not serve ${url} within the timeout:\n${output.slice(-4000)}`);
}
