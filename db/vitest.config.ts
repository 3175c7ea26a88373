import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'db',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Starts or joins the shared test Postgres (see src/testing/global-setup.ts).
    globalSetup: ['./src/testing/global-setup.ts'],
    // Starting the shared server cold runs initdb (several seconds on a busy machine).
    hookTimeout: 120_000,
    // Seeding hashes 20 scrypt passwords; on a loaded 2-core machine that alone can pass 5 s.
    testTimeout: 30_000,
  },
});
