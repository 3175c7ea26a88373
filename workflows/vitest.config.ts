import { defineProject } from 'vitest/config';
import { suiteExclude } from '../vitest.suites.js';

export default defineProject({
  test: {
    name: 'workflows',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: suiteExclude(),
    // The shared test Postgres (createTestDatabase()) and one real Temporal dev server for the run.
    globalSetup: ['../db/src/testing/global-setup.ts', './src/testing/temporal-global-setup.ts'],
    hookTimeout: 120_000,
    // Real-server tests wait on a Temporal server and a worker sharing two cores with the rest of the
    // run: 5 s is not a bound they promise (those that promise one assert it themselves).
    testTimeout: 60_000,
  },
});
