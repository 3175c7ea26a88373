// RFC 9457 problem documents with a stable `code` that clients switch on.
import type { Context } from 'hono';

export const PROBLEM_CODES = {
  'validation-failed': { status: 422, title: 'The request is not valid' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used for a different request' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'not-found': { status: 404, title: 'Not found' },
  'no-draft': { status: 404, title: 'The ticket type has no flow draft yet' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  conflict: { status: 409, title: 'Conflict' },
  'ticket-finished': { status: 409, title: 'The ticket has finished' },
  'ticket-not-running': { status: 409, title: 'The engine is not running the ticket' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
  'engine-unavailable': { status: 503, title: 'The engine is not available' },
  'database-unavailable': { status: 503, title: 'The database is not available' },
} as const;

export type ProblemCode = keyof typeof PROBLEM_CODES;

/** Where a field path starts, by the part of the request it is in (Hono's validation targets). */
const INPUT_ROOTS: Record<string, string> = {
  json: 'body',
  param: 'params',
  header: 'headers',
  cookie: 'cookies',
};
export const inputRoot = (target: string) => INPUT_ROOTS[target] ?? target;

/** One field-level complaint; `path` is like `body.fields.orderNumber`, `params.id`, `query.q`. */
export type FieldError = { path: string; message: string; code?: string };

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  instance: string;
  errors?: FieldError[];
  /** Extra members, e.g. engine diagnostics on a refused deploy. */
  [extension: string]: unknown;
};

/** Thrown anywhere in a handler; the app's error handler renders it. */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    detail: string,
    readonly extra: { errors?: FieldError[]; headers?: Record<string, string>; [k: string]: unknown } = {},
  ) {
    super(detail);
    this.name = 'ApiError';
  }
  get status(): number {
    return PROBLEM_CODES[this.code].status;
  }
}

export const problemType = (code: ProblemCode) => `https://baton.dev/problems/${code}`;

export function problemBody(
  code: ProblemCode,
  detail: string,
  instance: string,
  extra: Record<string, unknown> = {},
): Problem {
  const { status, title } = PROBLEM_CODES[code];
  return { type: problemType(code), title, status, detail, code, instance, ...extra };
}

/**
 * The request's path as sent, percent-encoded: a URI reference for `instance`, and safe to store
 * (decoded, as `c.req.path` is, it may hold a NUL, which Postgres refuses).
 */
export const sentPath = (c: Context) => new URL(c.req.url).pathname;

export function problemResponse(c: Context, error: ApiError): Response {
  const { headers = {}, ...extra } = error.extra;
  const body = problemBody(error.code, error.message, sentPath(c), extra);
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export const notFound = (what: string, id: string) =>
  new ApiError('not-found', `${what} '${id}' does not exist`);
export const forbidden = (detail: string) => new ApiError('forbidden', detail);
/** 429 with Retry-After: `what` says what there were too many of. */
export const rateLimited = (what: string, retryAfterSec: number) =>
  new ApiError('rate-limited', `too many ${what}; retry in ${retryAfterSec} s`, {
    headers: { 'retry-after': String(retryAfterSec) },
  });
export const conflict = (detail: string, extra: Record<string, unknown> = {}) =>
  new ApiError('conflict', detail, extra);
export const invalid = (detail: string, errors: FieldError[] = [], extra: Record<string, unknown> = {}) =>
  new ApiError('validation-failed', detail, { errors, ...extra });
