// The directory the admin pages edit: departments, users and calendars, loaded together, with the
// lookups the pages show (names for ids, who may lead or manage, which hours a department may
// keep). Saving anything refreshes them all, since a department's lead is also one of its members.
import { computed } from 'vue';
import { api } from '../api/http.js';
import type { Answer, Department, User } from '../api/types.js';
import { useResource } from './useResource.js';

export function useDirectory() {
  const resource = useResource(() =>
    Promise.all([
      api.get<Answer<'/api/departments', 'get'>>('/api/departments'),
      api.get<Answer<'/api/users', 'get'>>('/api/users'),
      api.get<Answer<'/api/calendars', 'get'>>('/api/calendars'),
    ]).then(([d, u, c]) => ({ departments: d.items, users: u.items, calendars: c.items })),
  );
  const departments = computed<Department[]>(() => resource.data.value?.departments ?? []);
  const users = computed<User[]>(() => resource.data.value?.users ?? []);
  const byId = computed(() => new Map(users.value.map((u) => [u.id, u])));
  const calendars = computed(() => resource.data.value?.calendars ?? []);
  return {
    ...resource,
    departments,
    users,
    /** The person's name for an id (the id while unknown). */
    userName: (id: string | null | undefined) => (id ? (byId.value.get(id)?.name ?? id) : ''),
    /** Who the API accepts as a department's lead: any active user. */
    possibleLeads: computed(() => users.value.filter((u) => u.active)),
    /** Who the API accepts as a department's manager: active users with the manager role. */
    possibleManagers: computed(() => users.value.filter((u) => u.active && u.roles.includes('manager'))),
    /** The saved calendars a department may keep as its own hours. */
    calendars,
    calendarName: (key: string | null | undefined) =>
      key ? (calendars.value.find((c) => c.key === key)?.name ?? key) : '',
  };
}

export type Directory = ReturnType<typeof useDirectory>;
