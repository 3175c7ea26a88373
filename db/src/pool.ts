// The one way Baton makes a pg.Pool: bounded in size and in how long a caller waits for a
// connection (an exhausted pool answers "unavailable" instead of hanging every request), and
// with the errors that mean "the database could not be reached" marked as such, since neither
// pg-pool's timeout nor pg's lost connection has an error code to tell them by.
import pg from 'pg';

export type PoolSettings = {
  /** Connections at most. */
  max: number;
  /** How long a caller waits for a connection (a free one, or a new one being opened), in ms. */
  acquireTimeoutMs: number;
};

export const DEFAULT_POOL_SETTINGS: PoolSettings = { max: 10, acquireTimeoutMs: 10_000 };

const UNREACHABLE = Symbol.for('baton.db.unreachable');

/** Marks `error` as one of not reaching the database (see isUnreachableMarked). */
function markUnreachable(error: unknown): unknown {
  if (error && typeof error === 'object' && !Object.isFrozen(error))
    Object.defineProperty(error, UNREACHABLE, { value: true, enumerable: false });
  return error;
}

/** Whether the pool marked the error: no connection could be had, or the one in use was lost. */
export const isUnreachableMarked = (error: unknown): boolean =>
  !!error && typeof error === 'object' && (error as Record<symbol, unknown>)[UNREACHABLE] === true;

type Callback = (error: unknown, result?: unknown) => void;

/**
 * A client that marks a query's failure when its connection ended under it (the server went away
 * without a word: pg errors such queries without a code). Its own listener on the connection's
 * end runs before pg's, which fails the queries on the next tick.
 */
class MarkingClient extends pg.Client {
  #lost = false;

  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.connection.once('end', () => {
      this.#lost = true;
    });
    // pg emits 'error' on a client whose connection is lost. Idle in the pool, the pool hears it
    // (and emits its own 'error'); checked out, between two queries of a transaction, nobody
    // does, and an unhandled 'error' event ends the process. The holder learns of it anyway: its
    // query under way fails, and so does the next one (the client is no longer queryable, and
    // the pool drops it on release).
    this.on('error', () => undefined);
  }

  #mark = (error: unknown) => (this.#lost ? markUnreachable(error) : error);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one body for every overload of query
  override query(...args: any[]): any {
    const last: unknown = args.at(-1);
    if (typeof last === 'function') {
      const callback = last as Callback;
      args[args.length - 1] = (error: unknown, result: unknown) =>
        callback(error ? this.#mark(error) : error, result);
      return (super.query as (...a: unknown[]) => unknown)(...args);
    }
    const result: unknown = (super.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise
      ? result.catch((error: unknown) => {
          throw this.#mark(error);
        })
      : result;
  }
}

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/** pool.query and pool.connect both come here: a failure to get a connection is marked. */
class MarkingPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (callback) {
      super.connect((error, client, done) =>
        callback(error ? (markUnreachable(error) as Error) : error, client, done),
      );
      return;
    }
    return super.connect().catch((error: unknown) => {
      throw markUnreachable(error);
    });
  }
}

export function createPool(url: string, settings: PoolSettings = DEFAULT_POOL_SETTINGS): pg.Pool {
  return new MarkingPool({
    connectionString: url,
    max: settings.max,
    connectionTimeoutMillis: settings.acquireTimeoutMs,
    Client: MarkingClient,
  });
}
