import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { defaultConfig } from './config.js';
import type { AppDeps } from './http/env.js';
import { serveDesigner } from './static.js';

// Static serving needs no database: these requests never reach a route that queries.
const app = () =>
  createApp({
    config: defaultConfig(),
    log: pino({ level: 'silent' }),
    activities: [],
  } as unknown as AppDeps);

describe('serveDesigner', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'baton-dist-'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Baton</title>');
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log(1)');

  it('serves files, falls back to index.html for app routes, and leaves /api alone', async () => {
    const a = app();
    expect(serveDesigner(a, dist)).toBe(true);
    expect(await (await a.request('/assets/app.js')).text()).toBe('console.log(1)');
    const deep = await a.request('/tickets/42');
    expect([deep.status, await deep.text()]).toEqual([200, '<!doctype html><title>Baton</title>']);
    expect((await a.request('/assets/missing.js')).status).toBe(404);
    const api = await a.request('/api/nope');
    expect([api.status, api.headers.get('content-type')]).toEqual([404, 'application/problem+json']);
  });

  it('reports a missing build', () => {
    expect(serveDesigner(app(), path.join(dist, 'nope'))).toBe(false);
  });
});
