// The diagram a new flow starts from: one pool with a lane per department, and start -> one
// user task -> end in the first lane, with diagram interchange so bpmn-js can draw it.
import type { Department } from '../api/types.js';

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );

const LANE_HEIGHT = 180;
const POOL_X = 120;
const POOL_Y = 80;
const POOL_WIDTH = 900;
const HEADER = 30;

export function templateXml(flowName: string, departments: Pick<Department, 'key' | 'name'>[]): string {
  const lanes = departments.length ? departments : [{ key: '', name: 'Lane' }];
  const poolHeight = LANE_HEIGHT * lanes.length;
  const midY = POOL_Y + LANE_HEIGHT / 2;
  const start = { x: POOL_X + HEADER + 70, y: midY - 18 };
  const task = { x: start.x + 110, y: midY - 40 };
  const end = { x: task.x + 170, y: midY - 18 };

  const laneXml = lanes
    .map((lane, i) => {
      const refs =
        i === 0
          ? ['StartEvent_1', 'UserTask_1', 'EndEvent_1']
              .map((r) => `<bpmn:flowNodeRef>${r}</bpmn:flowNodeRef>`)
              .join('')
          : '';
      const dept = lane.key ? ` baton:department="${escapeXml(lane.key)}"` : '';
      return `<bpmn:lane id="Lane_${i + 1}" name="${escapeXml(lane.name)}"${dept}>${refs}</bpmn:lane>`;
    })
    .join('\n      ');
  const laneShapes = lanes
    .map(
      (_lane, i) =>
        `<bpmndi:BPMNShape id="Lane_${i + 1}_di" bpmnElement="Lane_${i + 1}" isHorizontal="true"><dc:Bounds x="${POOL_X + HEADER}" y="${POOL_Y + i * LANE_HEIGHT}" width="${POOL_WIDTH - HEADER}" height="${LANE_HEIGHT}" /></bpmndi:BPMNShape>`,
    )
    .join('\n      ');

  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="Definitions_1" targetNamespace="https://baton.dev/flows">
  <bpmn:collaboration id="Collaboration_1">
    <bpmn:participant id="Participant_1" name="${escapeXml(flowName)}" processRef="Process_1" />
  </bpmn:collaboration>
  <bpmn:process id="Process_1" name="${escapeXml(flowName)}" isExecutable="true">
    <bpmn:laneSet id="LaneSet_1">
      ${laneXml}
    </bpmn:laneSet>
    <bpmn:startEvent id="StartEvent_1" name="Ticket submitted"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="UserTask_1" name="Handle ticket" baton:sla="PT8H"><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="EndEvent_1" name="Resolved"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="UserTask_1" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="UserTask_1" targetRef="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Collaboration_1">
      <bpmndi:BPMNShape id="Participant_1_di" bpmnElement="Participant_1" isHorizontal="true"><dc:Bounds x="${POOL_X}" y="${POOL_Y}" width="${POOL_WIDTH}" height="${poolHeight}" /></bpmndi:BPMNShape>
      ${laneShapes}
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="${start.x}" y="${start.y}" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="UserTask_1_di" bpmnElement="UserTask_1"><dc:Bounds x="${task.x}" y="${task.y}" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="${end.x}" y="${end.y}" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="${start.x + 36}" y="${midY}" /><di:waypoint x="${task.x}" y="${midY}" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="${task.x + 100}" y="${midY}" /><di:waypoint x="${end.x}" y="${midY}" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}
