// Reference data for the call-centre scenario: three departments with leads and agents, a
// manager, the ticket type and a deployed flow version of test/fixtures/call-centre.bpmn.
import { readFileSync } from 'node:fs';
import { type Database, departments, flowVersions, memberships, ticketTypes, users } from '@baton/db';
import { type Flow, compileFlow } from '@baton/engine';

export const CALL_CENTRE = { typeId: 'call-centre', flowVersionId: 'call-centre-v1' } as const;

export async function compileCallCentre(): Promise<{ xml: string; flow: Flow }> {
  const xml = readFileSync(new URL('../fixtures/call-centre.bpmn', import.meta.url), 'utf8');
  const compiled = await compileFlow(xml);
  if (!compiled.ok) throw new Error(`call-centre.bpmn does not compile: ${JSON.stringify(compiled.errors)}`);
  return { xml, flow: compiled.flow };
}

export async function seedCallCentre(db: Database): Promise<Flow> {
  const { xml, flow } = await compileCallCentre();
  const person = (id: string, roles: string[]) => ({ id, email: `${id}@example.com`, name: id, roles });
  await db.insert(users).values([
    person('lena', ['agent', 'manager']),
    person('alice', ['agent']),
    person('bob', ['agent']),
    person('fiona', ['agent']),
    person('frank', ['agent']),
    person('sara', ['agent']),
    person('sam', ['agent']),
    person('sue', ['agent']),
    person('mia', ['manager']),
  ]);
  await db.insert(departments).values([
    { key: 'support', name: 'Support', leadUserId: 'lena' },
    { key: 'faults', name: 'Faults', leadUserId: 'fiona' },
    { key: 'after-sales', name: 'After-sales', leadUserId: 'sara' },
  ]);
  await db.insert(memberships).values([
    { userId: 'alice', departmentKey: 'support' },
    { userId: 'bob', departmentKey: 'support' },
    { userId: 'frank', departmentKey: 'faults' },
    { userId: 'sam', departmentKey: 'after-sales' },
    { userId: 'sue', departmentKey: 'after-sales' },
  ]);
  await db.insert(ticketTypes).values({ id: CALL_CENTRE.typeId, name: 'Call centre' });
  await db.insert(flowVersions).values({
    id: CALL_CENTRE.flowVersionId,
    ticketTypeId: CALL_CENTRE.typeId,
    version: 1,
    xml,
    compiled: flow,
  });
  return flow;
}
