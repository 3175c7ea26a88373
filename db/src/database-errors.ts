// What a database failure is, told by codes and by the pool's mark, never by message text; and
// what of any error may be logged. A pg error carries the statement's values in its `detail`
// ("Key (email)=(…) already exists"), drizzle's wrapper carries the statement and its `params`
// (a password hash, customer data) in fields and in its message: none of that may reach a log.
import { isUnreachableMarked } from './pool.js';

/** The parts of a Postgres error that describe it without quoting any value. */
export type PostgresError = Error & {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  dataType?: string;
  schema?: string;
  routine?: string;
  severity?: string;
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

const causes = function* (error: unknown): Generator<unknown> {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current);) {
    seen.add(current);
    yield current;
    current = (current as { cause?: unknown }).cause;
  }
};

/** The Postgres error itself or under a wrapper (drizzle's DrizzleQueryError keeps it as `cause`). */
export function postgresErrorOf(error: unknown): PostgresError | undefined {
  for (const candidate of causes(error)) {
    const code = (candidate as { code?: unknown }).code;
    if (typeof code === 'string' && SQLSTATE.test(code)) return candidate as PostgresError;
  }
  return undefined;
}

/**
 * SQLSTATEs of a server that is going away or not taking connections: class 08 (connection
 * exception), 57P01 admin shutdown (also pg_terminate_backend), 57P02 crash shutdown, 57P03
 * cannot connect now (starting or stopping), 53300 too many connections.
 */
const UNAVAILABLE_STATES = /^(08...|57P0[123]|53300)$/;

/** Node's socket errors of a server that is not there or dropped the connection. */
const UNREACHABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * Whether the error says the database could not be reached (refused, terminated, shutting down,
 * no connection free within the pool's acquire timeout, lost mid-query): a retry later may work.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (const candidate of causes(error)) {
    if (isUnreachableMarked(candidate)) return true;
    const code = (candidate as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (SQLSTATE.test(code)) return UNAVAILABLE_STATES.test(code);
    if (UNREACHABLE_SOCKET_CODES.has(code)) return true;
  }
  return false;
}

/** What of an error a log line may hold. */
export type LoggableError = {
  type: string;
  message?: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  dataType?: string;
  routine?: string;
  severity?: string;
  kind?: string;
  /** Call frames only: a stack's first line repeats the message. */
  stack?: string;
  cause?: LoggableError;
};

/** Errors whose message quotes what was sent: pg's (values), drizzle's (statement and params), JSON's (input). */
function messageQuotesInput(error: object): boolean {
  return (
    postgresErrorOf(error) === error ||
    'params' in error ||
    'query' in error ||
    'parameters' in error ||
    error instanceof SyntaxError
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** Marks what loggableError made, so that the logger's serializer passes it on as it is. */
const LOGGABLE = Symbol.for('baton.db.loggableError');

/**
 * An error as a log line may hold it: its type, codes, constraint and table, call frames and, for
 * errors that do not quote their input, the message; the same for its causes. The pino serializer
 * of every Baton logger's `err` (see logSerializers).
 */
export function loggableError(error: unknown, depth = 0): LoggableError | string | undefined {
  if (error === undefined || error === null) return undefined;
  // A bare string may be a message that quoted its input: keep only that there was one.
  if (typeof error !== 'object') return typeof error === 'string' ? '(message withheld)' : String(error);
  if ((error as Record<symbol, unknown>)[LOGGABLE] === true) return error as LoggableError;
  const e = error as Record<string, unknown>;
  const type = error instanceof Error ? error.constructor.name || error.name : 'object';
  const fields: LoggableError = { type };
  if (!messageQuotesInput(error) && typeof e.message === 'string') fields.message = e.message;
  for (const key of [
    'code',
    'constraint',
    'table',
    'column',
    'dataType',
    'routine',
    'severity',
    'kind',
  ] as const) {
    const value = text(e[key]);
    if (value !== undefined) fields[key] = value;
  }
  const stack = text(e.stack);
  if (stack) {
    const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
    if (frames.length > 0) fields.stack = frames.join('\n');
  }
  if (e.cause !== undefined && depth < 5) {
    const cause = loggableError(e.cause, depth + 1);
    if (cause !== undefined && typeof cause === 'object') fields.cause = cause;
  }
  Object.defineProperty(fields, LOGGABLE, { value: true, enumerable: false });
  return fields;
}

/** pino serializers for every Baton logger: `err` fields are logged as loggableError says. */
export const logSerializers = { err: loggableError };
