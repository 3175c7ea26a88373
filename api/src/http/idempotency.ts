// Idempotency-Key on mutations: the first answer is stored per (user, key) and replayed for a
// repeat of the same request; the same key with a different request is refused with 422.
import type { MiddlewareHandler } from 'hono';
import { sha256 } from '../auth/secrets.js';
import type { AppDeps, AppEnv } from './env.js';
import { ApiError, conflict, invalid, sentPath } from './problem.js';

const MUTATIONS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type StoredAnswer = { request_hash: string; status: number; body: unknown };

export function idempotency(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!MUTATIONS.has(c.req.method)) return next(); // reads skip the header lookup altogether
    const key = c.req.header('idempotency-key');
    const principal = c.get('principal');
    if (key === undefined || !principal) return next();
    if (key.length < 1 || key.length > 200) {
      throw invalid('Idempotency-Key must be 1 to 200 characters', [
        { path: 'header.idempotency-key', message: 'length 1..200' },
      ]);
    }
    const path = sentPath(c);
    const requestHash = sha256(`${c.req.method} ${path}\n${await c.req.text()}`);
    c.set('requestId', sha256(`${principal.id}\n${key}`).slice(0, 32));
    // Claim the key first (status 0 = in progress) so two concurrent repeats cannot both run.
    const claimed = await deps.pool.query(
      `insert into idempotency_keys (user_id, key, method, path, request_hash, status, body, created_at)
       values ($1, $2, $3, $4, $5, 0, null, $6) on conflict do nothing`,
      [principal.id, key, c.req.method, path, requestHash, new Date(deps.config.now())],
    );
    if (claimed.rowCount === 0) {
      const { rows } = await deps.pool.query<StoredAnswer>(
        'select request_hash, status, body from idempotency_keys where user_id = $1 and key = $2',
        [principal.id, key],
      );
      const stored = rows[0];
      if (!stored) throw conflict('the Idempotency-Key was released while this request arrived; retry');
      if (stored.request_hash !== requestHash) {
        throw new ApiError(
          'idempotency-key-reused',
          `Idempotency-Key '${key}' was first used for a different request`,
        );
      }
      if (stored.status === 0) throw conflict(`a request with Idempotency-Key '${key}' is still in progress`);
      return replay(stored);
    }

    const release = () =>
      deps.pool.query('delete from idempotency_keys where user_id = $1 and key = $2', [principal.id, key]);
    try {
      await next();
    } catch (error) {
      await release();
      throw error;
    }
    const res = c.res;
    if (res.status >= 500) {
      await release(); // a failure is not an answer: let the client retry with the same key
      return;
    }
    const text = await res.clone().text();
    await deps.pool.query(
      'update idempotency_keys set status = $3, body = $4 where user_id = $1 and key = $2',
      [principal.id, key, res.status, JSON.stringify(text === '' ? null : parseOrText(text))],
    );
  };
}

const parseOrText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
};

function replay(stored: StoredAnswer): Response {
  const headers: Record<string, string> = { 'idempotent-replayed': 'true' };
  if (stored.body === null) return new Response(null, { status: stored.status, headers });
  headers['content-type'] = stored.status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(stored.body), { status: stored.status, headers });
}
