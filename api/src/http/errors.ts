// Turns anything thrown while handling a request into a problem document; never leaks internals.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { ApiError, problemResponse, type ProblemCode } from './problem.js';

type PgError = Error & { code?: string; constraint?: string; detail?: string; column?: string };

const isPgError = (error: Error): error is PgError =>
  typeof (error as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((error as PgError).code ?? '');

/** Constraint violations reach here only when input slipped past validation: still the client's fault. */
function fromPg(error: PgError): ApiError | undefined {
  const where = error.constraint ? ` (${error.constraint})` : '';
  switch (error.code) {
    case '23505':
      return new ApiError('conflict', `a record with the same key already exists${where}`);
    case '23503':
      return new ApiError('validation-failed', `the request refers to a record that does not exist${where}`);
    case '23514':
    case '23502':
      return new ApiError('validation-failed', `the request breaks a data rule${where}`);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new ApiError('validation-failed', 'a value has the wrong format or is out of range');
    default:
      return undefined;
  }
}

function fromHttpException(error: HTTPException): ApiError {
  const byStatus: Record<number, ProblemCode> = {
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    405: 'method-not-allowed',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
  };
  if (error.status === 400) {
    return /json/i.test(error.message)
      ? new ApiError('malformed-json', 'the request body is not valid JSON')
      : new ApiError('bad-request', error.message || 'bad request');
  }
  const code = byStatus[error.status];
  return code
    ? new ApiError(code, error.message || code)
    : new ApiError('bad-request', error.message || 'bad request');
}

export function handleError(log: Logger) {
  return (error: Error, c: Context): Response => {
    if (error instanceof ApiError) return problemResponse(c, error);
    if (error instanceof HTTPException) return problemResponse(c, fromHttpException(error));
    // drizzle wraps driver errors (DrizzleQueryError) with the pg error as `cause`.
    const pgError = isPgError(error)
      ? error
      : error.cause instanceof Error && isPgError(error.cause)
        ? error.cause
        : undefined;
    const mapped = pgError ? fromPg(pgError) : undefined;
    if (mapped) {
      log.info(
        {
          route: `${c.req.method} ${c.req.routePath}`,
          pgCode: pgError?.code,
          constraint: pgError?.constraint,
        },
        'database refused input',
      );
      return problemResponse(c, mapped);
    }
    const reference = crypto.randomUUID();
    log.error(
      { err: error, route: `${c.req.method} ${c.req.routePath}`, path: c.req.path, reference },
      'unhandled error',
    );
    return problemResponse(
      c,
      new ApiError('internal', `an unexpected error occurred (reference ${reference})`),
    );
  };
}
