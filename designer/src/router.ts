import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router';
import type { Role } from './api/types.js';
import { hasRole, homeFor, loadSession, session } from './session.js';
import LoginPage from './pages/LoginPage.vue';
import TicketTypesPage from './pages/TicketTypesPage.vue';
import TicketTypePage from './pages/TicketTypePage.vue';
import PlaceholderPage from './pages/PlaceholderPage.vue';
import InboxPage from './pages/InboxPage.vue';
import TicketPage from './pages/TicketPage.vue';
import TicketsPage from './pages/TicketsPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the route (admins always may); absent = any logged-in user. */
    roles?: Role[];
    public?: boolean;
    title?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    // Resolved in the guard, once the session is known.
    { path: '/', component: PlaceholderPage, props: { title: 'Baton', text: '' } },
    { path: '/login', component: LoginPage, meta: { public: true, title: 'Sign in' } },
    { path: '/flows', component: TicketTypesPage, meta: { roles: ['process_owner'], title: 'Flows' } },
    {
      path: '/flows/new',
      component: TicketTypePage,
      meta: { roles: ['process_owner'], title: 'New ticket type' },
    },
    {
      path: '/flows/:typeId',
      component: TicketTypePage,
      props: true,
      meta: { roles: ['process_owner'], title: 'Ticket type' },
    },
    {
      path: '/flows/:typeId/modeler',
      // Lazy: bpmn-js and the properties panel load only when someone opens a modeler.
      component: () => import('./pages/ModelerPage.vue'),
      props: true,
      meta: { roles: ['process_owner'], title: 'Flow modeler' },
    },
    {
      path: '/flows/:typeId/versions/:versionId',
      component: () => import('./pages/VersionPage.vue'),
      props: true,
      meta: { roles: ['process_owner', 'manager'], title: 'Flow version' },
    },
    { path: '/inbox', component: InboxPage, meta: { roles: ['agent', 'manager'], title: 'Inbox' } },
    {
      path: '/tickets/:id',
      component: TicketPage,
      props: true,
      meta: { roles: ['agent', 'manager', 'developer', 'process_owner'], title: 'Ticket' },
    },
    {
      path: '/tickets',
      component: TicketsPage,
      meta: { roles: ['agent', 'manager', 'developer', 'process_owner'], title: 'Tickets' },
    },
    {
      path: '/dashboard',
      component: PlaceholderPage,
      props: {
        title: 'Dashboard',
        text: 'Stuck stages, per-department duration distributions over a time range, SLA attainment, handoff gaps and a heatmap on the diagram.',
      },
      meta: { roles: ['manager'], title: 'Dashboard' },
    },
    {
      path: '/admin',
      component: PlaceholderPage,
      props: {
        title: 'Administration',
        text: 'Departments, users and memberships, business calendars and API tokens.',
      },
      meta: { roles: ['admin'], title: 'Administration' },
    },
    {
      path: '/:rest(.*)*',
      component: PlaceholderPage,
      props: { title: 'Not found', text: 'There is no page at this address.' },
    },
  ],
});

export function mayOpen(route: Pick<RouteLocationNormalized, 'meta'>): boolean {
  if (route.meta.public) return true;
  if (!session.user) return false;
  return !route.meta.roles || hasRole(session.user, ...route.meta.roles);
}

router.beforeEach(async (to) => {
  if (!session.checked) await loadSession();
  if (to.meta.public) return true;
  if (!session.user) return { path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } };
  if (to.path === '/') return homeFor(session.user);
  if (!mayOpen(to)) return homeFor(session.user);
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · Baton` : 'Baton';
});
