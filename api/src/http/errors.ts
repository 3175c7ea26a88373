// Turns anything thrown while handling a request into a problem document; never leaks internals,
// neither to the client nor to the log (which gets codes, constraint and route, never values).
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { isDatabaseUnavailable, loggableError, postgresErrorOf, type PostgresError } from '@baton/db';
import { isRuntimeFailure, type RuntimeFailure } from '@baton/workflows';
import { ApiError, problemResponse, type ProblemCode } from './problem.js';

/** When a client should try again after the database could not be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Constraint violations reach here only when input slipped past validation: still the client's fault. */
function fromPg(error: PostgresError): ApiError | undefined {
  const where = error.constraint ? ` (${error.constraint})` : '';
  switch (error.code) {
    case '23505':
      return new ApiError('conflict', `a record with the same key already exists${where}`);
    case '23503':
      return new ApiError('validation-failed', `the request refers to a record that does not exist${where}`);
    case '23514':
    case '23502':
      return new ApiError('validation-failed', `the request breaks a data rule${where}`);
    default:
      // Class 22, data exception: a value Postgres cannot take (format, range, encoding, NUL).
      return error.code.startsWith('22')
        ? new ApiError('validation-failed', 'a value has the wrong format or is out of range')
        : undefined;
  }
}

const databaseUnavailable = () =>
  new ApiError('database-unavailable', 'the database cannot be reached right now; retry later', {
    headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  });

/** A request that declares a JSON body (the media types Hono's JSON validator parses). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;
const declaresJson = (c: Context) =>
  JSON_MEDIA_TYPE.test((c.req.header('content-type') ?? '').split(';')[0]!.trim());

/**
 * Hono's own refusals, by status. Every body of this API is JSON, so Hono's 400 on a request that
 * declares JSON is its validator failing to parse it: told by the request, never by the message.
 */
function fromHttpException(error: HTTPException, c: Context): ApiError {
  const byStatus: Record<number, ProblemCode> = {
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
  };
  if (error.status === 400) {
    return declaresJson(c)
      ? new ApiError('malformed-json', 'the request body is not valid JSON')
      : new ApiError('bad-request', error.message || 'bad request');
  }
  const code = byStatus[error.status];
  return code
    ? new ApiError(code, error.message || code)
    : new ApiError('bad-request', error.message || 'bad request');
}

/** The runtime's typed failures: one status per kind, never read from a message. */
function fromRuntime(error: RuntimeFailure): ApiError {
  switch (error.kind) {
    case 'finished':
      return new ApiError('ticket-finished', error.message);
    case 'not-running':
      return new ApiError(
        'ticket-not-running',
        `${error.message}; an admin can cancel it to close its open stages`,
      );
    case 'unavailable':
      return new ApiError(
        'engine-unavailable',
        `${error.message}. The action may still be applied: retry with the same Idempotency-Key to get its answer.`,
        { headers: { 'retry-after': String(error.retryAfterSeconds ?? 5) } },
      );
  }
}

export function handleError(log: Logger) {
  return (error: Error, c: Context): Response => {
    const route = `${c.req.method} ${c.req.routePath}`;
    if (error instanceof ApiError) return problemResponse(c, error);
    if (isRuntimeFailure(error)) {
      log.warn({ route, kind: error.kind, err: loggableError(error) }, 'engine could not take the request');
      return problemResponse(c, fromRuntime(error));
    }
    if (error instanceof HTTPException) return problemResponse(c, fromHttpException(error, c));
    if (isDatabaseUnavailable(error)) {
      log.warn({ route, err: loggableError(error) }, 'database unavailable');
      return problemResponse(c, databaseUnavailable());
    }
    // drizzle wraps driver errors (DrizzleQueryError) with the pg error as `cause`.
    const pgError = postgresErrorOf(error);
    const mapped = pgError ? fromPg(pgError) : undefined;
    if (mapped) {
      log.info({ route, pgCode: pgError?.code, constraint: pgError?.constraint }, 'database refused input');
      return problemResponse(c, mapped);
    }
    const reference = crypto.randomUUID();
    // The path is not logged: ids in it may be customer data (a ticket's, a search's).
    log.error({ err: loggableError(error), route, reference }, 'unhandled error');
    return problemResponse(
      c,
      new ApiError('internal', `an unexpected error occurred (reference ${reference})`),
    );
  };
}
