// Serves the designer's build at / with a single-page-app fallback (deep links like /tickets/42
// get index.html); /api stays the API's.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { BatonApp } from './app.js';

export function serveDesigner(app: BatonApp, distDir: string): boolean {
  if (!existsSync(path.join(distDir, 'index.html'))) return false;
  const files = serveStatic({ root: distDir });
  const indexHtml = serveStatic({ root: distDir, path: 'index.html' });
  app.use('*', async (c, next) => {
    if (
      c.req.path.startsWith('/api/') ||
      c.req.path === '/api' ||
      (c.req.method !== 'GET' && c.req.method !== 'HEAD')
    )
      return next();
    // Nothing under a dot name: the build's .vite/manifest.json maps every source file.
    if (c.req.path.split('/').some((segment) => segment.startsWith('.'))) return next();
    const served = await files(c, async () => undefined);
    if (served) return served;
    // Asset-looking paths (with an extension) that do not exist stay 404s; routes get the app.
    if (path.extname(c.req.path) !== '') return next();
    const page = await indexHtml(c, async () => undefined);
    return page ?? next();
  });
  return true;
}
