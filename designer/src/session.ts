// Who is logged in and what the server runs on: the only app-wide state. Plain reactive data;
// diagram instances never live here.
import { reactive } from 'vue';
import type { RouteMeta } from 'vue-router';
import { api, ApiProblem } from './api/http.js';
import type { Health, Me, Role } from './api/types.js';

export const session = reactive({
  user: null as Me | null,
  /** undefined until the first /api/me answer. */
  checked: false,
  health: null as Health | null,
});

export function hasRole(user: Me | null, ...roles: Role[]): boolean {
  return !!user && user.roles.some((r) => r === 'admin' || (roles as string[]).includes(r));
}

/** Whether the signed-in user may open a route with this meta (its `roles`; admins always may). */
export function mayOpen(meta: RouteMeta): boolean {
  if (meta.public) return true;
  if (!session.user) return false;
  return !meta.roles || hasRole(session.user, ...meta.roles);
}

export async function loadSession(): Promise<void> {
  try {
    session.user = await api.get<Me>('/api/me');
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
  } catch {
    // Unknown health shows no banner; the pages report what fails for them.
    session.health = null;
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
  if (hasRole(user, 'admin')) return '/admin';
  if (hasRole(user, 'process_owner')) return '/flows';
  if (hasRole(user, 'agent')) return '/inbox';
  if (hasRole(user, 'manager')) return '/dashboard';
  if (hasRole(user, 'developer')) return '/developer';
  return '/tickets';
}
