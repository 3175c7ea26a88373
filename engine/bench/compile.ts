// Compile speed: a generated 1,000-user-task flow (10 department lanes, an outcome gateway after
// every 5th task looping back, SLAs in a business calendar), bpmn-moddle's fromXML alone vs the
// whole compileFlow (which includes that parse). Goal: compile <= 1.5x parse.
// Run: cd engine && npx tsx bench/compile.ts
import { BpmnModdle } from 'bpmn-moddle';
import { compileFlow } from '../src/compiler/index.js';
import { moddleExtension } from '../src/moddle/index.js';
import type { CalendarSpec } from '../src/types.js';

const TASKS = 1000;
const DEPARTMENTS = 10;
const RUNS = 15;

const calendar: CalendarSpec = {
  timeZone: 'Europe/Berlin',
  week: {
    mon: [['09:00', '17:00']],
    tue: [['09:00', '17:00']],
    wed: [['09:00', '17:00']],
    thu: [['09:00', '17:00']],
    fri: [['09:00', '17:00']],
  },
};

/** The generated flow, with diagram interchange (DI) like every file the designer saves, or without. */
function generateFlow(withDi: boolean): string {
  const nodes: string[] = ['<bpmn:startEvent id="Start"/>'];
  const flows: string[] = [];
  const shapes: string[] = [];
  const lanes: string[][] = Array.from({ length: DEPARTMENTS }, () => []);
  const connect = (id: string, from: string, to: string, condition?: string) =>
    flows.push(
      condition === undefined
        ? `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"/>`
        : `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    );
  let previous = 'Start';
  for (let i = 0; i < TASKS; i++) {
    const task = `Task_${i}`;
    const decides = i % 5 === 4;
    nodes.push(
      `<bpmn:userTask id="${task}" name="Step ${i}" baton:sla="PT${2 + (i % 7)}H" baton:assign="round-robin"${decides ? ' baton:outcomes="done,rework"' : ''}/>`,
    );
    lanes[Math.floor((i * DEPARTMENTS) / TASKS)]!.push(task);
    connect(`Flow_${i}`, previous, task);
    previous = task;
    if (decides) {
      const gateway = `Gateway_${i}`;
      nodes.push(`<bpmn:exclusiveGateway id="${gateway}"/>`);
      connect(`Flow_${i}_g`, task, gateway);
      connect(`Flow_${i}_back`, gateway, `Task_${i - 4}`, 'outcome = &quot;rework&quot;');
      previous = gateway;
      // The next flow out of the gateway carries the other outcome.
      flows.push(`<!--next-${i}-->`);
    }
  }
  nodes.push('<bpmn:endEvent id="End"/>');
  connect('Flow_end', previous, 'End');
  // Give every forward flow out of a gateway its condition.
  const xmlFlows = flows
    .join('\n')
    .replace(
      /<!--next-(\d+)-->\n<bpmn:sequenceFlow id="([^"]+)" sourceRef="(Gateway_\d+)" targetRef="([^"]+)"\/>/g,
      (_m, _i, id, from, to) =>
        `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">outcome = &quot;done&quot;</bpmn:conditionExpression></bpmn:sequenceFlow>`,
    );
  if (withDi) {
    let x = 100;
    for (const node of nodes) {
      const id = /id="([^"]+)"/.exec(node)![1];
      shapes.push(
        `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="100" width="100" height="80"/></bpmndi:BPMNShape>`,
      );
      x += 150;
    }
    for (const match of xmlFlows.matchAll(/sequenceFlow id="([^"]+)"/g)) {
      shapes.push(
        `<bpmndi:BPMNEdge id="${match[1]}_di" bpmnElement="${match[1]}"><di:waypoint x="100" y="140"/><di:waypoint x="250" y="140"/></bpmndi:BPMNEdge>`,
      );
    }
  }
  const laneXml = lanes
    .map(
      (refs, d) =>
        `<bpmn:lane id="Lane_${d}" name="Department ${d}" baton:department="dept-${d}">${refs.map((r) => `<bpmn:flowNodeRef>${r}</bpmn:flowNodeRef>`).join('')}</bpmn:lane>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="Defs" targetNamespace="https://baton.dev/bench">
<bpmn:process id="Bench" isExecutable="true" baton:calendar="berlin" baton:ticketSla="PT400H">
<bpmn:laneSet id="LaneSet">${laneXml}</bpmn:laneSet>
${nodes.join('\n')}
${xmlFlows}
</bpmn:process>
${withDi ? `<bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="Bench">${shapes.join('\n')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>` : ''}
</bpmn:definitions>`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Median times of two jobs, alternated run by run so machine load hits both alike. */
async function measurePair(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  for (let i = 0; i < 3; i++) await Promise.all([a(), b()]);
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < RUNS; i++) {
    for (const [index, job] of [a, b].entries()) {
      const started = performance.now();
      await job();
      times[index]!.push(performance.now() - started);
    }
  }
  return [median(times[0]), median(times[1])];
}

const moddle = BpmnModdle({ baton: moddleExtension });
for (const withDi of [true, false]) {
  const xml = generateFlow(withDi);
  const check = await compileFlow(xml, { calendars: { berlin: calendar } });
  if (!check.ok)
    throw new Error(`benchmark flow does not compile: ${JSON.stringify(check.errors.slice(0, 3))}`);
  const [parse, compile] = await measurePair(
    () => moddle.fromXML(xml),
    () => compileFlow(xml, { calendars: { berlin: calendar } }),
  );
  const nodeCount = Object.keys(check.flow.nodes).length;
  console.log(
    `${withDi ? 'with DI   ' : 'without DI'}: ${TASKS} user tasks, ${nodeCount} nodes, ${(xml.length / 1024).toFixed(0)} KiB | ` +
      `bpmn-moddle fromXML ${parse.toFixed(1)} ms, compileFlow ${compile.toFixed(1)} ms (median of ${RUNS}) | ratio ${(compile / parse).toFixed(2)}x (goal <= 1.5x)`,
  );
}
