// The words every layer uses for a ticket: FEEL conditions in diagrams test them (`priority =
// "urgent"`), the workflow sets the status, the database checks them, the designer offers them.
// One list here, so no layer keeps a copy.
import type { SlaLevel } from './types.js';

export const PRIORITIES = ['urgent', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CATEGORIES = [
  'fault',
  'inquiry',
  'service-request',
  'complaint',
  'suggestion',
  'refund',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** `replied` is set by the API when a customer answers; the engine never sets it. */
export const TICKET_STATUSES = [
  'submitted',
  'pending',
  'in_progress',
  'replied',
  'done',
  'cancelled',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** SLA levels from on time to most overdue: lists show the worst of several by this order. */
export const SLA_LEVELS = ['ok', 'warning', 'overdue', 'severe'] as const satisfies readonly SlaLevel[];

/**
 * The actor id of what the customer's own channel does on a ticket (their mail reopening it): no
 * user of Baton, so timelines say "the customer".
 */
export const CUSTOMER_ACTOR_ID = 'customer';

/** Final statuses: nothing can be done with such a ticket any more. */
export const FINISHED_TICKET_STATUSES = ['done', 'cancelled'] as const satisfies readonly TicketStatus[];
export const isFinishedTicketStatus = (status: string) =>
  (FINISHED_TICKET_STATUSES as readonly string[]).includes(status);

/**
 * The variables every ticket's run starts with besides its form fields, which are top-level
 * variables too (these win over a field of the same name): what the API passes to startRun and
 * what the compiler checks conditions against. `service` is null when none is given.
 */
export type TicketVariables = {
  title: string;
  priority: Priority;
  category: Category;
  service: string | null;
  customer: Record<string, unknown>;
  /** The form fields again, as one context (`fields.orderAmount`). */
  fields: Record<string, unknown>;
};

/** What each of them holds, for a condition that names one: FEEL strings and contexts. */
export const TICKET_VARIABLES = {
  title: 'string',
  priority: 'string',
  category: 'string',
  service: 'string',
  customer: 'context',
  fields: 'context',
} as const satisfies Record<keyof TicketVariables, 'string' | 'context'>;
