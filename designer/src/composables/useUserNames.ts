// People's and departments' names for the ids and keys the task and ticket routes return; the
// id or key itself until the directory has loaded.
import { shallowRef } from 'vue';
import { departmentNames, userNames } from '../api/people.js';

function useNames(load: () => Promise<Map<string, string>>): (key: string) => string {
  const names = shallowRef(new Map<string, string>());
  void load().then((loaded) => (names.value = loaded));
  return (key) => names.value.get(key) ?? key;
}

export const useUserNames = () => useNames(userNames);
export const useDepartmentNames = () => useNames(departmentNames);
