import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Property tests run hundreds of cases (the calendar laws take 4 s on a quiet machine): 5 s is
    // no bound they promise on two busy cores. Speed is measured by the benches, not by timeouts.
    testTimeout: 30_000,
  },
});
