// BPMN flows the workflow suites share (one copy each, compiled by the tests that use them).

/** A one-task flow: `department` handles it (nobody assigned), outcome `done`, SLA `sla`. */
export function oneTaskXml(options: { sla?: string; calendar?: string; department?: string } = {}): string {
  const calendar = options.calendar ? ` baton:calendar="${options.calendar}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="simple" isExecutable="true">
    <bpmn:laneSet id="LS">
      <bpmn:lane id="L1" baton:department="${options.department ?? 'support'}"><bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>handle</bpmn:flowNodeRef><bpmn:flowNodeRef>end</bpmn:flowNodeRef></bpmn:lane>
    </bpmn:laneSet>
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="handle" name="Handle" baton:sla="${options.sla ?? 'PT1H'}"${calendar} baton:assign="none" baton:outcomes="done" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handle" />
    <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * start -> service task `crm` (http-webhook to the `webhookUrl` variable, body `{ title: title }`,
 * `retries` retries, 5 s timeout) -> user task `handle` (support, 1 h SLA) -> end.
 */
export const serviceTaskXml = (retries = 1): string => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="svc" isExecutable="true">
    <bpmn:laneSet id="LS"><bpmn:lane id="L" baton:department="support">
      <bpmn:flowNodeRef>start</bpmn:flowNodeRef><bpmn:flowNodeRef>crm</bpmn:flowNodeRef>
      <bpmn:flowNodeRef>handle</bpmn:flowNodeRef><bpmn:flowNodeRef>end</bpmn:flowNodeRef>
    </bpmn:lane></bpmn:laneSet>
    <bpmn:startEvent id="start" />
    <bpmn:serviceTask id="crm" name="Tell the CRM" baton:activity="http-webhook" baton:retries="${retries}" baton:timeout="PT5S">
      <bpmn:extensionElements>
        <baton:input name="url" value="webhookUrl" />
        <baton:input name="body" value="{ title: title }" />
      </bpmn:extensionElements>
    </bpmn:serviceTask>
    <bpmn:userTask id="handle" name="Handle" baton:sla="PT1H" />
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="crm" />
    <bpmn:sequenceFlow id="f2" sourceRef="crm" targetRef="handle" />
    <bpmn:sequenceFlow id="f3" sourceRef="handle" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>`;
