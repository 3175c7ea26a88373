import { describe, expect, it } from 'vitest';
import type { RouteMeta, RouteRecordRaw } from 'vue-router';
import { navLinks } from './navigation.js';

const page = { template: '<div />' };
const records: RouteRecordRaw[] = [
  { path: '/login', component: page, meta: { public: true } },
  { path: '/flows', component: page, meta: { roles: ['process_owner'], nav: 'Flows' } },
  { path: '/flows/:typeId', component: page, meta: { roles: ['process_owner'] } },
  { path: '/tickets', component: page, meta: { nav: 'Tickets' } },
  {
    path: '/admin',
    component: page,
    meta: { roles: ['admin'], nav: 'Admin' },
    children: [
      { path: '', redirect: '/admin/users' },
      { path: 'users', component: page, meta: { nav: 'Users' } },
      { path: '/admin/calendars', component: page, meta: { nav: 'Calendars' } },
    ],
  },
];
const asRoles =
  (...roles: string[]) =>
  (meta: RouteMeta) =>
    !meta.roles || meta.roles.some((r) => roles.includes(r));

describe('navLinks', () => {
  it('offers the labelled routes a person may open, in the routes’ order', () => {
    expect(navLinks(records, asRoles('process_owner'))).toEqual([
      { to: '/flows', label: 'Flows' },
      { to: '/tickets', label: 'Tickets' },
    ]);
    expect(navLinks(records, asRoles('agent')).map((l) => l.label)).toEqual(['Tickets']);
    expect(navLinks(records, asRoles('admin')).map((l) => l.label)).toEqual(['Tickets', 'Admin']);
  });

  it('resolves a section’s children under the section’s path', () => {
    const admin = records[4]!;
    expect(navLinks(admin.children ?? [], () => true, admin.path)).toEqual([
      { to: '/admin/users', label: 'Users' },
      { to: '/admin/calendars', label: 'Calendars' },
    ]);
  });

  it('offers a section’s tabs to its roles and to admins, as SectionLayout merges the metas', () => {
    const developer: RouteRecordRaw = {
      path: '/developer',
      component: page,
      meta: { roles: ['developer'], nav: 'Developer' },
      children: [
        { path: 'tokens', component: page, meta: { nav: 'API tokens' } },
        { path: 'webhooks', component: page, meta: { nav: 'Webhooks' } },
      ],
    };
    // Admins may open every route (session.mayOpen); the section's roles reach its children.
    const tabsFor = (...roles: string[]) => {
      const mayOpen = (meta: RouteMeta) => roles.includes('admin') || asRoles(...roles)(meta);
      return navLinks(
        developer.children ?? [],
        (meta) => mayOpen({ ...developer.meta, ...meta }),
        developer.path,
      ).map((l) => l.to);
    };
    expect(tabsFor('developer')).toEqual(['/developer/tokens', '/developer/webhooks']);
    expect(tabsFor('admin')).toEqual(['/developer/tokens', '/developer/webhooks']);
    expect(tabsFor('agent')).toEqual([]);
  });
});
