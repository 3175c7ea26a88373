// Names for the user ids and department keys the task and ticket routes return. The directory
// changes rarely, so each is read once per page load and shared by every page that shows it.
import { api } from './http.js';
import type { Answer } from './types.js';

/** A name lookup loaded once; a failure is not kept, so the next page tries again. */
function namesOnce(
  what: string,
  load: () => Promise<Map<string, string>>,
): () => Promise<Map<string, string>> {
  let names: Promise<Map<string, string>> | undefined;
  return () =>
    (names ??= load().catch((err: unknown) => {
      // Ids still identify them; try again on the next page instead of caching the failure.
      console.warn(`could not load ${what}`, err);
      names = undefined;
      return new Map<string, string>();
    }));
}

export const userNames = namesOnce('user names', () =>
  api
    .get<Answer<'/api/users', 'get'>>('/api/users')
    .then((body) => new Map(body.items.map((u) => [u.id, u.name || u.email]))),
);

export const departmentNames = namesOnce('department names', () =>
  api
    .get<Answer<'/api/departments', 'get'>>('/api/departments')
    .then((body) => new Map(body.items.map((d) => [d.key, d.name || d.key]))),
);
