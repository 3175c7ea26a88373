import { compileFlow, timingRuleProblems, type CompileResult } from '@baton/engine';
import { getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../password.js';
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
import { createTestDatabase, type TestDatabase } from '../testing.js';
import {
  DEV_PASSWORDS,
  SEED_CALENDARS,
  SEED_DEPARTMENTS,
  SEED_TICKET_TYPES,
  SEED_TIMING_RULES,
  SEED_USERS,
} from './data.js';
import { readSeedFlow, seedDatabase } from './seed.js';

const SEEDED: PgTable[] = [
  users,
  departments,
  memberships,
  calendars,
  ticketTypes,
  flows,
  flowVersions,
  timingRules,
];

/** Every seeded row of every seeded table, in a stable order. */
async function snapshot(t: TestDatabase): Promise<Record<string, unknown[]>> {
  const entries = await Promise.all(
    SEEDED.map(async (table) => {
      const name = getTableName(table);
      const { rows } = await t.pool.query(`select * from ${name} order by 1, 2`);
      return [name, rows] as const;
    }),
  );
  return Object.fromEntries(entries);
}

describe('seedDatabase', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t?.drop());

  it('fills an empty database and deploys version 1 of every flow', async () => {
    const summary = await seedDatabase(t.db, { compile: compileFlow });
    expect(summary.notDeployed).toEqual([]);
    expect(summary.inserted).toEqual({
      users: SEED_USERS.length,
      departments: SEED_DEPARTMENTS.length,
      memberships: SEED_USERS.reduce((n, user) => n + user.departments.length, 0),
      calendars: 2,
      ticketTypes: SEED_TICKET_TYPES.length,
      flows: SEED_TICKET_TYPES.length,
      flowVersions: SEED_TICKET_TYPES.length,
      timingRules: SEED_TIMING_RULES.length,
    });
    const versions = await t.db.select().from(flowVersions);
    expect(versions.map((v) => [v.ticketTypeId, v.version]).sort()).toEqual([
      ['call-centre', 1],
      ['customer-email', 1],
      ['product-suggestion', 1],
    ]);
    for (const version of versions) {
      const compiled = version.compiled as { departments: string[] };
      expect(compiled.departments.every((key) => SEED_DEPARTMENTS.some((d) => d.key === key))).toBe(true);
    }
    const [office] = await t.db
      .select()
      .from(calendars)
      .where(sql`${calendars.isDefault}`);
    expect(office?.key).toBe('office');
  });

  it('ships the built-in timing rules, each one the engine accepts', async () => {
    const rows = await t.db.select().from(timingRules);
    expect(rows.map((row) => [row.key, row.version]).sort()).toEqual([
      ['first-response', 1],
      ['resolution', 1],
    ]);
    const known = {
      calendars: SEED_CALENDARS.map((calendar) => calendar.key),
      departments: SEED_DEPARTMENTS.map((department) => department.key),
    };
    for (const seeded of SEED_TIMING_RULES)
      expect(timingRuleProblems({ key: seeded.key, ...seeded.rule }, known)).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await snapshot(t);
    const summary = await seedDatabase(t.db, { compile: compileFlow });
    expect(Object.values(summary.inserted).every((n) => n === 0)).toBe(true);
    expect(await snapshot(t)).toEqual(before);
  });

  it('gives every department a lead who is a member, and every user a working dev password', async () => {
    const leads = await t.pool.query<{ key: string; member: boolean }>(
      `select d.key, exists (select 1 from memberships m where m.user_id = d.lead_user_id and m.department_key = d.key) as member
         from departments d`,
    );
    expect(leads.rows.every((row) => row.member)).toBe(true);
    const admin = (await t.db.select().from(users)).find((u) => u.email === 'admin@baton.local')!;
    expect(await verifyPassword(DEV_PASSWORDS.admin, admin.passwordHash!)).toBe(true);
    expect(admin.roles).toEqual(['admin']);
  });

  it("makes each lead a manager of their own department only, and the seed's manager one of every department", async () => {
    const { rows } = await t.pool.query<{ email: string; manager_scope: string; departments: string[] }>(
      `select u.email, u.manager_scope,
              array(select m.department_key from memberships m where m.user_id = u.id order by 1) as departments
         from users u where 'manager' = any(u.roles) order by u.email`,
    );
    const leadOf = new Map(SEED_DEPARTMENTS.map((d) => [d.leadEmail, d.key]));
    expect(rows.map((row) => [row.email, row.manager_scope, row.departments])).toEqual(
      [
        ['manager@baton.local', 'every_department', []],
        ...[...leadOf].map(([email, key]) => [email, 'memberships', [key]]),
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('saves the drafts but deploys nothing when a flow does not compile', async () => {
    const other = await createTestDatabase();
    try {
      const failing = async (): Promise<CompileResult> => ({
        ok: false,
        errors: [{ code: 'broken', message: 'does not compile', severity: 'error' }],
        warnings: [],
      });
      const summary = await seedDatabase(other.db, { compile: failing });
      expect(summary.notDeployed.map((n) => n.ticketTypeId).sort()).toEqual([
        'call-centre',
        'customer-email',
        'product-suggestion',
      ]);
      expect(await other.db.select().from(flowVersions)).toEqual([]);
      expect(await other.db.select().from(flows)).toHaveLength(SEED_TICKET_TYPES.length);
    } finally {
      await other.drop();
    }
  });
});

describe('seed BPMN files', () => {
  it.each(SEED_TICKET_TYPES.map((type) => type.flowFile))(
    '%s compiles without errors or warnings',
    async (file) => {
      const xml = await readSeedFlow(file);
      const office = { timeZone: 'Asia/Shanghai', week: { mon: [['09:00', '18:00']] } } as const;
      const result = await compileFlow(xml, { calendars: { office: office as never } });
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
    },
  );

  it.each(SEED_TICKET_TYPES.map((type) => type.flowFile))(
    '%s draws every element (BPMNDI) in a department lane',
    async (file) => {
      const xml = await readSeedFlow(file);
      const process = xml.slice(xml.indexOf('<bpmn:process'), xml.indexOf('</bpmn:process>'));
      const ids = [...process.matchAll(/<bpmn:(\w+) id="([^"]+)"/g)]
        .filter(([, tag]) => !['process', 'laneSet', 'timerEventDefinition'].includes(tag!))
        .map(([, , id]) => id!);
      expect(ids.length).toBeGreaterThan(10);
      const drawn = new Set(
        [...xml.matchAll(/<bpmndi:BPMN(?:Shape|Edge) id="[^"]+" bpmnElement="([^"]+)"/g)].map((m) => m[1]),
      );
      expect(ids.filter((id) => !drawn.has(id))).toEqual([]);
      expect(xml).toMatch(/<bpmn:participant id="[^"]+"[^>]*processRef=/);
      const laneDepartments = [...xml.matchAll(/<bpmn:lane [^>]*baton:department="([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(laneDepartments.length).toBeGreaterThan(1);
      expect(laneDepartments.every((key) => SEED_DEPARTMENTS.some((d) => d.key === key))).toBe(true);
      for (const edge of xml.matchAll(/<bpmndi:BPMNEdge[^>]*>([\s\S]*?)<\/bpmndi:BPMNEdge>/g)) {
        expect(edge[1]!.match(/<di:waypoint /g)?.length ?? 0).toBeGreaterThanOrEqual(2);
      }
    },
  );
});
