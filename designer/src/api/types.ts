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

export type SlaLevel = 'ok' | 'warning' | 'overdue' | 'severe';

/** GET /api/tasks: one open task of the inbox (api QueueItem). */
export type QueueItem = {
  /** Global task id `<ticketId>.<taskId>`, what the task routes take. */
  id: string;
  ticketId: string;
  ticketNumber: number;
  ticketTitle: string;
  priority: string;
  taskId: string;
  elementId: string;
  name: string;
  department: string | null;
  assigneeId: string | null;
  outcomes: string[];
  enteredAt: string;
  claimedAt: string | null;
  dueAt: string | null;
  slaLevel: SlaLevel;
};

/** One row of GET /api/tickets (api TicketSummary). */
export type TicketSummary = {
  id: string;
  number: number;
  typeId: string;
  title: string;
  priority: string;
  category: string;
  service: string | null;
  status: string;
  slaLevel: SlaLevel;
  slaDueAt: string | null;
  customer: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  openTasks: {
    id: string;
    name: string;
    department: string | null;
    assigneeId: string | null;
    dueAt: string | null;
    slaLevel: SlaLevel;
  }[];
};

/** An open task in GET /api/tickets/:id (api OpenTask). */
export type OpenTask = {
  id: string;
  taskId: string;
  elementId: string;
  name: string;
  department: string | null;
  outcomes: string[];
  assignee: string | null;
  openedAt: string;
  claimedAt: string | null;
  dueAt: string | null;
  held: boolean;
  slaLevel: SlaLevel;
};

/** One stages row of a ticket: a user-task instance from entry to close. */
export type Stage = {
  id: string;
  taskId: string;
  elementId: string;
  name: string;
  department: string | null;
  assigneeId: string | null;
  enteredAt: string;
  claimedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  dueAt: string | null;
  slaLevel: SlaLevel;
  totalMs: number | null;
};

/** One ticket_events row: an engine event or one of its effects. */
export type TicketEvent = {
  seq: number;
  type: string;
  at: string;
  actorId: string | null;
  taskId: string | null;
  data: Record<string, unknown>;
};

export type TicketDetail = {
  id: string;
  number: number;
  type: { id: string; name: string };
  title: string;
  priority: string;
  category: string;
  service: string | null;
  status: string;
  customer: Record<string, unknown>;
  createdAt: string;
  closedAt: string | null;
  sla: { level: SlaLevel; dueAt: string | null };
  live: boolean;
  openTasks: OpenTask[];
  stages: Stage[];
  timeline: TicketEvent[];
};

/** GET /api/users (the fields the designer shows). */
export type UserSummary = { id: string; name: string; email: string };
