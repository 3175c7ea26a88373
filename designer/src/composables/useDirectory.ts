// The directory the admin pages edit: departments and users, loaded together, with the lookups
// the pages show (names for ids, who may lead or manage). Saving anything refreshes both, since a
// department's lead is also one of its members.
import { computed } from 'vue';
import { api } from '../api/http.js';
import type { Answer, Department, User } from '../api/types.js';
import { useResource } from './useResource.js';

export function useDirectory() {
  const resource = useResource(() =>
    Promise.all([
      api.get<Answer<'/api/departments', 'get'>>('/api/departments'),
      api.get<Answer<'/api/users', 'get'>>('/api/users'),
    ]).then(([d, u]) => ({ departments: d.items, users: u.items })),
  );
  const departments = computed<Department[]>(() => resource.data.value?.departments ?? []);
  const users = computed<User[]>(() => resource.data.value?.users ?? []);
  const byId = computed(() => new Map(users.value.map((u) => [u.id, u])));
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
  };
}

export type Directory = ReturnType<typeof useDirectory>;
