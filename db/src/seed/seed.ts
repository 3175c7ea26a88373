// seedDatabase: fills an empty Baton with the help desk of data.ts. Idempotent and non-destructive:
// rows are matched by natural key (e-mail, department key, calendar key, ticket type id) and only
// missing ones are inserted, so a second run changes nothing and never undoes an admin's edits.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CalendarSpec, CompileResult } from '@baton/engine';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../database.js';
import type { Logger } from 'pino';
import { hashPassword } from '../password.js';
import {
  calendars,
  departments,
  flows,
  flowVersions,
  memberships,
  ticketTypes,
  timingRules,
  users,
} from '../schema.js';
import {
  SEED_CALENDARS,
  SEED_DEPARTMENTS,
  SEED_TICKET_TYPES,
  SEED_TIMING_RULES,
  SEED_USERS,
  userIdFor,
} from './data.js';

const flowsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'flows');

/** The engine's compileFlow, injected so the db package does not run engine code by itself. */
export type CompileFlow = (
  xml: string,
  options: { calendars: Record<string, CalendarSpec> },
) => Promise<CompileResult>;

export type SeedSummary = {
  inserted: Record<
    | 'users'
    | 'departments'
    | 'memberships'
    | 'calendars'
    | 'ticketTypes'
    | 'flows'
    | 'flowVersions'
    | 'timingRules',
    number
  >;
  /** Ticket types whose flow did not compile, so no version was deployed. */
  notDeployed: { ticketTypeId: string; errors: string[] }[];
};

export async function readSeedFlow(file: string): Promise<string> {
  return readFile(path.join(flowsDir, file), 'utf8');
}

export async function seedDatabase(
  db: Database,
  { compile, log }: { compile: CompileFlow; log?: Logger },
): Promise<SeedSummary> {
  const flowXml = new Map(
    await Promise.all(
      SEED_TICKET_TYPES.map(async (type) => [type.id, await readSeedFlow(type.flowFile)] as const),
    ),
  );
  const summary: SeedSummary = {
    inserted: {
      users: 0,
      departments: 0,
      memberships: 0,
      calendars: 0,
      ticketTypes: 0,
      flows: 0,
      flowVersions: 0,
      timingRules: 0,
    },
    notDeployed: [],
  };

  await db.transaction(async (tx) => {
    // Users: matched by e-mail (case-insensitive); an existing user keeps its id, roles and password.
    const idByEmail = new Map<string, string>();
    const existing = await tx
      .select({ id: users.id, email: sql<string>`lower(${users.email})` })
      .from(users)
      .where(
        inArray(
          sql`lower(${users.email})`,
          SEED_USERS.map((user) => user.email.toLowerCase()),
        ),
      );
    for (const row of existing) idByEmail.set(row.email, row.id);
    // scrypt is deliberately slow (about half a second each at OWASP's cost): hash only for users
    // about to be inserted, each dev password once (users sharing one share its hash and salt:
    // these passwords are published in the README anyway), all at once (libuv pool).
    const missing = SEED_USERS.filter((user) => !idByEmail.has(user.email.toLowerCase()));
    const passwords = [...new Set(missing.map((user) => user.password))];
    const hashes = new Map(
      await Promise.all(passwords.map(async (password) => [password, await hashPassword(password)] as const)),
    );
    for (const user of missing) {
      const id = userIdFor(user.email);
      await tx.insert(users).values({
        id,
        email: user.email,
        name: user.name,
        roles: user.roles,
        ...(user.managerScope ? { managerScope: user.managerScope } : {}),
        passwordHash: hashes.get(user.password),
      });
      idByEmail.set(user.email.toLowerCase(), id);
      summary.inserted.users += 1;
    }
    const userId = (email: string) => idByEmail.get(email.toLowerCase());

    for (const department of SEED_DEPARTMENTS) {
      const rows = await tx
        .insert(departments)
        .values({
          key: department.key,
          name: department.name,
          email: department.email,
          leadUserId: userId(department.leadEmail),
        })
        .onConflictDoNothing({ target: departments.key })
        .returning({ key: departments.key });
      summary.inserted.departments += rows.length;
    }

    const membershipRows = SEED_USERS.flatMap((user) =>
      user.departments.map((departmentKey) => ({ userId: userId(user.email)!, departmentKey })),
    );
    const insertedMemberships = await tx
      .insert(memberships)
      .values(membershipRows)
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    summary.inserted.memberships += insertedMemberships.length;

    // Only one calendar may be the default: do not take the flag from one an admin chose.
    const [currentDefault] = await tx
      .select({ key: calendars.key })
      .from(calendars)
      .where(eq(calendars.isDefault, true));
    for (const calendar of SEED_CALENDARS) {
      const rows = await tx
        .insert(calendars)
        .values({ ...calendar, isDefault: calendar.isDefault && !currentDefault })
        .onConflictDoNothing({ target: calendars.key })
        .returning({ key: calendars.key });
      summary.inserted.calendars += rows.length;
    }

    const calendarSpecs = Object.fromEntries(
      (await tx.select({ key: calendars.key, spec: calendars.spec }).from(calendars)).map((row) => [
        row.key,
        row.spec as CalendarSpec,
      ]),
    );
    const ownerId = userId('owner@baton.local');

    // A rule an admin has saved since (any version) is theirs: only missing keys are added.
    for (const seeded of SEED_TIMING_RULES) {
      const rows = await tx
        .insert(timingRules)
        .values({ key: seeded.key, version: 1, rule: seeded.rule, createdAt: seeded.createdAt })
        .onConflictDoNothing()
        .returning({ key: timingRules.key });
      summary.inserted.timingRules += rows.length;
    }

    for (const type of SEED_TICKET_TYPES) {
      const { flowFile: _file, ...row } = type;
      const typeRows = await tx
        .insert(ticketTypes)
        .values(row)
        .onConflictDoNothing({ target: ticketTypes.id })
        .returning({ id: ticketTypes.id });
      summary.inserted.ticketTypes += typeRows.length;

      const xml = flowXml.get(type.id)!;
      const flowRows = await tx
        .insert(flows)
        .values({ ticketTypeId: type.id, xml, updatedBy: ownerId })
        .onConflictDoNothing({ target: flows.ticketTypeId })
        .returning({ id: flows.ticketTypeId });
      summary.inserted.flows += flowRows.length;

      const [deployed] = await tx
        .select({ id: flowVersions.id })
        .from(flowVersions)
        .where(eq(flowVersions.ticketTypeId, type.id))
        .limit(1);
      if (deployed) continue;
      const result = await compile(xml, { calendars: calendarSpecs });
      if (!result.ok) {
        const errors = result.errors.map(
          (e) => `${e.code}${e.elementId ? ` (${e.elementId})` : ''}: ${e.message}`,
        );
        log?.warn(
          { ticketTypeId: type.id, errors },
          'seed flow does not compile; its draft is saved but no version is deployed',
        );
        summary.notDeployed.push({ ticketTypeId: type.id, errors });
        continue;
      }
      for (const warning of result.warnings) {
        log?.warn(
          { ticketTypeId: type.id, code: warning.code, elementId: warning.elementId },
          warning.message,
        );
      }
      const versionRows = await tx
        .insert(flowVersions)
        .values({
          id: `fv_${type.id}_1`,
          ticketTypeId: type.id,
          version: 1,
          xml,
          compiled: result.flow,
          deployedBy: ownerId,
        })
        .onConflictDoNothing()
        .returning({ id: flowVersions.id });
      summary.inserted.flowVersions += versionRows.length;
    }
  });
  return summary;
}
