import { defineProject } from 'vitest/config';
import { suiteExclude } from '../vitest.suites.js';

export default defineProject({
  test: {
    name: 'test',
    include: [
      'src/**/*.test.ts',
      'test/**/*.test.ts',
      'browser/**/*.test.ts',
      'lifecycle/**/*.test.ts',
      'faults/**/*.test.ts',
    ],
    exclude: suiteExclude(),
    // Starts or joins the shared test Postgres that createTestDatabase uses.
    globalSetup: ['../db/src/testing/global-setup.ts'],
    // Browser tests build the designer and start the real server: minutes on a busy machine.
    hookTimeout: 300_000,
    testTimeout: 300_000,
  },
});
