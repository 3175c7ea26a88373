import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workflows',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starts or joins the shared test Postgres (db/src/testing/global-setup.ts): createTestDatabase().
    globalSetup: ['../db/src/testing/global-setup.ts'],
    hookTimeout: 120_000,
  },
});
