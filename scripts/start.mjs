#!/usr/bin/env node
/* global process, console */
// `pnpm start`: builds the designer when its build is missing or older than its sources, then
// runs the API (which also serves the designer) with tsx. Plain Node, no dependencies.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const designer = path.join(root, 'designer');
const dist = path.join(designer, 'dist', 'index.html');

/** Newest modification time under the given files and folders (ignoring node_modules). */
function newestMtime(entries) {
  let newest = 0;
  const visit = (p) => {
    if (!existsSync(p)) return;
    const stat = statSync(p);
    if (stat.isDirectory()) {
      for (const name of readdirSync(p)) if (name !== 'node_modules') visit(path.join(p, name));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  entries.forEach(visit);
  return newest;
}

function run(command, args, label) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`[start] ${label} could not run: ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** pnpm as the user invoked it (`pnpm start` sets npm_execpath), else from PATH. */
function pnpm(args) {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(path.basename(execPath))
    ? run(process.execPath, [execPath, ...args], 'pnpm')
    : run(process.platform === 'win32' ? 'pnpm.cmd' : 'pnpm', args, 'pnpm');
}

async function buildDesignerIfStale() {
  if (!existsSync(path.join(designer, 'package.json'))) return;
  // The designer bundles the engine's compiler for live validation: engine changes rebuild it too.
  const sources = newestMtime([
    path.join(designer, 'src'),
    path.join(designer, 'index.html'),
    path.join(designer, 'vite.config.ts'),
    path.join(root, 'engine', 'src'),
  ]);
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  if (built >= sources) {
    console.log('[start] designer build is up to date');
    return;
  }
  console.log(
    built === 0
      ? '[start] building the designer (first start)…'
      : '[start] designer sources changed: rebuilding…',
  );
  const started = Date.now();
  const code = await pnpm(['--filter', '@baton/designer', 'build']);
  if (code === 0) console.log(`[start] designer built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  else
    console.error(
      '[start] the designer build failed; starting the API without the UI (see the errors above)',
    );
}

await buildDesignerIfStale();
console.log('[start] starting the API on http://localhost:' + (process.env.PORT ?? 3000));
const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'api', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
});
// A terminal's Ctrl-C already reaches the API (same process group); relaying it as well covers a
// signal sent to this process alone (kill, a supervisor). The API counts signals that close
// together as one press and shuts down once, in order. This process stays until the API has
// stopped everything it started (Postgres, the Temporal dev server), then exits with its code.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
