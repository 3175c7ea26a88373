import { describe, expect, it } from 'vitest';
import { compileFlow } from '@baton/engine';
import type { ModdleElement } from './bpmnTypes.js';
import { readBaton } from './batonAttributes.js';
import { parse } from './testModdle.js';
import { templateXml } from './template.js';

const departments = [
  { key: 'support', name: 'Support & "Care"' },
  { key: 'refunds', name: 'Refunds' },
];

describe('new flow template', () => {
  it('has a lane per department, start, one user task and end, with DI', async () => {
    const { byId, warnings } = await parse(templateXml('Refund <request>', departments));
    expect(warnings).toEqual([]);
    const lanes = ((byId('LaneSet_1').get('lanes') ?? []) as ModdleElement[]).map((l) => [
      l.name,
      readBaton(l, 'department'),
    ]);
    expect(lanes).toEqual([
      ['Support & "Care"', 'support'],
      ['Refunds', 'refunds'],
    ]);
    expect(byId('Process_1').name).toBe('Refund <request>');
    expect(byId('UserTask_1').$type).toBe('bpmn:UserTask');
    for (const id of [
      'Participant_1_di',
      'Lane_2_di',
      'StartEvent_1_di',
      'UserTask_1_di',
      'EndEvent_1_di',
      'Flow_2_di',
    ])
      expect(byId(id)).toBeTruthy();
  });

  it('is a flow the engine compiles', async () => {
    const result = await compileFlow(templateXml('Refund', departments));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.flow.departments).toEqual(['support', 'refunds']);
  });

  it('still makes a drawable diagram with no departments', async () => {
    const { byId } = await parse(templateXml('Empty', []));
    expect(readBaton(byId('Lane_1'), 'department')).toBe('');
  });
});
