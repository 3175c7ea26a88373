// The real Baton process as `pnpm start` runs it (api/src/main.ts, no TEMPORAL_ADDRESS): its
// Postgres (embedded, or DATABASE_URL) and the local Temporal dev server under its data folder.
// Tests start it, sign in over HTTP, and stop or kill it; every process it started is found by
// its pid files, so a test ends only what it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeTestPort } from '@baton/db/testing';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie waiting for a parent that never reaps it (containers without an init) is gone too.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

/** Polls `probe` until it gives a value (a throw counts as not yet), for at most `timeoutMs`. */
export async function until<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
  intervalMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export type Baton = {
  child: ChildProcess;
  url: string;
  dataDir: string;
  exited: Promise<number | null>;
  /** pino's JSON lines so far. */
  logs(): { msg: string; [key: string]: unknown }[];
  output(): string;
  /** The API's pid, its embedded Postgres's (undefined with DATABASE_URL) and the Temporal dev server's. */
  pids(): { api: number; postgres?: number; temporal: number };
  /** The pids above that exist, as a list. */
  allPids(): number[];
  /** The local Temporal dev server's gRPC address. */
  temporalAddress(): string;
  /** The ports it was given, as the variables that set them: a restart with these is the same configuration. */
  ports: Record<'PORT' | 'BATON_PG_PORT' | 'BATON_TEMPORAL_PORT' | 'BATON_TEMPORAL_UI_PORT', string>;
};

const started: Baton[] = [];
const dataDirs: string[] = [];

export function newDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'baton-lifecycle-'));
  // The embedded Postgres runs as the `postgres` user when we are root: it must enter the folder.
  chmodSync(dir, 0o755);
  dataDirs.push(dir);
  return dir;
}

/** The dev server's state file (workflows' dev-server.ts writes it). */
type TemporalServerFile = { pid: number; port: number };
const temporalServer = (dataDir: string) =>
  JSON.parse(readFileSync(path.join(dataDir, 'temporal', 'server.json'), 'utf8')) as TemporalServerFile;

/**
 * Starts Baton on `dataDir` and resolves once /api/health reports the durable Temporal engine.
 * `env` adds to (or, as undefined, removes from) what it gets; nothing configured for other
 * suites leaks in (no TEMPORAL_ADDRESS, DATABASE_URL, BATON_RUNTIME, BATON_WORKER).
 */
export async function startBaton(
  dataDir: string,
  env: Record<string, string | undefined> = {},
): Promise<Baton> {
  const [port, pgPort, temporalPort, uiPort] = [
    await freeTestPort(),
    await freeTestPort(),
    await freeTestPort(),
    await freeTestPort(),
  ];
  const ports = {
    PORT: String(port),
    BATON_PG_PORT: String(pgPort),
    BATON_TEMPORAL_PORT: String(temporalPort),
    BATON_TEMPORAL_UI_PORT: String(uiPort),
  };
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...ports,
    HOST: '127.0.0.1',
    BATON_DATA_DIR: dataDir,
    LOG_LEVEL: 'info',
  };
  for (const variable of [
    'TEMPORAL_ADDRESS',
    'DATABASE_URL',
    'BATON_RUNTIME',
    'BATON_WORKER',
    'BATON_TEMPORAL_UI',
  ])
    delete childEnv[variable];
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[name];
    else childEnv[name] = value;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/main.ts'], {
    cwd: REPO_ROOT,
    // Its own process group, as a terminal gives `pnpm start`: Ctrl-C signals the whole group.
    detached: true,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  Object.assign(ports, Object.fromEntries(Object.keys(ports).map((name) => [name, childEnv[name]])));
  const url = `http://127.0.0.1:${ports.PORT}`;
  const postmasterFile = path.join(dataDir, 'pg', 'postmaster.pid');
  const baton: Baton = {
    child,
    url,
    dataDir,
    ports,
    exited,
    output: () => output,
    logs: () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string }),
    pids: () => ({
      api: child.pid ?? 0,
      ...(existsSync(postmasterFile)
        ? { postgres: Number(readFileSync(postmasterFile, 'utf8').split('\n')[0]) }
        : {}),
      temporal: temporalServer(dataDir).pid,
    }),
    allPids: () => Object.values(baton.pids()).filter((pid): pid is number => pid !== undefined),
    temporalAddress: () => `127.0.0.1:${temporalServer(dataDir).port}`,
  };
  started.push(baton);
  await until('Baton serving /api/health with a durable Temporal engine', 90_000, async () => {
    if (child.exitCode !== null)
      throw new Error(`Baton exited with ${child.exitCode}:\n${output.slice(-3000)}`);
    const health = (await (await fetch(`${url}/api/health`)).json()) as {
      engine: { mode: string; durable: boolean };
    };
    return health.engine.mode === 'temporal' && health.engine.durable ? health : undefined;
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n${output.slice(-3000)}`);
  });
  return baton;
}

/** Exactly what Ctrl-C under `pnpm start` does: the group gets SIGINT, then start.mjs relays one more. */
export async function pressCtrlC(baton: Baton): Promise<void> {
  const pid = baton.child.pid ?? 0;
  process.kill(-pid, 'SIGINT');
  await new Promise((resolve) => setTimeout(resolve, 150));
  process.kill(pid, 'SIGINT');
}

export async function allGone(pids: number[], timeoutMs: number): Promise<void> {
  await until(`pids ${pids.join(', ')} gone`, timeoutMs, async () =>
    pids.every((pid) => !alive(pid)) ? true : undefined,
  );
}

export type Session = (
  method: string,
  route: string,
  body?: unknown,
  headers?: Record<string, string>,
  signal?: AbortSignal,
) => Promise<Response>;

/** Signs in over HTTP (a seeded account) and answers a fetch that sends the session cookie. */
export async function signIn(
  url: string,
  email = 'admin@baton.local',
  password = 'baton-admin',
): Promise<Session> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in as ${email}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return (method, route, body, headers = {}, signal) =>
    fetch(`${url}${route}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
}

/** For afterAll: kills whatever a failed test left running (only processes these tests started) and removes the data folders. */
export function cleanUpBatons(): void {
  for (const baton of started.splice(0)) {
    let pids: number[] = [];
    try {
      pids = baton.allPids();
    } catch {
      pids = [baton.child.pid ?? 0];
    }
    for (const pid of pids)
      if (pid > 0 && alive(pid))
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone meanwhile
        }
  }
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
