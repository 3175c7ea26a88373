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
});
