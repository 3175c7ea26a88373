// Departments with their lead, manager, calendar and members.
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import { calendars, departments, memberships, users } from '@baton/db';
import type { Database } from '../http/env.js';
import { conflict, invalid, notFound, type FieldError } from '../http/problem.js';

type Queryable = Pick<Database, 'select'>;

export type DepartmentPeople = {
  /** Leads the department (and is made a member of it); any active user. */
  leadUserId?: string | null;
  /** Answers for the department (its manager notifications and severe escalations); a manager. */
  managerUserId?: string | null;
  /** The department's own business hours (a saved calendar); null: the flow's. */
  calendarKey?: string | null;
};
export type NewDepartment = DepartmentPeople & { key: string; name: string; email?: string | null };
export type DepartmentChange = DepartmentPeople & { name?: string; email?: string | null };

// What the API shows of a department: everything but when it was created, and its members' ids.
const { createdAt: _createdAt, ...DEPARTMENT_COLUMNS } = getTableColumns(departments);
const MEMBER_IDS = sql<
  string[]
>`array(select m.user_id from memberships m where m.department_key = departments.key order by 1)`;

/** Every department, or the one with `key`, ordered by key. */
export function listDepartments(db: Queryable, key?: string) {
  return db
    .select({ ...DEPARTMENT_COLUMNS, members: MEMBER_IDS })
    .from(departments)
    .where(key ? eq(departments.key, key) : undefined)
    .orderBy(asc(departments.key));
}

/**
 * Field errors for a lead who is no active user, a manager who is no active manager and a calendar
 * that does not exist.
 */
async function peopleErrors(db: Queryable, people: DepartmentPeople): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (people.calendarKey) {
    const [calendar] = await db
      .select({ key: calendars.key })
      .from(calendars)
      .where(eq(calendars.key, people.calendarKey));
    if (!calendar) errors.push({ path: 'body.calendarKey', message: `no calendar '${people.calendarKey}'` });
  }
  const ids = [people.leadUserId, people.managerUserId].filter((id): id is string => !!id);
  if (ids.length === 0) return errors;
  const found = await db
    .select({ id: users.id, roles: users.roles })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)));
  const byId = new Map(found.map((u) => [u.id, u.roles]));
  if (people.leadUserId && !byId.has(people.leadUserId))
    errors.push({ path: 'body.leadUserId', message: `no active user '${people.leadUserId}'` });
  if (people.managerUserId) {
    const roles = byId.get(people.managerUserId);
    if (!roles)
      errors.push({ path: 'body.managerUserId', message: `no active user '${people.managerUserId}'` });
    else if (!roles.includes('manager'))
      errors.push({
        path: 'body.managerUserId',
        message: 'a department’s manager needs the manager role; give it to them first',
      });
  }
  return errors;
}

async function refuseUnknownPeople(db: Queryable, people: DepartmentPeople) {
  const errors = await peopleErrors(db, people);
  if (errors.length)
    throw invalid('the department names a person or a calendar that cannot take that part', errors);
}

/** Creates the department; its lead becomes a member. */
export async function createDepartment(db: Database, department: NewDepartment) {
  await refuseUnknownPeople(db, department);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(departments)
      .values({
        key: department.key,
        name: department.name,
        leadUserId: department.leadUserId ?? null,
        managerUserId: department.managerUserId ?? null,
        email: department.email ?? null,
        calendarKey: department.calendarKey ?? null,
      })
      .onConflictDoNothing({ target: departments.key })
      .returning({ key: departments.key });
    if (inserted.length === 0)
      throw conflict(`department '${department.key}' already exists`, {
        errors: [{ path: 'body.key', message: `department '${department.key}' already exists` }],
      });
    if (department.leadUserId)
      await tx
        .insert(memberships)
        .values({ userId: department.leadUserId, departmentKey: department.key })
        .onConflictDoNothing();
    const [created] = await listDepartments(tx, department.key);
    return created!;
  });
}

/**
 * Changes the fields given (an absent field stays); a new lead becomes a member.
 * `calendarChanged`: the department keeps other hours than before (its running tickets must hear).
 */
export async function updateDepartment(db: Database, key: string, change: DepartmentChange) {
  await refuseUnknownPeople(db, change);
  return db.transaction(async (tx) => {
    // Locked, so two admins changing the calendar at once each compare with what the other left.
    const [before] = await tx
      .select({ calendarKey: departments.calendarKey })
      .from(departments)
      .where(eq(departments.key, key))
      .for('update');
    if (!before) throw notFound('department', key);
    const set = {
      ...(change.name !== undefined ? { name: change.name } : {}),
      ...(change.email !== undefined ? { email: change.email } : {}),
      ...(change.leadUserId !== undefined ? { leadUserId: change.leadUserId } : {}),
      ...(change.managerUserId !== undefined ? { managerUserId: change.managerUserId } : {}),
      ...(change.calendarKey !== undefined ? { calendarKey: change.calendarKey } : {}),
    };
    if (Object.keys(set).length > 0) await tx.update(departments).set(set).where(eq(departments.key, key));
    if (change.leadUserId)
      await tx
        .insert(memberships)
        .values({ userId: change.leadUserId, departmentKey: key })
        .onConflictDoNothing();
    const [department] = await listDepartments(tx, key);
    const calendarChanged = change.calendarKey !== undefined && change.calendarKey !== before.calendarKey;
    return { department: department!, calendarChanged };
  });
}
