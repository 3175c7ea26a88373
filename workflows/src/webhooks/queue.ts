// Queueing webhook deliveries: called inside the transaction that records the events (a step, a
// rating), so a delivery exists exactly when its event does. One row per matching active
// subscription, with the ticket as it stands after the change; the dispatcher takes it from there.
import { type Transaction, webhookDeliveries } from '@baton/db';
import { and, eq, gte, isNull, sql } from 'drizzle-orm';
import type { WebhookEventRecord } from './events.js';

/** Queues `events` of ticket `ticketId` for every subscription that follows them; answers how many. */
export function queueWebhookEvents(
  tx: Transaction,
  ticketId: string,
  seq: number | null,
  events: readonly WebhookEventRecord[],
): Promise<number> {
  return queueTicketsWebhookEvents(
    tx,
    events.map((event) => ({ ...event, ticketId, seq })),
  );
}

/** The same for the events of many tickets at once (one statement: the escalation watch's batch). */
export async function queueTicketsWebhookEvents(
  tx: Transaction,
  events: readonly (WebhookEventRecord & { ticketId: string; seq: number | null })[],
): Promise<number> {
  if (events.length === 0) return 0;
  const rows = events.map((e) => ({
    ticket_id: e.ticketId,
    seq: e.seq,
    event_id: e.eventId,
    event: e.event,
    at: new Date(e.at).toISOString(),
    data: e.data,
  }));
  const queued = await tx.execute(sql`
    insert into webhook_deliveries (subscription_id, event_id, event, ticket_id, seq, payload)
    select s.id, e.event_id, e.event, t.id, e.seq,
      jsonb_build_object(
        'event', e.event,
        'eventId', e.event_id,
        'occurredAt', e.at,
        'ticket', jsonb_build_object(
          'id', t.id, 'number', t.number, 'title', t.title, 'typeId', t.type_id,
          'status', t.status, 'priority', t.priority, 'category', t.category,
          'slaLevel', t.sla_level, 'createdAt', t.created_at, 'closedAt', t.closed_at),
        'data', e.data)
    from rows from (jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as (ticket_id text, seq integer, event_id text, event text, at text, data jsonb))
      with ordinality as e(ticket_id, seq, event_id, event, at, data, ord)
    join tickets t on t.id = e.ticket_id
    join webhook_subscriptions s
      on s.active and e.event = any(s.events) and (s.type_id is null or s.type_id = t.type_id)
    -- Delivery ids follow the events' order: the dispatcher hands them over in id order.
    order by e.ord, s.id
    on conflict (subscription_id, event_id) do nothing`);
  return queued.rowCount ?? 0;
}

/**
 * A step written again (a replaced workflow task attempt) drops the deliveries its first write
 * queued and nobody has taken yet; those already handed to delivery stay (they cannot be recalled,
 * and their event ids keep the rewrite from queueing them twice).
 */
export async function dropUntakenWebhookEvents(tx: Transaction, ticketId: string, fromSeq: number) {
  await tx
    .delete(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.ticketId, ticketId),
        gte(webhookDeliveries.seq, fromSeq),
        eq(webhookDeliveries.status, 'pending'),
        isNull(webhookDeliveries.dispatchedAt),
      ),
    );
}
