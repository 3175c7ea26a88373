// A free TCP port on 127.0.0.1 for a test's server. Chosen below Linux's ephemeral range
// (32768-60999), which is where the OS hands out ports for `listen(0)` and outgoing connections:
// a port picked from there can be taken by another process (a parallel suite's server, a dev
// server's random metrics port) in the seconds before the test's server binds it.
import { createServer } from 'node:net';

const LOW = 10_000;
const HIGH = 30_000;

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

export async function freeTestPort(): Promise<number> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const port = LOW + Math.floor(Math.random() * (HIGH - LOW));
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port between ${LOW} and ${HIGH} after 100 tries`);
}
