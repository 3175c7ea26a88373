import { describe, expect, it } from 'vitest';
import {
  batonKindOf,
  batonUpdate,
  formatList,
  fractionError,
  isoDurationError,
  parseList,
  parseTransferTo,
  processOf,
  readBaton,
  readCondition,
  readTimer,
  timerDefinitionOf,
  timerValueError,
  unknownKeys,
} from './batonAttributes.js';
import { definitionsXml, parse, toXml } from './testModdle.js';

describe('comma lists', () => {
  it('trims, drops empty items and duplicates', () => {
    expect(parseList(' approved, rejected ,,approved , more info ')).toEqual([
      'approved',
      'rejected',
      'more info',
    ]);
    expect(parseList('')).toEqual([]);
    expect(formatList(parseList('a, b'))).toBe('a,b');
  });
  it('reads * in transfer targets as any department', () => {
    expect(parseTransferTo('refunds, *')).toBe('*');
    expect(parseTransferTo('refunds, rnd')).toEqual(['refunds', 'rnd']);
    expect(unknownKeys(['refunds', 'nope'], ['refunds', 'support'])).toEqual(['nope']);
    expect(unknownKeys('*', [])).toEqual([]);
  });
});

describe('value checks', () => {
  it('accepts ISO 8601 durations and names bad ones', () => {
    for (const ok of ['PT4H', 'P2D', 'P1DT12H', 'PT30M', 'P1W', 'PT0.5S', ''])
      expect(isoDurationError(ok)).toBeUndefined();
    for (const bad of ['4h', 'P', 'PT', 'P1H', 'PT4H5D', 'tomorrow'])
      expect(isoDurationError(bad)).toMatch(/not an ISO 8601 duration/);
  });
  it('keeps the SLA ladder around 1', () => {
    expect(fractionError('warnAt', '0.8')).toBeUndefined();
    expect(fractionError('warnAt', '1.2')).toMatch(/below 1/);
    expect(fractionError('severeAt', '1.3')).toBeUndefined();
    expect(fractionError('severeAt', '0.9')).toMatch(/above 1/);
    expect(fractionError('severeAt', 'abc')).toMatch(/positive number/);
  });
  it('checks timer values by kind', () => {
    expect(timerValueError('timeDuration', 'PT1H')).toBeUndefined();
    expect(timerValueError('timeDuration', '')).toMatch(/needs a value/);
    expect(timerValueError('timeDate', '2026-12-24T09:00:00Z')).toBeUndefined();
    expect(timerValueError('timeDate', '2026-12-24')).toMatch(/date-time/);
    expect(timerValueError('timeCycle', 'R3/PT1H')).toBeUndefined();
    expect(timerValueError('timeCycle', 'R3/1h')).toMatch(/ISO 8601 duration/);
    expect(timerValueError('timeCycle', 'every hour')).toMatch(/cycle/);
  });
});

describe('baton attributes on moddle elements', () => {
  const xml = definitionsXml(`
    <bpmn:laneSet id="LS"><bpmn:lane id="L1" name="Support" baton:department="support"><bpmn:flowNodeRef>T1</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:userTask id="T1" name="Triage" baton:sla="PT4H" baton:outcomes="solved,escalate" />
    <bpmn:serviceTask id="S1" />
    <bpmn:exclusiveGateway id="G1" />
    <bpmn:endEvent id="E1" />
    <bpmn:sequenceFlow id="F1" sourceRef="G1" targetRef="E1"><bpmn:conditionExpression>outcome = "solved"</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:intermediateCatchEvent id="W1"><bpmn:timerEventDefinition id="TD1"><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`);

  it('reads what the XML says and treats absent as empty', async () => {
    const { byId } = await parse(xml);
    expect(readBaton(byId('L1'), 'department')).toBe('support');
    expect(readBaton(byId('T1'), 'sla')).toBe('PT4H');
    expect(parseList(readBaton(byId('T1'), 'outcomes'))).toEqual(['solved', 'escalate']);
    expect(readBaton(byId('T1'), 'calendar')).toBe('');
    expect(readCondition(byId('F1'))).toBe('outcome = "solved"');
    const timer = timerDefinitionOf(byId('W1'));
    expect(timer && readTimer(timer)).toEqual({ kind: 'timeDuration', value: 'PT2H' });
  });

  it('writes through the update payload and removes blank values from the XML', async () => {
    const { definitions, byId } = await parse(xml);
    const task = byId('T1');
    for (const [k, v] of Object.entries({ ...batonUpdate('sla', ' P1D '), ...batonUpdate('outcomes', '') }))
      task.set(k, v);
    for (const [k, v] of Object.entries(batonUpdate('returnable', true))) task.set(k, v);
    expect(batonUpdate('warnAt', '0.75')).toEqual({ 'baton:warnAt': 0.75 });
    for (const [k, v] of Object.entries(batonUpdate('warnAt', '0.75'))) task.set(k, v);
    const out = await toXml(definitions);
    expect(out).toMatch(/baton:sla="P1D"/);
    expect(out).not.toMatch(/baton:outcomes/);
    expect(out).toMatch(/baton:returnable="true"/);
    const again = await parse(out);
    expect(readBaton(again.byId('T1'), 'sla')).toBe('P1D');
    expect(readBaton(again.byId('T1'), 'returnable')).toBe('true');
    expect(again.byId('T1').get('baton:warnAt')).toBe(0.75);
  });

  it('knows which Baton group each element gets', async () => {
    const { byId } = await parse(xml);
    expect(batonKindOf(byId('L1'))).toBe('lane');
    expect(batonKindOf(byId('T1'))).toBe('userTask');
    expect(batonKindOf(byId('S1'))).toBe('serviceTask');
    expect(batonKindOf(byId('F1'))).toBe('sequenceFlow');
    expect(batonKindOf(byId('W1'))).toBe('timerEvent');
    expect(batonKindOf(byId('E1'))).toBeNull();
    expect(batonKindOf(byId('P'))).toBe('process');
    expect(processOf(byId('P')).id).toBe('P');
  });
});
