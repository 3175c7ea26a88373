// A process that stops like api/src/main.ts does (shutdown.ts), with steps slow enough to press
// Ctrl-C into: for shutdown.test.ts. It prints pino lines and "ready" once signals are handled.
import pino from 'pino';
import { createShutdown } from '../src/shutdown.js';

const log = pino({ level: 'info' }, pino.destination({ dest: 1, sync: true })); // as main.ts
const shutdown = createShutdown(log);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const stepMs = Number(process.env.STEP_MS ?? 1_500);
shutdown.add({ name: 'database', stop: () => sleep(stepMs) });
shutdown.add(
  { name: 'worker', stop: () => sleep(stepMs) },
  { name: 'dev server', stop: () => sleep(stepMs) },
);
shutdown.add({ name: 'HTTP server', stop: () => sleep(stepMs) });
shutdown.onSignals();
console.log('ready');
// Stays up until a signal stops it.
setInterval(() => undefined, 60_000);
