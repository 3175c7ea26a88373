// Loads what the properties panel and the validator need from the API, in parallel. A missing
// part is reported but does not stop the modeler: the user can still draw.
import type { CalendarSpec, CompileOptions } from '@baton/engine';
import { api, messageOf } from '../api/http.js';
import { listOf, type ActivityType, type Calendar, type Department } from '../api/types.js';
import type { BatonCatalog } from './properties/catalog.js';

export type CatalogLoad = { catalog: BatonCatalog; problems: string[]; activitiesKnown: boolean };

export async function loadCatalog(): Promise<CatalogLoad> {
  const [departments, calendars, activities] = await Promise.allSettled([
    api.get('/api/departments'),
    api.get('/api/calendars'),
    api.get('/api/activities'),
  ]);
  const problems: string[] = [];
  const pick = <T>(r: PromiseSettledResult<unknown>, what: string): T[] => {
    if (r.status === 'fulfilled') return listOf<T>(r.value);
    problems.push(`${what} could not be loaded: ${messageOf(r.reason)}`);
    return [];
  };
  return {
    catalog: {
      departments: pick<Department>(departments, 'Departments'),
      calendars: pick<Calendar>(calendars, 'Calendars'),
      activities: pick<ActivityType>(activities, 'Activity types'),
    },
    problems,
    activitiesKnown: activities.status === 'fulfilled',
  };
}

/** What compileFlow needs to check calendars and activity types like the server will. */
export function compileOptionsFor(catalog: BatonCatalog, activitiesKnown: boolean): CompileOptions {
  const calendars: Record<string, CalendarSpec> = Object.fromEntries(
    catalog.calendars.map((c) => [c.key, c.spec]),
  );
  return activitiesKnown ? { calendars, activities: catalog.activities.map((a) => a.type) } : { calendars };
}
