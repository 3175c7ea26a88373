// How the database and the engine are doing, for /api/health.
import { loggableError } from '@baton/db';
import type { AppDeps } from '../http/env.js';

export type Health = {
  status: 'ok' | 'degraded';
  database: { mode: string; ok: boolean; latencyMs: number };
  engine: { mode: string; durable: boolean; warning: string | null };
};

/** Degraded when the database does not answer a trivial query; the engine is described, not probed. */
export async function checkHealth(deps: AppDeps): Promise<Health> {
  const started = performance.now();
  const ok = await deps.pool.query('select 1').then(
    () => true,
    (error: unknown) => {
      deps.log.error({ err: loggableError(error) }, 'health check: database query failed');
      return false;
    },
  );
  return {
    status: ok ? 'ok' : 'degraded',
    database: {
      mode: deps.databaseMode ?? 'url',
      ok,
      latencyMs: Math.round((performance.now() - started) * 10) / 10,
    },
    engine: {
      mode: deps.runtime.mode,
      durable: deps.runtime.durable,
      warning: deps.runtimeWarning ?? null,
    },
  };
}
