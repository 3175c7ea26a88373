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

  it('serves nothing under a dot folder: the build manifest and its like stay private', async () => {
    mkdirSync(path.join(dist, '.vite'), { recursive: true });
    writeFileSync(path.join(dist, '.vite', 'manifest.json'), '{"index.html":{}}');
    writeFileSync(path.join(dist, '.env'), 'SECRET=1');
    const a = app();
    serveDesigner(a, dist);
    for (const hidden of [
      '/.vite/manifest.json',
      '/.vite/',
      '/.vite',
      '/.env',
      '/assets/../.vite/manifest.json',
    ]) {
      const res = await a.request(hidden);
      expect([hidden, res.status]).toEqual([hidden, 404]);
      expect(await res.text()).not.toContain('index.html');
    }
  });

  it('puts the security headers on files, the app shell, API answers and errors', async () => {
    const a = app();
    serveDesigner(a, dist);
    for (const url of [
      '/assets/app.js',
      '/tickets/42',
      '/api/nope',
      '/assets/missing.js',
      '/api/openapi.json',
    ]) {
      const res = await a.request(url);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([url, res.headers.get('x-content-type-options')]).toEqual([url, 'nosniff']);
      expect([url, res.headers.get('x-frame-options')]).toEqual([url, 'DENY']);
      expect([url, res.headers.get('referrer-policy')]).toEqual([url, 'same-origin']);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    }
  });

  it('reports a missing build', () => {
    expect(serveDesigner(app(), path.join(dist, 'nope'))).toBe(false);
  });
});
