import { defineConfig } from 'vitest/config';

// One `pnpm test` runs every package's tests; each package keeps its own vitest config.
export default defineConfig({
  test: {
    projects: ['engine', 'workflows', 'db', 'api', 'designer', 'test'],
  },
});
