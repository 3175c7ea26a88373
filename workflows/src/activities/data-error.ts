// Read-model failures that no retry can fix, as a non-retryable Temporal failure of type
// DATA_ERROR_FAILURE (InMemoryRuntime honours `nonRetryable` too). Everything else (connection
// refused, timeouts, deadlocks) stays retryable.
import { ApplicationFailure } from '@temporalio/common';
import { DATA_ERROR_FAILURE } from '../workflows/failure-types.js';

export class DataError extends ApplicationFailure {
  constructor(message: string) {
    super(message, DATA_ERROR_FAILURE, true);
  }
}

type PgError = { code?: unknown; constraint?: unknown; table?: unknown; message?: unknown };

const pgErrorOf = (error: unknown): PgError | undefined => {
  for (let current: unknown = error; current && typeof current === 'object';) {
    const candidate = current as PgError & { cause?: unknown };
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
};

/**
 * Class 22 (data exception) and 23 (integrity constraint violation) fail the same way every time.
 * The message names the code, table and constraint, never the query's parameters (customer data).
 */
export function asDataError(error: unknown, what: string): unknown {
  if (error instanceof DataError) return error;
  const pg = pgErrorOf(error);
  if (typeof pg?.code !== 'string' || !/^2[23]/.test(pg.code)) return error;
  const where = [
    typeof pg.table === 'string' ? `table ${pg.table}` : undefined,
    typeof pg.constraint === 'string' ? `constraint ${pg.constraint}` : undefined,
  ].filter(Boolean);
  return new DataError(
    `${what}: Postgres refused the data (${pg.code}${where.length ? `, ${where.join(', ')}` : ''})`,
  );
}
