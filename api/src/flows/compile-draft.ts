// Compiles flow XML against this installation (its business calendars and custom activities) and
// against the ticket type it is for, whose form fields its conditions are checked against.
import { eq } from 'drizzle-orm';
import { compileFlow, type CalendarSpec } from '@baton/engine';
import { calendars, ticketTypes, type FieldDefinition } from '@baton/db';
import type { ActivityInfo, Database } from '../http/env.js';

export async function compileAgainstInstallation(
  db: Database,
  activities: readonly ActivityInfo[],
  xml: string,
  ticketTypeId: string,
) {
  const [calendarRows, [type]] = await Promise.all([
    db.select({ key: calendars.key, spec: calendars.spec }).from(calendars),
    db.select({ fields: ticketTypes.fields }).from(ticketTypes).where(eq(ticketTypes.id, ticketTypeId)),
  ]);
  const calendarMap = Object.fromEntries(calendarRows.map((r) => [r.key, r.spec as CalendarSpec]));
  return compileFlow(xml, {
    calendars: calendarMap,
    activities: activities.map((a) => a.type),
    // Callers have checked that the type exists; its form is what every ticket of it carries.
    ...(type ? { ticketFields: type.fields as FieldDefinition[] } : {}),
  });
}
