// Response shapes of the API routes the designer calls (see api/src for the source of truth).
import type { CalendarSpec, Diagnostic, Flow } from '@baton/engine';

export type Role = 'admin' | 'process_owner' | 'agent' | 'manager' | 'developer';

export type Me = {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  departments: string[];
  leads?: string[];
};

export type Health = {
  status: 'ok' | 'degraded' | string;
  database?: { mode: string; ok: boolean; latencyMs?: number };
  engine?: { mode: string; durable: boolean; warning: string | null };
};

export type Department = { key: string; name: string };
export type Calendar = { key: string; name: string; spec: CalendarSpec; isDefault?: boolean };

export type FieldType = 'text' | 'textarea' | 'number' | 'boolean' | 'select' | 'date' | 'email';
export type FieldDefinition = {
  key: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: string[];
};

export type TicketType = {
  id: string;
  name: string;
  description: string;
  fields: FieldDefinition[];
  defaults: Record<string, unknown>;
  latestVersion?: { id: string; version: number } | null;
  hasDraft?: boolean;
};

export type FlowDraft = { xml: string | null; updatedAt?: string; updatedBy?: string | null };

export type FlowVersionSummary = {
  id: string;
  version: number;
  deployedAt: string;
  deployedBy?: string | null;
  deployedByName?: string | null;
};
export type FlowVersion = FlowVersionSummary & { ticketTypeId: string; xml: string; compiled?: Flow };

export type DeployResult = { id: string; version: number; warnings?: Diagnostic[] };

export type JsonSchema = {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  format?: string;
  items?: JsonSchema;
};
/** GET /api/activities: the custom-activity catalogue (workflows' CatalogueEntry). */
export type ActivityType = {
  type: string;
  title: string;
  description?: string;
  /** JSON schema of the activity's input (an object schema). */
  inputSchema?: JsonSchema;
  /** Defaults used when the diagram sets no baton:retries / baton:timeout. */
  retries?: number;
  timeoutMs?: number;
};

/** Lists come as a bare array or wrapped as `{ items }` (paginated routes). */
export function listOf<T>(body: unknown, key = 'items'): T[] {
  if (Array.isArray(body)) return body as T[];
  if (typeof body === 'object' && body !== null) {
    const inner = (body as Record<string, unknown>)[key];
    if (Array.isArray(inner)) return inner as T[];
    for (const value of Object.values(body)) if (Array.isArray(value)) return value as T[];
  }
  return [];
}
