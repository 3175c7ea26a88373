// Names for the user ids the task and ticket routes return. The directory changes rarely, so it
// is read once per page load and shared by every page that shows people.
import { api } from './http.js';
import { listOf, type UserSummary } from './types.js';

let names: Promise<Map<string, string>> | undefined;

export function userNames(): Promise<Map<string, string>> {
  names ??= api
    .get('/api/users')
    .then((body) => new Map(listOf<UserSummary>(body).map((u) => [u.id, u.name || u.email])))
    .catch((err: unknown) => {
      // Ids still identify people; try again on the next page instead of caching the failure.
      console.warn('could not load user names', err);
      names = undefined;
      return new Map<string, string>();
    });
  return names;
}
