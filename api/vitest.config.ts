import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starts or joins the shared test Postgres; each test file then creates its own database.
    globalSetup: ['../db/src/testing/global-setup.ts', '../workflows/src/testing/temporal-global-setup.ts'],
    hookTimeout: 120_000,
    testTimeout: 30_000,
  },
});
