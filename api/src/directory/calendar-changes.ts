// A saved calendar reaches the tickets it times: running tickets get it as a calendars.changed
// event (their open clocks re-targeted inside their runs, each move on their timelines), and a
// ticket started later counts on it from its first step (currentCalendars), as on the calendars
// its departments keep.
import { and, eq, inArray, isNotNull, isNull, notInArray, or, sql } from 'drizzle-orm';
import { FINISHED_TICKET_STATUSES, type CalendarSpec, type Flow } from '@baton/engine';
import { calendars, departments, flowVersions, tickets, loggableError } from '@baton/db';
import { actorFor } from '../access/task-access.js';
import type { AppDeps, Database, Principal } from '../http/env.js';

/** What saving a calendar did to the running tickets on it. */
export type CalendarReach = {
  /** Running tickets whose flow counts on the calendar. */
  total: number;
  /** Of those, how many took the change (their clocks re-targeted where a deadline moved). */
  reached: number;
  /** Tickets the change could not reach now (runtime unavailable, ticket ended meanwhile...). */
  failed: { ticketId: string; error: string }[];
};

/** Several at once, not all: a calendar can time thousands of tickets. */
const CONCURRENT_TICKETS = 8;

export async function reachRunningTickets(
  deps: Pick<AppDeps, 'db' | 'runtime' | 'log'>,
  principal: Principal,
  key: string,
  spec: CalendarSpec,
): Promise<CalendarReach> {
  const open = await deps.db
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(flowVersions, eq(flowVersions.id, tickets.flowVersionId))
    .where(
      and(
        notInArray(tickets.status, [...FINISHED_TICKET_STATUSES]),
        isNull(tickets.importedFrom),
        or(
          sql`(${flowVersions.compiled} -> 'calendars') ? ${key}`,
          // A department keeping these hours: its tickets got the calendar when they started.
          sql`exists (select 1 from ${departments} d where d.calendar_key = ${key}
            and (${flowVersions.compiled} -> 'departments') ? d.key)`,
        ),
      ),
    );
  const event = {
    type: 'calendars.changed' as const,
    calendars: { [key]: spec },
    reason: `calendar '${key}' was edited`,
    actor: actorFor(principal),
  };
  const failed: CalendarReach['failed'] = [];
  let next = 0;
  const worker = async () => {
    while (next < open.length) {
      const ticketId = open[next++]!.id;
      try {
        const result = await deps.runtime.act(ticketId, event);
        if (!result.ok) failed.push({ ticketId, error: result.rejected });
      } catch (error) {
        failed.push({ ticketId, error: error instanceof Error ? error.message : String(error) });
        deps.log.warn(
          { ticketId, calendar: key, err: loggableError(error) },
          'calendar change did not reach a ticket',
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_TICKETS, open.length) }, worker));
  const reach = { total: open.length, reached: open.length - failed.length, failed };
  deps.log.info(
    { calendar: key, runningTickets: reach.total, reached: reach.reached },
    'calendar change sent to open tickets',
  );
  return reach;
}

/**
 * The flow with its calendars as they are saved now (a ticket started today counts on today's),
 * and the calendars of its departments that keep their own hours (Flow.departmentCalendars).
 */
export async function currentCalendars(db: Database, flow: Flow): Promise<Flow> {
  const own =
    flow.departments.length === 0
      ? []
      : await db
          .select({ department: departments.key, calendar: departments.calendarKey })
          .from(departments)
          .where(and(inArray(departments.key, flow.departments), isNotNull(departments.calendarKey)));
  const departmentCalendars = Object.fromEntries(own.map((row) => [row.department, row.calendar as string]));
  const keys = [...new Set([...Object.keys(flow.calendars), ...Object.values(departmentCalendars)])];
  if (keys.length === 0) return flow;
  const saved = await db
    .select({ key: calendars.key, spec: calendars.spec })
    .from(calendars)
    .where(inArray(calendars.key, keys));
  const current: Record<string, CalendarSpec> = { ...flow.calendars };
  for (const row of saved) current[row.key] = row.spec as CalendarSpec;
  return {
    ...flow,
    calendars: current,
    ...(own.length > 0 ? { departmentCalendars } : {}),
  };
}
