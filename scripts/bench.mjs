#!/usr/bin/env node
/* global process, console */
// `pnpm bench`: runs every benchmark of the repository one after the other (they measure the
// machine, so never in parallel) and writes bench/RESULTS.md: the machine, each bench's goal
// lines (figures, ratios, goals) and its whole output, so any figure can be measured again with
// one command. BENCH_ONLY=engine,api-temporal runs a subset.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED_FLOW = '../db/src/seed/flows/call-centre.bpmn';
const SEED_CALENDARS = '../db/src/seed/calendars.json';

/** name, package folder, command, what it measures. */
const BENCHES = [
  [
    'engine-compile',
    'engine',
    ['tsx', 'bench/compile.ts'],
    'compileFlow on a 1,000-task flow vs bpmn-moddle parsing alone',
  ],
  [
    'engine-throughput',
    'engine',
    ['tsx', 'bench/throughput.ts', '--flow', SEED_FLOW, '--calendars', SEED_CALENDARS],
    'interpreter events per CPU-second over 100,000 simulated call-centre tickets',
  ],
  ['db-embedded-start', 'db', ['tsx', 'bench/embedded-start.ts'], 'embedded Postgres cold and warm start'],
  [
    'api',
    'api',
    ['tsx', 'bench/run.ts'],
    'ticket detail latency vs a bare query and the HTTP floor; reports over 1,000,000 stages',
  ],
  [
    'api-temporal',
    'api',
    ['tsx', 'bench/temporal.ts'],
    'throughput through the API on a real Temporal dev server vs a minimal workflow; history per stage; worker memory',
  ],
];

const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;

/** Lines a reader wants first: the ones that state a goal or a verdict. */
const isGoalLine = (line) => /goal|PASS|FAIL|✔|✘/i.test(line);
/** Worker and bundler chatter that says nothing about the figures. */
const isNoise = (line) =>
  /^\s*(sdkComponent|taskQueue|state|size):|Worker state changed|modules by path|\[built\]|webpack \d|^\s*[}{]\s*$|^\s*\+ \d+ modules/.test(
    line,
  );

function run(name, cwd, command) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('pnpm', ['exec', ...command], { cwd: path.join(root, cwd), env: process.env });
    let output = '';
    const take = (chunk) => {
      const text = chunk.toString();
      output += text;
      process.stdout.write(text);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('close', (code) => resolve({ name, code, seconds: (Date.now() - started) / 1000, output }));
  });
}

const cpus = os.cpus();
const machine = [
  `- date: ${new Date().toISOString()}`,
  `- machine: ${os.platform()} ${os.arch()}, ${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
  `- node ${process.version}`,
];

const results = [];
for (const [name, cwd, command, about] of BENCHES) {
  if (only && !only.has(name)) continue;
  console.log(`\n=== ${name}: ${about}\n`);
  results.push({ ...(await run(name, cwd, command)), cwd, command, about });
}

const sections = results.map((r) => {
  const lines = r.output.split('\n').filter((line) => line.trim() && !isNoise(line));
  const goals = lines.filter(isGoalLine);
  return [
    `## ${r.name}: ${r.about}`,
    '',
    `\`cd ${r.cwd} && pnpm exec ${r.command.join(' ')}\` — ${r.code === 0 ? 'exit 0' : `**exit ${r.code}**`} after ${r.seconds.toFixed(0)} s`,
    '',
    ...(goals.length > 0 ? ['Goals:', '', ...goals.map((line) => `- ${line.trim()}`), ''] : []),
    '<details><summary>Output</summary>',
    '',
    '```',
    ...lines,
    '```',
    '',
    '</details>',
    '',
  ].join('\n');
});

mkdirSync(path.join(root, 'bench'), { recursive: true });
writeFileSync(
  path.join(root, 'bench', 'RESULTS.md'),
  [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (scripts/bench.mjs); every figure below comes from the command shown with it.',
    '',
    ...machine,
    '',
    ...sections,
  ].join('\n'),
);
console.log(`\nwrote bench/RESULTS.md (${results.length} benches)`);
process.exitCode = results.some((r) => r.code !== 0) ? 1 : 0;
