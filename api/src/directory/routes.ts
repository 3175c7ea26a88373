// Directory routes: departments, users and business calendars, read by everyone signed in and
// changed by admins.
import { ADMINS } from '../access/roles.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import {
  CalendarSpecSchema,
  ManagerScopeSchema,
  PersonFields,
  RoleSchema,
  RunningTicketsSchema,
  Slug,
} from '../http/schemas.js';
import type { PrincipalCache } from '../auth/principal-cache.js';
import { reachDepartmentTickets, reachRunningTickets } from './calendar-changes.js';
import { listCalendars, saveCalendar } from './calendars.js';
import { createDepartment, listDepartments, updateDepartment } from './departments.js';
import {
  addMembership,
  createUser,
  listUsers,
  removeMembership,
  resetPassword,
  updateUser,
} from './users.js';

const DepartmentSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    leadUserId: z.string().nullable(),
    managerUserId: z.string().nullable().openapi({
      description:
        "The manager who answers for the department: its tasks' manager notifications and severe SLA escalations reach them (every manager when null).",
    }),
    email: z.string().nullable(),
    calendarKey: z.string().nullable().openapi({
      description:
        "The department's own business hours: its tasks' SLA clocks count on this calendar, whatever calendar a task names, and so does the ticket's clock while the department holds the ticket (null: the flow's calendar). Tickets started later count on it from the start; running tickets switch to it when it is changed (PATCH answers `runningTickets`).",
    }),
    members: z.array(z.string()),
  })
  .openapi('Department');
const DepartmentName = z.string().trim().min(1).max(200);
const DepartmentPeople = {
  leadUserId: z
    .string()
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: 'An active user; they become a member of the department.' }),
  managerUserId: z
    .string()
    .max(200)
    .nullable()
    .optional()
    .openapi({ description: 'An active user with the manager role.' }),
  email: z.email().max(320).nullable().optional(),
  calendarKey: z
    .string()
    .max(100)
    .nullable()
    .optional()
    .openapi({ description: 'A saved calendar (null: the flow’s calendar)' }),
};
const UserParams = z.object({ id: z.string().min(1).max(200) });
const Password = z.string().min(10, 'at least 10 characters').max(1024);
const UserSchema = z
  .object({
    ...PersonFields,
    managerScope: ManagerScopeSchema,
    active: z.boolean(),
  })
  .openapi('User');
const CalendarSchema = z
  .object({ key: z.string(), name: z.string(), spec: CalendarSpecSchema, isDefault: z.boolean() })
  .openapi('Calendar');
const SavedCalendarSchema = CalendarSchema.extend({ runningTickets: RunningTicketsSchema }).openapi(
  'SavedCalendar',
);
const ChangedDepartmentSchema = DepartmentSchema.extend({
  runningTickets: RunningTicketsSchema.optional().openapi({
    description: 'Present when the change gave the department another calendar (or none of its own).',
  }),
}).openapi('ChangedDepartment');

/**
 * `principals` is the credentials cache: a change to someone's roles, manager scope, memberships,
 * activity or password empties it, so their next request is decided on what the admin just set.
 */
export function directoryRoutes(deps: AppDeps, principals: PrincipalCache) {
  const app = newRouter();
  const { db } = deps;
  const changed = <T>(value: T): T => {
    principals.clear();
    return value;
  };

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/departments',
      tags: ['directory'],
      summary: 'Departments with their lead and members',
      responses: { 200: jsonResponse(z.object({ items: z.array(DepartmentSchema) }), 'Departments') },
    }),
    async (c) => c.json({ items: await listDepartments(db) }, 200),
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'post',
      path: '/departments',
      tags: ['directory'],
      summary: 'Create a department',
      request: {
        body: jsonBody(z.strictObject({ key: Slug, name: DepartmentName, ...DepartmentPeople })),
      },
      responses: { 201: jsonResponse(DepartmentSchema, 'Created') },
    }),
    async (c) => c.json(changed(await createDepartment(db, c.req.valid('json'))), 201),
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'patch',
      path: '/departments/{key}',
      tags: ['directory'],
      summary: "Change a department's name, lead, manager, e-mail or calendar",
      description:
        "Fields left out stay as they are; null clears the lead, manager, e-mail or calendar. Another `calendarKey` reaches the running tickets whose flow has the department at once: each open clock the department holds, and the ticket's clock while the department holds the ticket, keeps the business time it counted and counts the rest on the new calendar (a timeline entry says from when to when and why); closed clocks never change. `runningTickets` says how many running tickets it reached, and lists those it could not. A refused change reaches no ticket.",
      request: {
        params: z.object({ key: z.string().min(1).max(200) }),
        body: jsonBody(z.strictObject({ name: DepartmentName.optional(), ...DepartmentPeople })),
      },
      responses: { 200: jsonResponse(ChangedDepartmentSchema, 'Changed') },
    }),
    async (c) => {
      const { key } = c.req.valid('param');
      const { department, calendarChanged } = changed(await updateDepartment(db, key, c.req.valid('json')));
      if (!calendarChanged) return c.json(department, 200);
      const runningTickets = await reachDepartmentTickets(deps, principalOf(c), key, department.calendarKey);
      return c.json({ ...department, runningTickets }, 200);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/users',
      tags: ['directory'],
      summary: 'Users with roles and departments',
      responses: { 200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Users') },
    }),
    async (c) => c.json({ items: await listUsers(db) }, 200),
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'post',
      path: '/users',
      tags: ['directory'],
      summary: 'Create a user (optionally with a password) and add them to departments',
      request: {
        body: jsonBody(
          z.strictObject({
            email: z.email().max(320),
            name: z.string().trim().min(1).max(200),
            password: Password.optional(),
            roles: z.array(RoleSchema).min(1).max(5),
            managerScope: ManagerScopeSchema.default('every_department'),
            departments: z.array(Slug).max(50).default([]),
          }),
        ),
      },
      responses: { 201: jsonResponse(UserSchema, 'Created') },
    }),
    async (c) => c.json(await createUser(db, c.req.valid('json'), deps.config.passwordCost), 201),
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'patch',
      path: '/users/{id}',
      tags: ['directory'],
      summary:
        "Change a user's name, e-mail, roles, what their manager role covers or whether they may sign in",
      description:
        "Fields left out stay as they are. An admin cannot take their own admin role or deactivate themselves; a department's manager keeps the manager role until the department has another.",
      request: {
        params: UserParams,
        body: jsonBody(
          z.strictObject({
            email: z.email().max(320).optional(),
            name: z.string().trim().min(1).max(200).optional(),
            roles: z.array(RoleSchema).min(1).max(5).optional(),
            managerScope: ManagerScopeSchema.optional(),
            active: z.boolean().optional(),
          }),
        ),
      },
      responses: { 200: jsonResponse(UserSchema, 'Changed') },
    }),
    async (c) =>
      c.json(
        changed(await updateUser(db, c.req.valid('param').id, c.req.valid('json'), principalOf(c).id)),
        200,
      ),
  );

  const Membership = z.object({ id: z.string().min(1).max(200), key: z.string().min(1).max(200) });
  app.openapi(
    defineRoute(ADMINS, {
      method: 'put',
      path: '/users/{id}/departments/{key}',
      tags: ['directory'],
      summary: 'Make the user a member of the department',
      description: 'No change when they are one already.',
      request: { params: Membership },
      responses: { 200: jsonResponse(UserSchema, 'The user with their departments') },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      return c.json(changed(await addMembership(db, id, key)), 200);
    },
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'delete',
      path: '/users/{id}/departments/{key}',
      tags: ['directory'],
      summary: "End the user's membership of the department",
      description: "The department's lead stays a member (409) until the department has another lead.",
      request: { params: Membership },
      responses: { 200: jsonResponse(UserSchema, 'The user with their departments') },
    }),
    async (c) => {
      const { id, key } = c.req.valid('param');
      return c.json(changed(await removeMembership(db, id, key)), 200);
    },
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'post',
      path: '/users/{id}/password',
      tags: ['directory'],
      summary: "Set a new password for the user (ends the user's sessions)",
      request: { params: UserParams, body: jsonBody(z.strictObject({ password: Password })) },
      responses: { 204: { description: 'Set; the user signs in again with it' } },
    }),
    async (c) => {
      await resetPassword(
        db,
        c.req.valid('param').id,
        c.req.valid('json').password,
        deps.config.passwordCost,
      );
      principals.clear();
      return c.body(null, 204);
    },
  );

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/calendars',
      tags: ['directory'],
      summary: 'Business calendars (time zone, opening hours, holidays)',
      responses: { 200: jsonResponse(z.object({ items: z.array(CalendarSchema) }), 'Calendars') },
    }),
    async (c) => c.json({ items: await listCalendars(db) }, 200),
  );

  app.openapi(
    defineRoute(ADMINS, {
      method: 'post',
      path: '/calendars',
      tags: ['directory'],
      summary: 'Create or replace a business calendar',
      description:
        'Making a calendar the default clears the flag on the others. Running tickets timed on the calendar get it at once: each open clock keeps the business time it counted and gets new deadlines for the rest (a timeline entry says from when to when and why); closed clocks never change; tickets started later count on it from the start. `runningTickets` says how many running tickets it reached, and lists those it could not (retry by saving again: a repeat moves nothing twice).',
      request: {
        body: jsonBody(
          z.strictObject({
            key: Slug,
            name: z.string().trim().min(1).max(200),
            spec: CalendarSpecSchema,
            isDefault: z.boolean().default(false),
          }),
        ),
      },
      responses: { 201: jsonResponse(SavedCalendarSchema, 'Saved') },
    }),
    async (c) => {
      const saved = await saveCalendar(db, c.req.valid('json'), new Date(deps.config.now()));
      const runningTickets = await reachRunningTickets(deps, principalOf(c), saved.key, saved.spec);
      return c.json({ ...saved, runningTickets }, 201);
    },
  );

  return app;
}
