// Users with their roles and departments: created, edited, given memberships and passwords by an
// admin. Refusals name the field; nothing changes when one is refused.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import {
  departments,
  hashPassword,
  memberships,
  sessions,
  users,
  type ManagerScope,
  type Role,
  type ScryptCost,
} from '@baton/db';
import type { Database } from '../http/env.js';
import { conflict, invalid, notFound, type FieldError } from '../http/problem.js';

type Queryable = Pick<Database, 'select'>;

export type NewUser = {
  email: string;
  name: string;
  password?: string;
  roles: Role[];
  managerScope: ManagerScope;
  departments: string[];
};

export type UserChange = {
  email?: string;
  name?: string;
  roles?: Role[];
  managerScope?: ManagerScope;
  active?: boolean;
};

/** Every user, or the one with `id`, ordered by name. */
export function listUsers(db: Queryable, id?: string) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      roles: users.roles,
      managerScope: users.managerScope,
      active: users.active,
      departments: sql<
        string[]
      >`array(select m.department_key from memberships m where m.user_id = users.id order by 1)`,
    })
    .from(users)
    .where(id ? eq(users.id, id) : undefined)
    .orderBy(asc(users.name));
}

async function userOrNotFound(db: Queryable, id: string) {
  const [user] = await listUsers(db, id);
  if (!user) throw notFound('user', id);
  return user;
}

/** E-mail addresses are unique whatever their case (users_email_key). */
async function refuseTakenEmail(db: Queryable, email: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(sql`lower(${users.email}) = lower(${email})`, exceptId ? ne(users.id, exceptId) : undefined));
  if (taken)
    throw conflict(`a user with the e-mail address ${email} exists`, {
      errors: [{ path: 'body.email', message: 'another user has this e-mail address' }],
    });
}

/** Creates the user (with a password when given) and their memberships, in one transaction. */
export async function createUser(db: Database, user: NewUser, passwordCost: ScryptCost) {
  const wanted = [...new Set(user.departments)];
  const known = new Set(
    wanted.length
      ? (
          await db.select({ key: departments.key }).from(departments).where(inArray(departments.key, wanted))
        ).map((d) => d.key)
      : [],
  );
  const unknown: FieldError[] = user.departments.flatMap((key, i) =>
    known.has(key) ? [] : [{ path: `body.departments.${i}`, message: `no department '${key}'` }],
  );
  if (unknown.length) throw invalid('the user names a department that does not exist', unknown);
  await refuseTakenEmail(db, user.email);
  const id = randomUUID();
  const passwordHash = user.password ? await hashPassword(user.password, passwordCost) : null;
  await db.transaction(async (tx) => {
    await tx.insert(users).values({
      id,
      email: user.email,
      name: user.name,
      roles: [...new Set(user.roles)],
      managerScope: user.managerScope,
      passwordHash,
    });
    if (wanted.length > 0)
      await tx.insert(memberships).values(wanted.map((departmentKey) => ({ userId: id, departmentKey })));
  });
  return userOrNotFound(db, id);
}

/**
 * Changes the fields given. An admin cannot take their own admin role or deactivate themselves
 * (nobody might be left to undo it), and a department's manager keeps the manager role until the
 * department has another.
 */
export async function updateUser(db: Database, id: string, change: UserChange, actorId: string) {
  const current = await userOrNotFound(db, id);
  const errors: FieldError[] = [];
  if (id === actorId && change.roles && !change.roles.includes('admin'))
    errors.push({ path: 'body.roles', message: 'you cannot take your own admin role' });
  if (id === actorId && change.active === false)
    errors.push({ path: 'body.active', message: 'you cannot deactivate yourself' });
  if (change.roles && current.roles.includes('manager') && !change.roles.includes('manager')) {
    const managed = await db
      .select({ key: departments.key })
      .from(departments)
      .where(eq(departments.managerUserId, id))
      .orderBy(asc(departments.key));
    if (managed.length)
      errors.push({
        path: 'body.roles',
        message: `manages ${managed.map((d) => d.key).join(', ')}: give the department another manager first`,
      });
  }
  if (errors.length) throw invalid('the change cannot be made', errors);
  if (change.email !== undefined) await refuseTakenEmail(db, change.email, id);
  const set = {
    ...(change.email !== undefined ? { email: change.email } : {}),
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.roles !== undefined ? { roles: [...new Set(change.roles)] } : {}),
    ...(change.managerScope !== undefined ? { managerScope: change.managerScope } : {}),
    ...(change.active !== undefined ? { active: change.active } : {}),
  };
  if (Object.keys(set).length > 0) await db.update(users).set(set).where(eq(users.id, id));
  return userOrNotFound(db, id);
}

async function departmentOrNotFound(db: Queryable, key: string) {
  const [department] = await db
    .select({ key: departments.key, leadUserId: departments.leadUserId })
    .from(departments)
    .where(eq(departments.key, key));
  if (!department) throw notFound('department', key);
  return department;
}

/** Makes the user a member of the department (no change when they are one). */
export async function addMembership(db: Database, userId: string, key: string) {
  await userOrNotFound(db, userId);
  await departmentOrNotFound(db, key);
  await db.insert(memberships).values({ userId, departmentKey: key }).onConflictDoNothing();
  return userOrNotFound(db, userId);
}

/** Ends the membership (no change when there is none); a department's lead stays a member. */
export async function removeMembership(db: Database, userId: string, key: string) {
  await userOrNotFound(db, userId);
  const department = await departmentOrNotFound(db, key);
  if (department.leadUserId === userId)
    throw conflict(`the user leads department '${key}': give it another lead first`);
  await db.delete(memberships).where(and(eq(memberships.userId, userId), eq(memberships.departmentKey, key)));
  return userOrNotFound(db, userId);
}

/** Sets a new password and ends the user's sessions, so whoever knew the old one is signed out. */
export async function resetPassword(db: Database, userId: string, password: string, cost: ScryptCost) {
  await userOrNotFound(db, userId);
  const passwordHash = await hashPassword(password, cost);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
  });
}
