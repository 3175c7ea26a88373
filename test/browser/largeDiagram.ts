// A generated flow of about `elements` BPMN elements for the open-time benchmark: one pool, one
// lane (department `support`), start -> N user tasks in a snake of rows -> end, all with DI.
export function largeFlowXml(
  elements: number,
  department = 'support',
): { xml: string; elementCount: number } {
  // start + end + tasks + (tasks + 1) flows + participant + lane
  const tasks = Math.max(1, Math.floor((elements - 4) / 2));
  const perRow = 20;
  const rows = Math.ceil((tasks + 2) / perRow);
  const cell = { w: 150, h: 130 };
  const origin = { x: 220, y: 120 };
  const at = (i: number) => ({
    x: origin.x + (i % perRow) * cell.w,
    y: origin.y + Math.floor(i / perRow) * cell.h,
  });

  const ids = ['Start', ...Array.from({ length: tasks }, (_, i) => `Task_${i + 1}`), 'End'];
  const shapes: string[] = [];
  const nodes: string[] = [];
  ids.forEach((id, i) => {
    const p = at(i);
    if (id === 'Start' || id === 'End') {
      nodes.push(id === 'Start' ? `<bpmn:startEvent id="Start" />` : `<bpmn:endEvent id="End" />`);
      shapes.push(
        `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${p.x + 32}" y="${p.y + 22}" width="36" height="36" /></bpmndi:BPMNShape>`,
      );
    } else {
      nodes.push(`<bpmn:userTask id="${id}" name="Step ${i}" baton:sla="PT${(i % 8) + 1}H" />`);
      shapes.push(
        `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${p.x}" y="${p.y}" width="100" height="80" /></bpmndi:BPMNShape>`,
      );
    }
  });
  const center = (i: number) => ({ x: at(i).x + 50, y: at(i).y + 40 });
  const flows: string[] = [];
  const edges: string[] = [];
  for (let i = 0; i < ids.length - 1; i++) {
    const id = `Flow_${i + 1}`;
    flows.push(`<bpmn:sequenceFlow id="${id}" sourceRef="${ids[i]}" targetRef="${ids[i + 1]}" />`);
    const a = center(i);
    const b = center(i + 1);
    edges.push(
      `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="${a.x}" y="${a.y}" /><di:waypoint x="${b.x}" y="${b.y}" /></bpmndi:BPMNEdge>`,
    );
  }
  const width = perRow * cell.w + 120;
  const height = rows * cell.h + 80;
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="Definitions_Large" targetNamespace="https://baton.dev/flows">
  <bpmn:collaboration id="Collaboration_Large"><bpmn:participant id="Participant_Large" name="Large flow" processRef="Process_Large" /></bpmn:collaboration>
  <bpmn:process id="Process_Large" isExecutable="true">
    <bpmn:laneSet id="LaneSet_Large"><bpmn:lane id="Lane_Large" name="Support" baton:department="${department}">${ids.map((id) => `<bpmn:flowNodeRef>${id}</bpmn:flowNodeRef>`).join('')}</bpmn:lane></bpmn:laneSet>
    ${nodes.join('\n    ')}
    ${flows.join('\n    ')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram_Large"><bpmndi:BPMNPlane id="Plane_Large" bpmnElement="Collaboration_Large">
    <bpmndi:BPMNShape id="Participant_Large_di" bpmnElement="Participant_Large" isHorizontal="true"><dc:Bounds x="120" y="80" width="${width + 30}" height="${height}" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Lane_Large_di" bpmnElement="Lane_Large" isHorizontal="true"><dc:Bounds x="150" y="80" width="${width}" height="${height}" /></bpmndi:BPMNShape>
    ${shapes.join('\n    ')}
    ${edges.join('\n    ')}
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return { xml, elementCount: ids.length + flows.length + 2 };
}
