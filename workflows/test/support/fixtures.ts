// Minimal reference data for activity tests: a department with a lead and agents, a manager, a
// ticket type and a deployed flow version (the compiled Flow is irrelevant to the read model).
import {
  type Database,
  departments,
  flowVersions,
  memberships,
  type Role,
  ticketTypes,
  users,
} from '@baton/db';

export const FIXTURE = {
  typeId: 'tt-support',
  flowVersionId: 'fv-support-1',
  department: 'support',
  lead: 'lena',
  agents: ['alice', 'bob', 'carol'],
  manager: 'mia',
} as const;

export async function insertFixture(db: Database): Promise<void> {
  const person = (id: string, roles: Role[]) => ({ id, email: `${id}@example.com`, name: id, roles });
  await db
    .insert(users)
    .values([
      person(FIXTURE.lead, ['agent', 'manager']),
      ...FIXTURE.agents.map((id) => person(id, ['agent'])),
      person(FIXTURE.manager, ['manager']),
    ]);
  await db.insert(departments).values({ key: FIXTURE.department, name: 'Support', leadUserId: FIXTURE.lead });
  await db
    .insert(memberships)
    .values(FIXTURE.agents.map((userId) => ({ userId, departmentKey: FIXTURE.department })));
  await db.insert(ticketTypes).values({ id: FIXTURE.typeId, name: 'Support request' });
  await db.insert(flowVersions).values({
    id: FIXTURE.flowVersionId,
    ticketTypeId: FIXTURE.typeId,
    version: 1,
    xml: '<definitions/>',
    compiled: {},
  });
}
