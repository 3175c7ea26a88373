// Who is logged in and what the server runs on: the only app-wide state. Plain reactive data;
// diagram instances never live here.
import { reactive } from 'vue';
import { api, ApiProblem } from './api/http.js';
import type { Health, Me, Role } from './api/types.js';

export const session = reactive({
  user: null as Me | null,
  /** undefined until the first /api/me answer. */
  checked: false,
  health: null as Health | null,
});

export function hasRole(user: Me | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => r === 'admin' || roles.includes(r));
}

/** The server reports a non-durable runtime when it fell back to the in-memory engine. */
export function isNotDurable(health: Health | null): boolean {
  return health?.engine?.durable === false;
}

function meFrom(body: unknown): Me {
  const b = body as Record<string, unknown>;
  const user = (typeof b.user === 'object' && b.user !== null ? b.user : b) as Record<string, unknown>;
  const departments = (user.departments ?? b.departments ?? []) as unknown[];
  return {
    id: String(user.id),
    email: String(user.email ?? ''),
    name: String(user.name ?? user.email ?? ''),
    roles: ((user.roles ?? b.roles ?? []) as Role[]).slice(),
    departments: departments.map((d) => (typeof d === 'string' ? d : String((d as { key: string }).key))),
  };
}

export async function loadSession(): Promise<void> {
  try {
    session.user = meFrom(await api.get('/api/me'));
  } catch (err) {
    if (!(err instanceof ApiProblem) || (err.status !== 401 && err.status !== 403)) console.error(err);
    session.user = null;
  } finally {
    session.checked = true;
  }
}

export async function loadHealth(): Promise<void> {
  try {
    session.health = await api.get<Health>('/api/health');
  } catch (err) {
    // A 503 health answer still has a body worth showing.
    session.health = { status: err instanceof ApiProblem ? err.title : 'unreachable' };
  }
}

export async function login(email: string, password: string): Promise<void> {
  await api.post('/api/auth/login', { email, password });
  await loadSession();
}

export async function logout(): Promise<void> {
  try {
    await api.post('/api/auth/logout');
  } finally {
    session.user = null;
  }
}

/** Where a user lands after login: the first area their roles open. */
export function homeFor(user: Me | null): string {
  if (hasRole(user, 'process_owner')) return '/flows';
  if (hasRole(user, 'agent')) return '/inbox';
  if (hasRole(user, 'manager')) return '/dashboard';
  return '/tickets';
}
