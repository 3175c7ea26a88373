// A Postgres of a test's own (the embedded server in a temporary data folder), which the test can
// take down and bring back, while the shared test server keeps serving every other test file.
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type OpenedDatabase, openDatabase, EMBEDDED_DATABASE } from '../connection.js';
import { passwordFile } from '../server/embedded-password.js';
import { embeddedUrl } from '../server/embedded-postgres.js';
import { isProcessAlive } from '../server/processes.js';
import { freeTestPort } from './free-port.js';
import { testLog } from './log.js';

export type OwnPostgres = {
  opened: OpenedDatabase;
  /** Connection URL of its `baton` database, password included, for a process the test starts. */
  url: string;
  /** The postmaster's pid while it runs. */
  pid(): number;
  /** Stops the server (fast shutdown): every connection breaks, new ones are refused. */
  down(): Promise<void>;
  /**
   * Kills the server (SIGKILL to the postmaster, as a crash or the OOM killer would), then waits
   * for its backends, which notice the postmaster's death, to exit. The next up() recovers it.
   */
  kill(): Promise<void>;
  /** Starts it again on the same data and port. */
  up(): Promise<void>;
  close(): Promise<void>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The live children of a process (Linux /proc). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

async function gone(pids: number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some(isProcessAlive)) {
    if (Date.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}

export async function ownPostgres(poolSize = 10): Promise<OwnPostgres> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'baton-own-pg-'));
  chmodSync(dataDir, 0o755); // as root the server runs as `postgres`, which must enter it
  const port = await freeTestPort();
  const opened = await openDatabase({ log: testLog, dataDir, port, poolSize });
  const password = readFileSync(passwordFile(dataDir), 'utf8').trim();
  const restarts: OpenedDatabase[] = [];
  const postmasterPid = () =>
    Number.parseInt(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8'), 10);
  return {
    opened,
    url: embeddedUrl(port, EMBEDDED_DATABASE, password),
    pid: postmasterPid,
    async down() {
      const pid = postmasterPid();
      process.kill(pid, 'SIGINT');
      while (isProcessAlive(pid)) await sleep(50);
    },
    async kill() {
      const pid = postmasterPid();
      const backends = childrenOf(pid);
      process.kill(pid, 'SIGKILL');
      // Backends exit once they notice; one stuck in a long call is this server's too: kill it.
      if (!(await gone([pid, ...backends], 10_000))) {
        for (const child of backends.filter(isProcessAlive)) process.kill(child, 'SIGKILL');
        if (!(await gone([pid, ...backends], 10_000)))
          throw new Error(`Postgres ${pid} or its backends did not exit after SIGKILL`);
      }
    },
    async up() {
      // `opened`'s pool reconnects by itself; this handle is kept only to stop the server it started.
      restarts.push(await openDatabase({ log: testLog, dataDir, port, poolSize: 1, migrate: false }));
    },
    async close() {
      // Whichever handle started the running server stops it.
      for (const handle of [...restarts.reverse(), opened]) await handle.close().catch(() => undefined);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
