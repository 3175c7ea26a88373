import { describe, expect, it } from 'vitest';
import type { DiagramElement } from '../bpmnTypes.js';
import { definitionsXml, parse } from '../testModdle.js';
import { batonGroups } from './groups.js';
import type { BatonCatalog } from './catalog.js';

const catalog: BatonCatalog = {
  departments: [
    { key: 'support', name: 'Support' },
    { key: 'refunds', name: 'Refunds' },
  ],
  calendars: [{ key: 'office', name: 'Office', spec: { timeZone: 'UTC', week: {} } }],
  activities: [
    {
      type: 'email-customer',
      title: 'Email the customer',
      description: 'Sends the customer an e-mail',
      inputSchema: {
        type: 'object',
        properties: { subject: { type: 'string' }, to: { type: 'string' } },
        required: ['to'],
      },
      retries: 3,
      timeoutMs: 30_000,
    },
  ],
};

const xml = definitionsXml(`
  <bpmn:laneSet id="LS"><bpmn:lane id="L1" /></bpmn:laneSet>
  <bpmn:userTask id="T1" />
  <bpmn:serviceTask id="S1" baton:activity="email-customer" />
  <bpmn:serviceTask id="S2" />
  <bpmn:exclusiveGateway id="G1" />
  <bpmn:endEvent id="E1" />
  <bpmn:sequenceFlow id="F1" sourceRef="G1" targetRef="E1" />
  <bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="G1" />`);

async function groupsOf(id: string) {
  const { byId } = await parse(xml);
  const bo = byId(id);
  const element: DiagramElement = { id, type: bo.$type, businessObject: bo };
  return batonGroups(element, catalog);
}
const entryIds = (groups: Awaited<ReturnType<typeof groupsOf>>) =>
  groups.flatMap((g) => g.entries.map((e) => e.id));

describe('Baton properties panel groups', () => {
  it('offers SLA, calendar, ladder, assignment, outcomes, transfers and returnable on a user task', async () => {
    expect(entryIds(await groupsOf('T1'))).toEqual([
      'baton-sla',
      'baton-calendar',
      'baton-warn-at',
      'baton-severe-at',
      'baton-assign',
      'baton-outcomes',
      'baton-transfer-to',
      'baton-returnable',
    ]);
  });

  it('checks the SLA and transfer targets as the user types', async () => {
    const entries = (await groupsOf('T1')).flatMap((g) => g.entries);
    const validate = (id: string) =>
      entries.find((e) => e.id === id)?.validate as (v: string) => string | undefined;
    expect(validate('baton-sla')('PT4H')).toBeUndefined();
    expect(validate('baton-sla')('4h')).toMatch(/ISO 8601/);
    expect(validate('baton-transfer-to')('refunds, *')).toBeUndefined();
    expect(validate('baton-transfer-to')('refunds, legal')).toBe('unknown department: legal');
  });

  it('builds the service-task input form from the chosen activity schema', async () => {
    expect(entryIds(await groupsOf('S1'))).toEqual([
      'baton-activity-type',
      'baton-retries',
      'baton-timeout',
      'baton-input-to',
      'baton-input-subject',
    ]);
    expect(entryIds(await groupsOf('S2'))).toEqual(['baton-activity-type', 'baton-retries', 'baton-timeout']);
  });

  it('puts a FEEL condition with syntax feedback on flows leaving an exclusive gateway only', async () => {
    const [group] = await groupsOf('F1');
    const validate = group?.entries[0]?.validate as (v: string) => string | undefined;
    expect(validate('outcome = "approve"')).toBeUndefined();
    expect(validate('outcome = ')).toMatch(/syntax|position|expect/i);
    expect(await groupsOf('F2')).toEqual([]);
  });

  it('gives a lane the department select and the process its ticket SLA', async () => {
    expect(entryIds(await groupsOf('L1'))).toEqual(['baton-department']);
    expect(entryIds(await groupsOf('P'))).toEqual(['baton-ticket-sla', 'baton-process-calendar']);
    expect(await groupsOf('E1')).toEqual([]);
  });
});
