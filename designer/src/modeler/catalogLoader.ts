// Loads what the properties panel and the validator need from the API, in parallel. A missing
// part is reported but does not stop the modeler: the user can still draw.
import type { CalendarSpec, CompileOptions } from '@baton/engine';
import { api, messageOf } from '../api/http.js';
import type { ActivityType, Calendar, Department } from '../api/types.js';
import type { BatonCatalog } from './properties/catalog.js';

export type CatalogLoad = { catalog: BatonCatalog; problems: string[]; activitiesKnown: boolean };

export async function loadCatalog(): Promise<CatalogLoad> {
  const [departments, calendars, activities] = await Promise.allSettled([
    api.get<{ items: Department[] }>('/api/departments'),
    api.get<{ items: Calendar[] }>('/api/calendars'),
    api.get<{ items: ActivityType[] }>('/api/activities'),
  ]);
  const problems: string[] = [];
  const pick = <T>(r: PromiseSettledResult<{ items: T[] }>, what: string): T[] => {
    if (r.status === 'fulfilled') return r.value.items;
    problems.push(`${what} could not be loaded: ${messageOf(r.reason)}`);
    return [];
  };
  return {
    catalog: {
      departments: pick(departments, 'Departments'),
      calendars: pick(calendars, 'Calendars'),
      activities: pick(activities, 'Activity types'),
    },
    problems,
    activitiesKnown: activities.status === 'fulfilled',
  };
}

/**
 * What compileFlow needs to check calendars, activity types and, against the ticket type's form
 * fields, the variables conditions read, like the server will on validate and deploy.
 */
export function compileOptionsFor(
  catalog: BatonCatalog,
  activitiesKnown: boolean,
  ticketFields: CompileOptions['ticketFields'],
): CompileOptions {
  const calendars: Record<string, CalendarSpec> = Object.fromEntries(
    catalog.calendars.map((c) => [c.key, c.spec]),
  );
  return {
    calendars,
    ...(activitiesKnown ? { activities: catalog.activities.map((a) => a.type) } : {}),
    ...(ticketFields ? { ticketFields } : {}),
  };
}
