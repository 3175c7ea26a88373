import { describe, expect, it } from 'vitest';
import { DATA_ERROR_FAILURE } from '../workflows/failure-types.js';
import { DataError, asDataError } from './data-error.js';

// What pg and drizzle throw: drizzle wraps the driver's error (code, table, constraint) as `cause`,
// and its own message carries the query's parameters, which must not reach the failure.
const pgError = (code: string) =>
  Object.assign(new Error('insert or update on table "tickets" violates foreign key constraint'), {
    code,
    table: 'tickets',
    constraint: 'tickets_type_id_ticket_types_id_fk',
  });
const drizzleError = (code: string) =>
  Object.assign(new Error('Failed query: insert into "tickets" ... params: secret@example.com'), {
    cause: pgError(code),
  });

describe('asDataError', () => {
  it('turns integrity and data exceptions into non-retryable failures naming table and constraint', () => {
    for (const code of ['23503', '23505', '23514', '22P02', '22001']) {
      const failure = asDataError(drizzleError(code), 'recordSteps for ticket t-1');
      expect(failure).toBeInstanceOf(DataError);
      expect(failure).toMatchObject({ type: DATA_ERROR_FAILURE, nonRetryable: true });
      expect((failure as Error).message).toBe(
        `recordSteps for ticket t-1: Postgres refused the data (${code}, table tickets, constraint tickets_type_id_ticket_types_id_fk)`,
      );
      expect((failure as Error).message).not.toContain('secret@example.com');
    }
  });

  it('leaves outages, deadlocks and everything else retryable, as it was thrown', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5433'), { code: 'ECONNREFUSED' });
    const deadlock = drizzleError('40P01');
    const shutdown = drizzleError('57P01');
    for (const error of [refused, deadlock, shutdown, new Error('boom')])
      expect(asDataError(error, 'recordSteps')).toBe(error);
  });
});
