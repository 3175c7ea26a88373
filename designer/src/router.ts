import { createRouter, createWebHistory } from 'vue-router';
import type { Role } from './api/types.js';
import { homeFor, loadSession, mayOpen, session } from './session.js';
import LoginPage from './pages/LoginPage.vue';
import TicketTypesPage from './pages/TicketTypesPage.vue';
import TicketTypePage from './pages/TicketTypePage.vue';
import PlaceholderPage from './pages/PlaceholderPage.vue';
import NotFoundPage from './pages/NotFoundPage.vue';
import SectionLayout from './pages/SectionLayout.vue';
import InboxPage from './pages/InboxPage.vue';
import TicketPage from './pages/TicketPage.vue';
import TicketsPage from './pages/TicketsPage.vue';

declare module 'vue-router' {
  interface RouteMeta {
    /** Roles that may open the route (admins always may); absent = any logged-in user. */
    roles?: Role[];
    public?: boolean;
    title?: string;
    /** The label of the route's link in the header (top-level routes) or its section's tabs. */
    nav?: string;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    // Resolved in the guard, once the session is known.
    { path: '/', component: PlaceholderPage, props: { title: 'Baton', text: '' } },
    { path: '/login', component: LoginPage, meta: { public: true, title: 'Sign in' } },
    {
      // The customer's page, opened from the link in Baton's mail: no sign-in, its own chunk.
      path: '/status/:token',
      component: () => import('./pages/CustomerStatusPage.vue'),
      props: true,
      meta: { public: true, title: 'Your request' },
    },
    {
      // A ticket type's public web form, made to be embedded in an iframe on the company's site.
      path: '/forms/:typeId',
      component: () => import('./pages/PublicFormPage.vue'),
      props: true,
      meta: { public: true, title: 'Contact us' },
    },
    {
      path: '/flows',
      component: TicketTypesPage,
      meta: { roles: ['process_owner'], title: 'Flows', nav: 'Flows' },
    },
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
    {
      path: '/inbox',
      component: InboxPage,
      meta: { roles: ['agent', 'manager'], title: 'Inbox', nav: 'Inbox' },
    },
    {
      path: '/tickets/new',
      component: () => import('./pages/NewTicketPage.vue'),
      meta: { roles: ['agent', 'manager', 'developer'], title: 'New ticket' },
    },
    {
      path: '/tickets/:id',
      component: TicketPage,
      props: true,
      meta: { roles: ['agent', 'manager', 'developer', 'process_owner'], title: 'Ticket' },
    },
    {
      path: '/tickets',
      component: TicketsPage,
      meta: { roles: ['agent', 'manager', 'developer', 'process_owner'], title: 'Tickets', nav: 'Tickets' },
    },
    {
      path: '/incidents',
      component: () => import('./pages/IncidentsPage.vue'),
      meta: { roles: ['process_owner'], title: 'Incidents', nav: 'Incidents' },
    },
    {
      path: '/timing-rules',
      component: () => import('./pages/TimingRulesPage.vue'),
      // As the API's TIMING_RULE_KEEPERS (admins always).
      meta: { roles: ['process_owner'], title: 'Timing rules', nav: 'Timing rules' },
    },
    {
      path: '/extension-requests',
      component: () => import('./pages/ExtensionRequestsPage.vue'),
      meta: { roles: ['agent', 'manager'], title: 'Extension requests', nav: 'Extensions' },
    },
    {
      path: '/reviews',
      component: () => import('./pages/ReviewsPage.vue'),
      meta: { roles: ['manager'], title: 'Customer satisfaction', nav: 'Satisfaction' },
    },
    {
      path: '/notifications',
      component: () => import('./pages/NotificationsPage.vue'),
      meta: { title: 'Notifications' },
    },
    {
      path: '/dashboard',
      // Lazy: ECharts and the diagram viewer load only when someone opens the dashboard.
      component: () => import('./pages/DashboardPage.vue'),
      meta: { roles: ['manager'], title: 'Dashboard', nav: 'Dashboard' },
    },
    {
      path: '/admin',
      component: SectionLayout,
      meta: { roles: ['admin'], title: 'Administration', nav: 'Admin' },
      children: [
        { path: '', redirect: '/admin/departments' },
        {
          path: 'departments',
          component: () => import('./pages/admin/DepartmentsPage.vue'),
          meta: { title: 'Departments', nav: 'Departments' },
        },
        {
          path: 'users',
          component: () => import('./pages/admin/UsersPage.vue'),
          meta: { title: 'Users', nav: 'Users and memberships' },
        },
        {
          path: 'calendars',
          component: () => import('./pages/admin/CalendarsPage.vue'),
          meta: { title: 'Business calendars', nav: 'Business calendars' },
        },
        {
          path: 'ticket-types',
          component: () => import('./pages/admin/TicketTypesAdminPage.vue'),
          meta: { title: 'Ticket types', nav: 'Ticket types' },
        },
      ],
    },
    {
      path: '/developer',
      component: SectionLayout,
      meta: { roles: ['developer'], title: 'Developer', nav: 'Developer' },
      children: [
        { path: '', redirect: '/developer/tokens' },
        {
          path: 'tokens',
          component: () => import('./pages/developer/TokensPage.vue'),
          meta: { title: 'API tokens', nav: 'API tokens' },
        },
        {
          path: 'activities',
          component: () => import('./pages/developer/ActivitiesPage.vue'),
          meta: { title: 'Activity catalogue', nav: 'Activity catalogue' },
        },
        {
          // Under the developer section (whose roles admins pass too), as the API's WEBHOOK_KEEPERS.
          path: 'webhooks',
          component: () => import('./pages/developer/WebhooksPage.vue'),
          meta: { title: 'Webhooks', nav: 'Webhooks' },
        },
      ],
    },
    { path: '/:rest(.*)*', component: NotFoundPage, meta: { title: 'Page not found' } },
  ],
});

router.beforeEach(async (to) => {
  if (!session.checked) await loadSession();
  if (to.meta.public) return true;
  if (!session.user) return { path: '/login', query: to.path === '/' ? {} : { next: to.fullPath } };
  if (to.path === '/') return homeFor(session.user);
  if (!mayOpen(to.meta)) return homeFor(session.user);
  return true;
});

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} · Baton` : 'Baton';
});
