// Creating a ticket: its custom fields checked against the type's form, then started on the type's
// latest flow version.
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Category, Flow, Priority } from '@baton/engine';
import { loggableError, ticketTypes, type FieldDefinition, type TicketSource } from '@baton/db';
import type { StartedTicket } from '@baton/workflows';
import { currentCalendars } from '../directory/calendar-changes.js';
import { latestFlowVersion } from '../flows/flow-versions.js';
import type { AppDeps, Principal } from '../http/env.js';
import { invalid } from '../http/problem.js';
import { fieldErrors, fieldVariables } from './fields.js';

export type NewTicket = {
  typeId: string;
  title: string;
  priority?: Priority;
  category?: Category;
  service?: string;
  customer: Record<string, unknown>;
  fields: Record<string, unknown>;
};

/** The channels through which customers open tickets themselves, without an account. */
export type CustomerChannel = 'form' | 'email';

/** The tickets row's source: a person signed in to the UI, a script with a token, or a channel. */
const sourceOf = (origin: Principal | CustomerChannel): TicketSource =>
  typeof origin === 'string' ? origin : origin.via === 'token' ? 'api' : 'agent';

/** A new ticket's id: random, or derived from the request's idempotency id (a UUID in form). */
function ticketIdFor(requestId: string | undefined): string {
  if (!requestId) return randomUUID();
  const hex = requestId.padEnd(32, '0').slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Starts the ticket; resolves once its run's first step is recorded. If the engine cannot start
 * it, nothing is kept. `requestId` (from an Idempotency-Key) makes a retried start join the run
 * already under way instead of creating a second ticket.
 */
export async function createTicket(
  deps: Pick<AppDeps, 'db' | 'runtime' | 'log'>,
  /** Who opened it, or the channel through which the customer did. */
  origin: Principal | CustomerChannel,
  input: NewTicket,
  requestId: string | undefined,
): Promise<{ ticketId: string; started: StartedTicket }> {
  const creator = typeof origin === 'string' ? undefined : origin;
  const [type] = await deps.db.select().from(ticketTypes).where(eq(ticketTypes.id, input.typeId));
  if (!type)
    throw invalid(`ticket type '${input.typeId}' does not exist`, [
      { path: 'body.typeId', message: 'unknown ticket type' },
    ]);
  const { defaults } = type;
  const fields = { ...(defaults.fields ?? {}), ...input.fields };
  const errors = fieldErrors(type.fields as FieldDefinition[], fields);
  if (errors.length > 0) throw invalid(errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  const version = await latestFlowVersion(deps.db, type.id);
  if (!version)
    throw invalid(`ticket type '${type.id}' has no deployed flow yet`, [
      { path: 'body.typeId', message: 'no deployed flow' },
    ]);

  const ticket = {
    id: ticketIdFor(requestId),
    title: input.title,
    priority: input.priority ?? defaults.priority ?? 'medium',
    category: input.category ?? defaults.category ?? 'other',
    service: input.service ?? defaults.service ?? null,
    customer: input.customer,
    fields,
  };
  // The API writes no row itself: the run's first recorded step creates the tickets row in the
  // same transaction as its first stage and timeline entry, and startTicket resolves once that
  // is written. So a failed or crashed start leaves no ticket behind, and a started run (on
  // Temporal, even if this process dies now) always ends up with its row.
  try {
    const started = await deps.runtime.startTicket({
      flow: await currentCalendars(deps.db, version.compiled as Flow),
      ticket: {
        ticketId: ticket.id,
        typeId: type.id,
        flowVersionId: version.id,
        ...(creator ? { createdBy: creator.id } : {}),
        source: sourceOf(origin),
        variables: {
          ...fieldVariables(ticket.fields),
          title: ticket.title,
          priority: ticket.priority,
          category: ticket.category,
          service: ticket.service,
          customer: ticket.customer,
          fields: ticket.fields,
        },
      },
    });
    deps.log.info({ ticketId: ticket.id, typeId: type.id, userId: creator?.id ?? null }, 'ticket created');
    return { ticketId: ticket.id, started };
  } catch (error) {
    deps.log.error(
      { err: loggableError(error), ticketId: ticket.id, flowVersionId: version.id },
      'ticket start failed; no ticket was created',
    );
    throw error;
  }
}
