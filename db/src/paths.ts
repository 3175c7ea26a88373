import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The db package's committed SQL migrations. */
export const migrationsFolder = path.resolve(here, '..', 'migrations');

/** The workspace root (holds pnpm-workspace.yaml), found from this file so any cwd works. */
export function repoRoot(): string {
  let dir = here;
  for (;;) {
    if (existsSync(path.join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Where Baton keeps its data when BATON_DATA_DIR does not say: `<repo>/.baton`. */
export const defaultDataDir = (): string => path.join(repoRoot(), '.baton');

/** `BATON_DATA_DIR` (relative to the cwd) or `<repo>/.baton`, from the environment the caller read. */
export function batonDataDir(env: NodeJS.ProcessEnv): string {
  return env.BATON_DATA_DIR ? path.resolve(env.BATON_DATA_DIR) : defaultDataDir();
}
