// What the properties panel offers in its selects. A plain object handed to bpmn-js as config
// (`batonCatalog`); the modeler page fills it before the first import and never makes it reactive.
import type { ActivityType, Calendar, Department } from '../../api/types.js';

/** The parts of the directory the panel and the validator read. */
export type BatonCatalog = {
  departments: Pick<Department, 'key' | 'name'>[];
  calendars: Pick<Calendar, 'key' | 'name' | 'spec'>[];
  activities: ActivityType[];
};

export const emptyCatalog = (): BatonCatalog => ({ departments: [], calendars: [], activities: [] });

export type Option = { value: string; label: string };

/** Select options, keeping a current value the catalogue no longer knows (so it stays visible). */
export function optionsWithCurrent(options: Option[], current: string, emptyLabel: string): Option[] {
  const list = [{ value: '', label: emptyLabel }, ...options];
  if (current && !options.some((o) => o.value === current))
    list.push({ value: current, label: `${current} (unknown)` });
  return list;
}

export const departmentOptions = (c: BatonCatalog): Option[] =>
  c.departments.map((d) => ({ value: d.key, label: `${d.name} (${d.key})` }));
export const calendarOptions = (c: BatonCatalog): Option[] =>
  c.calendars.map((cal) => ({ value: cal.key, label: cal.name }));
export const activityOptions = (c: BatonCatalog): Option[] =>
  c.activities.map((a) => ({ value: a.type, label: `${a.title} (${a.type})` }));
