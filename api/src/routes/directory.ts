// Departments, users and business calendars: read by everyone signed in, changed by admins.
import { asc, eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { calendars, departments, hashPassword, memberships, users } from '@baton/db';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, z } from '../http/openapi.js';
import { invalid } from '../http/problem.js';
import { CalendarSpecSchema, PersonFields, RoleSchema, Slug } from '../http/schemas.js';

const DepartmentSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    leadUserId: z.string().nullable(),
    email: z.string().nullable(),
    members: z.array(z.string()),
  })
  .openapi('Department');
const UserSchema = z
  .object({
    ...PersonFields,
    active: z.boolean(),
  })
  .openapi('User');
const CalendarSchema = z
  .object({ key: z.string(), name: z.string(), spec: CalendarSpecSchema, isDefault: z.boolean() })
  .openapi('Calendar');

export function directoryRoutes(deps: AppDeps) {
  const app = newRouter();
  const { db } = deps;

  const listDepartments = async (key?: string) => {
    const rows = await db
      .select({
        key: departments.key,
        name: departments.name,
        leadUserId: departments.leadUserId,
        email: departments.email,
        members: sql<
          string[]
        >`array(select m.user_id from memberships m where m.department_key = departments.key order by 1)`,
      })
      .from(departments)
      .where(key ? eq(departments.key, key) : undefined)
      .orderBy(asc(departments.key));
    return rows;
  };

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/departments',
      tags: ['directory'],
      summary: 'Departments with their lead and members',
      responses: { 200: jsonResponse(z.object({ items: z.array(DepartmentSchema) }), 'Departments') },
    }),
    async (c) => c.json({ items: await listDepartments() }, 200),
  );

  app.openapi(
    defineRoute([], {
      method: 'post',
      path: '/departments',
      tags: ['directory'],
      summary: 'Create a department',
      request: {
        body: jsonBody(
          z.strictObject({
            key: Slug,
            name: z.string().trim().min(1).max(200),
            leadUserId: z.string().max(200).nullable().optional(),
            email: z.email().max(320).nullable().optional(),
          }),
        ),
      },
      responses: { 201: jsonResponse(DepartmentSchema, 'Created') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await db.insert(departments).values({
        key: body.key,
        name: body.name,
        leadUserId: body.leadUserId ?? null,
        email: body.email ?? null,
      });
      if (body.leadUserId)
        await db
          .insert(memberships)
          .values({ userId: body.leadUserId, departmentKey: body.key })
          .onConflictDoNothing();
      const [created] = await listDepartments(body.key);
      return c.json(created!, 201);
    },
  );

  const listUsers = (id?: string) =>
    db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        roles: users.roles,
        active: users.active,
        departments: sql<
          string[]
        >`array(select m.department_key from memberships m where m.user_id = users.id order by 1)`,
      })
      .from(users)
      .where(id ? eq(users.id, id) : undefined)
      .orderBy(asc(users.name));

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/users',
      tags: ['directory'],
      summary: 'Users with roles and departments',
      responses: { 200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Users') },
    }),
    async (c) => c.json({ items: await listUsers() }, 200),
  );

  app.openapi(
    defineRoute([], {
      method: 'post',
      path: '/users',
      tags: ['directory'],
      summary: 'Create a user (optionally with a password) and add them to departments',
      request: {
        body: jsonBody(
          z.strictObject({
            email: z.email().max(320),
            name: z.string().trim().min(1).max(200),
            password: z.string().min(10).max(1024).optional(),
            roles: z.array(RoleSchema).min(1).max(5),
            departments: z.array(Slug).max(50).default([]),
          }),
        ),
      },
      responses: { 201: jsonResponse(UserSchema, 'Created') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const id = randomUUID();
      const passwordHash = body.password ? await hashPassword(body.password) : null;
      await db.transaction(async (tx) => {
        await tx
          .insert(users)
          .values({ id, email: body.email, name: body.name, roles: [...new Set(body.roles)], passwordHash });
        if (body.departments.length > 0) {
          await tx
            .insert(memberships)
            .values([...new Set(body.departments)].map((departmentKey) => ({ userId: id, departmentKey })));
        }
      });
      const [created] = await listUsers(id);
      return c.json(created!, 201);
    },
  );

  const calendarJson = (row: typeof calendars.$inferSelect) => ({
    key: row.key,
    name: row.name,
    spec: row.spec as z.infer<typeof CalendarSpecSchema>,
    isDefault: row.isDefault,
  });

  app.openapi(
    defineRoute('authenticated', {
      method: 'get',
      path: '/calendars',
      tags: ['directory'],
      summary: 'Business calendars (time zone, opening hours, holidays)',
      responses: { 200: jsonResponse(z.object({ items: z.array(CalendarSchema) }), 'Calendars') },
    }),
    async (c) =>
      c.json(
        { items: (await db.select().from(calendars).orderBy(asc(calendars.key))).map(calendarJson) },
        200,
      ),
  );

  app.openapi(
    defineRoute([], {
      method: 'post',
      path: '/calendars',
      tags: ['directory'],
      summary: 'Create or replace a business calendar',
      description: 'Making a calendar the default clears the flag on the others.',
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
      responses: { 201: jsonResponse(CalendarSchema, 'Saved') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const holidays = body.spec.holidays ?? [];
      if (holidays.some((d) => Number.isNaN(Date.parse(`${d}T00:00:00Z`)))) {
        throw invalid('a holiday is not a calendar date', [
          { path: 'body.spec.holidays', message: 'YYYY-MM-DD dates only' },
        ]);
      }
      const row = await db.transaction(async (tx) => {
        if (body.isDefault)
          await tx.update(calendars).set({ isDefault: false }).where(eq(calendars.isDefault, true));
        const [saved] = await tx
          .insert(calendars)
          .values({
            key: body.key,
            name: body.name,
            spec: body.spec,
            isDefault: body.isDefault,
            updatedAt: new Date(deps.config.now()),
          })
          .onConflictDoUpdate({
            target: calendars.key,
            set: {
              name: body.name,
              spec: body.spec,
              isDefault: body.isDefault,
              updatedAt: new Date(deps.config.now()),
            },
          })
          .returning();
        return saved!;
      });
      return c.json(calendarJson(row), 201);
    },
  );

  return app;
}
