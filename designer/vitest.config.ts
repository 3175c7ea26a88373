import { defineProject } from 'vitest/config';

export default defineProject({
  // scripts/: the API contract check (generated types against the API's OpenAPI document).
  test: { name: 'designer', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'] },
});
