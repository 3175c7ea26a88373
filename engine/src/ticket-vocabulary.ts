// The words every layer uses for a ticket: FEEL conditions in diagrams test them (`priority =
// "urgent"`), the workflow sets the status, the database checks them, the designer offers them.
// One list here, so no layer keeps a copy.

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
