// The designer's JavaScript per route, from the Vite manifest: what the browser downloads when it
// opens a lazily loaded route on top of the app shell, gzip-compressed like the server sends it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

export type RouteSize = {
  route: string;
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
};

function staticClosure(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) staticClosure(manifest, dep, seen);
  return seen;
}

export function routeSize(distDir: string, routeSource: string): RouteSize {
  const manifest = JSON.parse(readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  const routeKey = Object.keys(manifest).find((k) => k.endsWith(routeSource));
  if (!entryKey || !routeKey) throw new Error(`manifest has no entry or no chunk for ${routeSource}`);
  const shell = staticClosure(manifest, entryKey);
  const route = [...staticClosure(manifest, routeKey)].filter((k) => !shell.has(k));
  const files = route.map((k) => manifest[k]?.file).filter((f): f is string => !!f);
  const css = route.flatMap((k) => manifest[k]?.css ?? []);
  const read = (f: string) => readFileSync(path.join(distDir, f));
  return {
    route: routeSource,
    files,
    jsBytes: files.reduce((n, f) => n + read(f).length, 0),
    jsGzipBytes: files.reduce((n, f) => n + gzipSync(read(f), { level: 9 }).length, 0),
    cssGzipBytes: css.reduce((n, f) => n + gzipSync(read(f), { level: 9 }).length, 0),
  };
}
