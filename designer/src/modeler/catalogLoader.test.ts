// The live validator compiles with what the server compiles with on validate and deploy, so the
// problems list shows the same findings, among them conditions read against the type's fields.
import { compileFlow } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { compileOptionsFor } from './catalogLoader.js';
import { validationModel } from './diagnostics.js';

const gated = (condition: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="https://baton.dev/test">
  <bpmn:process id="P" isExecutable="true">
    <bpmn:startEvent id="S"/>
    <bpmn:exclusiveGateway id="G" default="Flow_small"/>
    <bpmn:endEvent id="Big"/>
    <bpmn:endEvent id="Small"/>
    <bpmn:sequenceFlow id="Flow_in" sourceRef="S" targetRef="G"/>
    <bpmn:sequenceFlow id="Flow_big" name="Big refund" sourceRef="G" targetRef="Big">
      <bpmn:conditionExpression>${condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="Flow_small" sourceRef="G" targetRef="Small"/>
  </bpmn:process>
</bpmn:definitions>`;

const catalog = { departments: [], calendars: [], activities: [] };

describe('compileOptionsFor', () => {
  it("checks conditions against the ticket type's fields: a misspelt one is a warning on its flow", async () => {
    const options = compileOptionsFor(catalog, true, [{ key: 'amount', type: 'number' }]);
    const model = validationModel(await compileFlow(gated('amout &gt; 100'), options), (id) =>
      id === 'Flow_big' ? 'Big refund' : undefined,
    );
    expect(model.deployable).toBe(true);
    expect(model.problems).toEqual([
      expect.objectContaining({
        code: 'unknown-variable',
        severity: 'warning',
        elementId: 'Flow_big',
        elementLabel: 'Big refund',
      }),
    ]);
    expect(model.marks).toEqual([expect.objectContaining({ elementId: 'Flow_big', warnings: 1 })]);
  });

  it('passes the activity types only when they are known, and no fields when the type has none loaded', () => {
    expect(compileOptionsFor(catalog, false, undefined)).toEqual({ calendars: {} });
    expect(compileOptionsFor(catalog, true, [])).toEqual({ calendars: {}, activities: [], ticketFields: [] });
  });
});
