// The words and small decisions of the Webhooks page: what each event means, a delivery's status
// as a badge, one attempt in a line, which deliveries may be sent again, and the form's body.
import type {
  WebhookAttempt,
  WebhookDeliveryStatus,
  WebhookEvent,
  WebhookSubscription,
} from '../api/types.js';

type EventOption = { value: WebhookEvent; label: string; explanation: string };

/** Every event the API accepts, in the API's order; the Record makes a new event a type error here. */
const EVENT_TEXT: Record<WebhookEvent, Omit<EventOption, 'value'>> = {
  'ticket.created': { label: 'Ticket created', explanation: 'a new ticket of any source' },
  'ticket.stage_changed': {
    label: 'Stage changed',
    explanation: 'the ticket reached a new stage (a department picked it up)',
  },
  'ticket.sla_level': {
    label: 'SLA level reached',
    explanation: 'a stage or the whole ticket became due soon, overdue or severely overdue',
  },
  'ticket.done': {
    label: 'Ticket done',
    explanation: 'the flow finished the ticket (not on a cancellation)',
  },
  'ticket.rated': { label: 'Ticket rated', explanation: 'the customer rated the service' },
  'ticket.reopened': {
    label: 'Ticket reopened',
    explanation: 'a done ticket was opened again (by someone in charge, or the customer’s answer)',
  },
};

export const WEBHOOK_EVENT_OPTIONS: readonly EventOption[] = (
  Object.entries(EVENT_TEXT) as [WebhookEvent, Omit<EventOption, 'value'>][]
).map(([value, text]) => ({ value, ...text }));

/** What a new subscription starts with: a ticket's life without the noisier SLA and rating events. */
export const DEFAULT_WEBHOOK_EVENTS: readonly WebhookEvent[] = [
  'ticket.created',
  'ticket.stage_changed',
  'ticket.done',
];

export const eventLabel = (event: WebhookEvent): string => EVENT_TEXT[event]?.label ?? event;

export type DeliveryFilter = WebhookDeliveryStatus | 'all';
export const DELIVERY_FILTERS: readonly (readonly [DeliveryFilter, string])[] = [
  ['all', 'All'],
  ['pending', 'Pending'],
  ['delivered', 'Delivered'],
  ['failed', 'Failed'],
];

export type Badge = { label: string; tone: 'ok' | 'warn' | 'danger' };
export function deliveryBadge(status: WebhookDeliveryStatus): Badge {
  if (status === 'delivered') return { label: 'delivered', tone: 'ok' };
  if (status === 'failed') return { label: 'failed', tone: 'danger' };
  return { label: 'pending', tone: 'warn' };
}

/** The API answers 409 to a redelivery while the delivery still has attempts running. */
export const mayRedeliver = (status: WebhookDeliveryStatus): boolean => status !== 'pending';

export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** One attempt in a line: what the receiver answered (or why it did not) and how long it took. */
export function attemptSummary(attempt: WebhookAttempt): string {
  const answer = attempt.statusCode === null ? 'no answer' : `HTTP ${attempt.statusCode}`;
  const error = attempt.error && attempt.error !== answer ? `: ${attempt.error}` : '';
  return `#${attempt.attempt} ${answer} in ${formatDurationMs(attempt.durationMs)}${error}`;
}

/** The last outcome of a delivery, for its row: the error when there is one, else the status code. */
export function lastOutcome(delivery: { lastStatusCode: number | null; lastError: string | null }): string {
  if (delivery.lastError) return delivery.lastError;
  return delivery.lastStatusCode === null ? '' : `HTTP ${delivery.lastStatusCode}`;
}

/** How the API retries a failed delivery (GET /api/webhooks answers its delivery workflow's policy). */
export type RetryPolicy = {
  initialIntervalMs: number;
  backoffCoefficient: number;
  maximumIntervalMs: number;
  maximumAttempts: number;
};

/** The waits between the attempts: one fewer than the attempts. */
export function retryWaitsMs(policy: RetryPolicy): number[] {
  return Array.from({ length: policy.maximumAttempts - 1 }, (_, i) =>
    Math.min(policy.maximumIntervalMs, policy.initialIntervalMs * policy.backoffCoefficient ** i),
  );
}

export type WebhookForm = {
  url: string;
  description: string;
  events: WebhookEvent[];
  /** '' = every ticket type (the select's "All types"). */
  typeId: string;
};

export const emptyWebhookForm = (): WebhookForm => ({
  url: '',
  description: '',
  events: [...DEFAULT_WEBHOOK_EVENTS],
  typeId: '',
});

export const webhookFormOf = (s: WebhookSubscription): WebhookForm => ({
  url: s.url,
  description: s.description,
  events: [...s.events],
  typeId: s.typeId ?? '',
});

/** The body of POST /api/webhooks and PATCH /api/webhooks/{id}: trimmed, events in the API's order. */
export function webhookBody(form: WebhookForm) {
  return {
    url: form.url.trim(),
    description: form.description.trim(),
    events: WEBHOOK_EVENT_OPTIONS.map((o) => o.value).filter((e) => form.events.includes(e)),
    typeId: form.typeId || null,
  };
}

/** What the API would refuse outright, so the form does not offer to send it. */
export const webhookFormReady = (form: WebhookForm): boolean =>
  form.url.trim() !== '' && form.events.length > 0;

/** A payload as the receiver gets it, indented for reading (shown as text, never as HTML). */
export const payloadText = (payload: Record<string, unknown>): string => JSON.stringify(payload, null, 2);
