// Which test files `pnpm test` runs and which only `pnpm test:long` runs (CI runs both). The long
// suites are the real-server load and fault drills (`*.long.test.ts`): minutes each, so they stay
// out of the quick suite that has to finish in under ten minutes on two cores.
import { configDefaults } from 'vitest/config';

const LONG_SUITES = '**/*.long.test.ts';

/** The project's `exclude`: the defaults, and the long suites unless BATON_LONG_SUITES=1 (test:long). */
export const suiteExclude = (): string[] =>
  process.env.BATON_LONG_SUITES === '1'
    ? [...configDefaults.exclude]
    : [...configDefaults.exclude, LONG_SUITES];
