// A saved calendar, and a department's hours changed, reach the tickets they time: running
// tickets get a calendars.changed event (their open clocks re-targeted or switched inside their
// runs, each move on their timelines), and a ticket started later counts on them from its first
// step (currentCalendars).
import { and, eq, inArray, isNotNull, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { FINISHED_TICKET_STATUSES, type CalendarSpec, type Flow, type RunEvent } from '@baton/engine';
import { calendars, departments, flowVersions, tickets, loggableError } from '@baton/db';
import { actorFor } from '../access/task-access.js';
import type { AppDeps, Database, Principal } from '../http/env.js';

/** What saving a calendar (or changing a department's, or applying SLA targets) did to the running tickets on it. */
export type CalendarReach = {
  /** Running tickets whose flow counts on the calendar (or has the department). */
  total: number;
  /** Of those, how many took the change (their clocks re-targeted where a deadline moved). */
  reached: number;
  /** Tickets the change could not reach now (runtime unavailable, ticket ended meanwhile...). */
  failed: { ticketId: string; error: string }[];
};

type Deps = Pick<AppDeps, 'db' | 'runtime' | 'log'>;
type CalendarsChanged = Extract<RunEvent, { type: 'calendars.changed' }>;

/** Several at once, not all: a calendar can time thousands of tickets. */
const CONCURRENT_TICKETS = 8;

/** Sends a saved calendar to the running tickets that count on it. */
export function reachRunningTickets(
  deps: Deps,
  principal: Principal,
  key: string,
  spec: CalendarSpec,
): Promise<CalendarReach> {
  const countsOnIt = or(
    sql`(${flowVersions.compiled} -> 'calendars') ? ${key}`,
    // A department keeping these hours: its tickets got the calendar when they started.
    sql`exists (select 1 from ${departments} d where d.calendar_key = ${key}
      and (${flowVersions.compiled} -> 'departments') ? d.key)`,
  );
  const event: CalendarsChanged = {
    type: 'calendars.changed',
    calendars: { [key]: spec },
    reason: `calendar '${key}' was edited`,
    actor: actorFor(principal),
  };
  return reachTickets(deps, countsOnIt!, event, { calendar: key });
}

/**
 * Sends a department's new calendar (`calendarKey`, with its saved spec; null: none of its own)
 * to the running tickets whose flow has the department.
 */
export async function reachDepartmentTickets(
  deps: Deps,
  principal: Principal,
  department: string,
  calendarKey: string | null,
): Promise<CalendarReach> {
  const [saved] =
    calendarKey === null
      ? []
      : await deps.db.select({ spec: calendars.spec }).from(calendars).where(eq(calendars.key, calendarKey));
  const event: CalendarsChanged = {
    type: 'calendars.changed',
    departmentCalendars: { [department]: calendarKey },
    // The spec goes along: a ticket whose flow never counted on the calendar has no copy of it.
    ...(calendarKey !== null && saved ? { calendars: { [calendarKey]: saved.spec as CalendarSpec } } : {}),
    reason:
      calendarKey === null
        ? `department '${department}' no longer keeps its own calendar`
        : `department '${department}' now keeps calendar '${calendarKey}'`,
    actor: actorFor(principal),
  };
  const hasIt = sql`(${flowVersions.compiled} -> 'departments') ? ${department}`;
  return reachTickets(deps, hasIt, event, { department, calendar: calendarKey });
}

/** The events that re-time running tickets' open clocks: a calendar change, or newer SLA targets. */
export type ClockChange = Extract<RunEvent, { type: 'calendars.changed' | 'sla.targetsChanged' }>;

/**
 * Sends `event` to every running ticket `which` picks (imported tickets have no run), a few at a
 * time; `subject` names the change in the log. Also the fan-out of SLA targets applied to running
 * tickets (flows/apply-sla-targets.ts).
 */
export async function reachTickets(
  deps: Deps,
  which: SQL,
  event: ClockChange,
  subject: Record<string, string | number | null>,
): Promise<CalendarReach> {
  const open = await deps.db
    .select({ id: tickets.id })
    .from(tickets)
    .innerJoin(flowVersions, eq(flowVersions.id, tickets.flowVersionId))
    .where(
      and(notInArray(tickets.status, [...FINISHED_TICKET_STATUSES]), isNull(tickets.importedFrom), which),
    );
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
          { ticketId, ...subject, err: loggableError(error) },
          `${event.type} did not reach a ticket`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_TICKETS, open.length) }, worker));
  const reach = { total: open.length, reached: open.length - failed.length, failed };
  deps.log.info(
    { ...subject, runningTickets: reach.total, reached: reach.reached },
    `${event.type} sent to open tickets`,
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
