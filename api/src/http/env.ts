// What every handler can reach: the app's dependencies and the authenticated principal.
import type { Pool } from 'pg';
import type { Logger } from 'pino';
import type { Database, ManagerScope, Role } from '@baton/db';
import type { CatalogueEntry } from '@baton/workflows';
import type { EngineRuntime } from '../runtime.js';
import type { ApiConfig } from '../config.js';

export type { Database };

/** What the designer offers for service tasks (workflows' activity catalogue). */
export type ActivityInfo = CatalogueEntry;

export type AppDeps = {
  db: Database;
  pool: Pool;
  runtime: EngineRuntime;
  /** Shown in health and logs when the runtime is not durable. */
  runtimeWarning?: string;
  /** 'embedded' or 'url', reported by /api/health. */
  databaseMode?: string;
  log: Logger;
  config: ApiConfig;
  activities: readonly ActivityInfo[];
};

export type Principal = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Departments the user is a member of. */
  departments: string[];
  /** Departments the user leads. */
  leads: string[];
  /** What the manager role covers for this user (access/roles.ts decides by it). */
  managerScope: ManagerScope;
  via: 'session' | 'token';
  /** sha256 of the session cookie, for logout. */
  sessionHash?: string;
};

export type AppEnv = {
  Variables: {
    principal?: Principal;
    /**
     * Set for a mutation sent with an Idempotency-Key: a stable id of (caller, key), which the
     * engine runtime uses so a repeat reaching it (e.g. after a lost answer) applies once.
     */
    requestId?: string;
  };
};
