// Incidents: where a ticket's flow could not go on (a condition that failed to evaluate, a
// gateway with nothing to take). The engine records them as `incident.opened` and
// `incident.resolved` timeline entries; a ticket's open incidents are the opened ones no
// resolution followed, and an owner resolves one by retrying with corrected fields.
import { eq } from 'drizzle-orm';
import type { Pool } from 'pg';
import { ticketTypes, tickets, type FieldDefinition } from '@baton/db';
import { ticketVisibilitySql } from '../access/ticket-visibility.js';
import { actorFor } from '../access/task-access.js';
import { rejection } from '../http/engine-rejection.js';
import type { AppDeps, Principal } from '../http/env.js';
import { conflict, invalid, notFound } from '../http/problem.js';
import { sqlParameters } from '../sql/parameters.js';
import type { TicketView } from './detail-query.js';
import { fieldErrors, fieldVariables } from './fields.js';
import { isFinished } from './ticket-status.js';

export type OpenIncident = {
  id: string;
  elementId: string;
  flowId: string | null;
  expression: string | null;
  error: string;
  at: string;
};

type TimelineEntry = Pick<TicketView['timeline'][number], 'type' | 'at' | 'data'>;

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The incident an `incident.opened` entry tells of. */
const incidentOf = (entry: TimelineEntry): OpenIncident => ({
  id: String(entry.data.incidentId),
  elementId: String(entry.data.elementId),
  flowId: text(entry.data.flowId),
  expression: text(entry.data.expression),
  error: String(entry.data.error),
  at: entry.at,
});

/** Every incident of a timeline, and whether it was resolved. */
function incidentsOf(timeline: readonly TimelineEntry[]): { incident: OpenIncident; resolved: boolean }[] {
  const resolved = new Set(
    timeline.filter((e) => e.type === 'incident.resolved').map((e) => String(e.data.incidentId)),
  );
  return timeline
    .filter((e) => e.type === 'incident.opened')
    .map((e) => ({ incident: incidentOf(e), resolved: resolved.has(String(e.data.incidentId)) }));
}

/** A ticket's open incidents, oldest first (none once the ticket is finished). */
export function openIncidentsOf(view: Pick<TicketView, 'status' | 'timeline'>): OpenIncident[] {
  if (isFinished(view.status)) return [];
  return incidentsOf(view.timeline)
    .filter((i) => !i.resolved)
    .map((i) => i.incident);
}

export type IncidentListRow = OpenIncident & {
  ticket: { id: string; number: number; title: string; typeId: string };
};

/** Open incidents over the open tickets the caller may see, newest first. */
export async function listOpenIncidents(
  pool: Pool,
  principal: Principal,
  limit: number,
): Promise<IncidentListRow[]> {
  const params = sqlParameters();
  const visible = ticketVisibilitySql(principal, params);
  // From the open tickets to their entries (the primary key's ticket_id), not a scan of every event.
  const { rows } = await pool.query<{
    ticket_id: string;
    number: string;
    title: string;
    type_id: string;
    at: Date;
    data: Record<string, unknown>;
  }>(
    `select t.id as ticket_id, t.number, t.title, t.type_id, e.at, e.data
       from tickets t join ticket_events e on e.ticket_id = t.id and e.type = 'incident.opened'
      where t.status not in ('done', 'cancelled')${visible ? ` and ${visible}` : ''}
        and not exists (select 1 from ticket_events r where r.ticket_id = e.ticket_id
          and r.type = 'incident.resolved' and r.data->>'incidentId' = e.data->>'incidentId')
      order by e.at desc, t.id, e.seq desc
      limit ${params.add(limit)}`,
    params.values,
  );
  return rows.map((r) => ({
    ...incidentOf({ type: 'incident.opened', at: r.at.toISOString(), data: r.data }),
    ticket: { id: r.ticket_id, number: Number(r.number), title: r.title, typeId: r.type_id },
  }));
}

/**
 * Retries an open incident of a ticket the caller may act on (the route checked who): `fields`
 * (the ticket's corrected form fields, checked by the type's form rule) are saved on the ticket
 * and given to the engine as the variables they are at start, then the flow goes on from where it
 * stopped. 404 for an incident the ticket never had, 409 for one already resolved.
 */
export async function retryIncident(
  deps: Pick<AppDeps, 'db' | 'runtime' | 'log'>,
  principal: Principal,
  view: TicketView,
  incidentId: string,
  fields: Record<string, unknown> | undefined,
  requestId: string | undefined,
): Promise<void> {
  const found = incidentsOf(view.timeline).find((i) => i.incident.id === incidentId);
  if (!found) throw notFound(`incident of ticket ${view.id}`, incidentId);
  if (found.resolved) throw conflict(`incident '${incidentId}' of ticket ${view.id} is already resolved`);
  let merged: Record<string, unknown> | undefined;
  if (fields !== undefined) {
    const [type] = await deps.db.select().from(ticketTypes).where(eq(ticketTypes.id, view.typeId));
    merged = { ...view.fields, ...fields };
    const errors = fieldErrors((type?.fields ?? []) as FieldDefinition[], merged);
    if (errors.length > 0) throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }
  const result = await deps.runtime.act(
    view.id,
    {
      type: 'incident.retried',
      incidentId,
      actor: actorFor(principal),
      ...(merged === undefined ? {} : { fields: { ...fieldVariables(merged), fields: merged } }),
    },
    requestId ? { requestId } : {},
  );
  if (!result.ok) throw rejection(result.rejected, `retry incident ${incidentId} of ticket ${view.id}`);
  // The engine took the corrected data: the ticket shows it too.
  if (merged !== undefined)
    await deps.db.update(tickets).set({ fields: merged }).where(eq(tickets.id, view.id));
  deps.log.info({ ticketId: view.id, incidentId, userId: principal.id }, 'incident retried');
}
