// The database part of a process's configuration, read once from the environment by the
// process's entry point (API, worker, seed) and passed down: no db module reads process.env.
import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_EMBEDDED_PORT } from './connection.js';
import { defaultDataDir } from './paths.js';
import { DEFAULT_POOL_SETTINGS, type PoolSettings } from './pool.js';

export type DatabaseSettings = {
  /** DATABASE_URL: any Postgres 14+; absent = the embedded server. */
  url: string | undefined;
  /** BATON_DATA_DIR: the embedded cluster (pg/), the dev server's data (temporal/) and their logs. */
  dataDir: string;
  /** BATON_PG_PORT: the embedded server's port. */
  embeddedPort: number;
  /** BATON_PG_POOL_SIZE, BATON_PG_ACQUIRE_TIMEOUT_MS: connections at most, and how long a query waits for one. */
  pool: PoolSettings;
};

const portNumber = (variable: string) =>
  z.coerce
    .number({ error: `${variable} must be a port number (1-65535)` })
    .int(`${variable} must be a port number (1-65535)`)
    .min(1, `${variable} must be a port number (1-65535)`)
    .max(65_535, `${variable} must be a port number (1-65535)`);

/** Empty strings count as unset, as a shell's `VAR= pnpm start` means. */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

export const databaseEnvironment = z.object({
  DATABASE_URL: z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
      .optional(),
  ),
  BATON_DATA_DIR: z.preprocess(unsetIfEmpty, z.string().optional()),
  BATON_PG_PORT: z.preprocess(unsetIfEmpty, portNumber('BATON_PG_PORT').default(DEFAULT_EMBEDDED_PORT)),
  BATON_PG_POOL_SIZE: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number('must be a number of connections (1-1000)')
      .int('must be a number of connections (1-1000)')
      .min(1, 'must be a number of connections (1-1000)')
      .max(1000, 'must be a number of connections (1-1000)')
      .default(DEFAULT_POOL_SETTINGS.max),
  ),
  BATON_PG_ACQUIRE_TIMEOUT_MS: z.preprocess(
    unsetIfEmpty,
    z.coerce
      .number('must be a number of milliseconds (100-600000)')
      .int('must be a number of milliseconds (100-600000)')
      .min(100, 'must be a number of milliseconds (100-600000)')
      .max(600_000, 'must be a number of milliseconds (100-600000)')
      .default(DEFAULT_POOL_SETTINGS.acquireTimeoutMs),
  ),
});

/** Reads and checks the database settings; the error names every variable that is wrong. */
export function readDatabaseSettings(env: NodeJS.ProcessEnv): DatabaseSettings {
  const parsed = parseEnvironment(databaseEnvironment, env);
  return {
    url: parsed.DATABASE_URL,
    dataDir: parsed.BATON_DATA_DIR ? path.resolve(parsed.BATON_DATA_DIR) : defaultDataDir(),
    embeddedPort: parsed.BATON_PG_PORT,
    pool: { max: parsed.BATON_PG_POOL_SIZE, acquireTimeoutMs: parsed.BATON_PG_ACQUIRE_TIMEOUT_MS },
  };
}

/** zod-parses the environment, turning its issues into one error that names each variable. */
export function parseEnvironment<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const variable = String(issue.path[0] ?? '');
    const value = env[variable];
    return `${variable}${value === undefined ? '' : `="${value}"`}: ${issue.message}`;
  });
  throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}
