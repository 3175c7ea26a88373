import { BpmnModdle } from 'bpmn-moddle';
import { describe, expect, it } from 'vitest';
import { moddleExtension } from './index.js';

const xml = `<?xml version="1.0"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D">
  <bpmn:process id="P" baton:calendar="cn" baton:ticketSla="P2D">
    <bpmn:laneSet><bpmn:lane id="L" baton:department="support"><bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane></bpmn:laneSet>
    <bpmn:userTask id="T" baton:sla="PT4H" baton:calendar="cn" baton:warnAt="0.7" baton:severeAt="1.5" baton:assign="round-robin"
      baton:outcomes="solved,escalate" baton:transferTo="*" baton:returnable="true"/>
    <bpmn:serviceTask id="S" baton:activity="crm.lookup" baton:retries="5" baton:timeout="PT30S">
      <bpmn:extensionElements><baton:input name="customer" value="ticket.customer"/></bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:sendTask id="N" baton:notify="assignee,lead" baton:template="escalated"/>
    <bpmn:intermediateCatchEvent id="C" baton:calendar="cn"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
    <bpmn:boundaryEvent id="B" attachedToRef="T" baton:calendar="cn"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('baton moddle extension', () => {
  it('is plain JSON, so the designer can register the same object', () => {
    expect(JSON.parse(JSON.stringify(moddleExtension))).toEqual(moddleExtension);
  });

  it('reads every baton attribute and input element without warnings', async () => {
    const { rootElement, warnings, elementsById } = await BpmnModdle({ baton: moddleExtension }).fromXML(xml);
    expect(warnings).toEqual([]);
    const process = (rootElement.rootElements as { calendar: string; ticketSla: string }[])[0]!;
    expect([process.calendar, process.ticketSla]).toEqual(['cn', 'P2D']);
    expect(elementsById.L!.department).toBe('support');
    const task = elementsById.T!;
    expect([
      task.sla,
      task.calendar,
      task.warnAt,
      task.severeAt,
      task.assign,
      task.outcomes,
      task.transferTo,
      task.returnable,
    ]).toEqual(['PT4H', 'cn', 0.7, 1.5, 'round-robin', 'solved,escalate', '*', true]);
    const service = elementsById.S!;
    expect([service.activity, service.retries, service.timeout]).toEqual(['crm.lookup', 5, 'PT30S']);
    const inputs = (service.extensionElements as { values: { $type: string; name: string; value: string }[] })
      .values;
    expect(inputs.map(({ $type, name, value }) => ({ $type, name, value }))).toEqual([
      { $type: 'baton:Input', name: 'customer', value: 'ticket.customer' },
    ]);
    expect([elementsById.N!.notify, elementsById.N!.template]).toEqual(['assignee,lead', 'escalated']);
    expect([elementsById.C!.calendar, elementsById.B!.calendar]).toEqual(['cn', 'cn']);
  });
});
