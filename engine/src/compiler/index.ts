// BPMN XML -> Flow IR. Total: every input, however broken, comes back as diagnostics.
import {
  FLOW_SCHEMA_VERSION,
  type CompileOptions,
  type CompileResult,
  type Flow,
  type FlowNode,
} from '../types.js';
import { createCalendarRegistry } from './calendars.js';
import { checkConditions } from './conditions.js';
import { createDiagnostics, withoutUndefined, type Diagnostics } from './diagnostics.js';
import { createFeelReader } from './feel-check.js';
import { checkGraph } from './graph.js';
import { readLanes } from './lanes.js';
import { elements, text, type ModdleElement } from './moddle-access.js';
import { parseDefinitions } from './parse.js';
import { readElements } from './read-elements.js';
import { checkRouting } from './routing.js';
import { selectProcess } from './select-process.js';
import { readSla } from './timers.js';
import { readZeebe } from './zeebe.js';

export async function compileFlow(xml: string, options: CompileOptions = {}): Promise<CompileResult> {
  const diagnostics = createDiagnostics();
  let flow: Flow | undefined;
  try {
    const definitions = await parseDefinitions(xml, diagnostics);
    const process = definitions && selectProcess(definitions, diagnostics);
    if (process) flow = buildFlow(process, isObject(options) ? options : {}, diagnostics);
    // Messages live beside the process; their zeebe subscriptions are reported there.
    for (const root of definitions ? elements(definitions, 'rootElements') : [])
      if (root.$type === 'bpmn:Message') readZeebe(root, diagnostics);
  } catch (err) {
    // A bug of ours must not take the caller down: report it like any other problem.
    diagnostics.error(
      'internal-error',
      `the compiler failed unexpectedly (${err instanceof Error ? err.message : String(err)}); please report this flow`,
    );
  }
  const { errors, warnings } = diagnostics;
  return errors.length === 0 && flow ? { ok: true, flow, warnings } : { ok: false, errors, warnings };
}

function buildFlow(process: ModdleElement, options: CompileOptions, diagnostics: Diagnostics): Flow {
  const calendars = createCalendarRegistry(options, diagnostics);
  const processId = String(process.id ?? '');
  readZeebe(process, diagnostics);
  const processCalendar = text(process, 'calendar');
  if (processCalendar !== undefined) calendars.use(processCalendar, processId, 'process baton:calendar');
  const ticketSlaIso = text(process, 'ticketSla');
  const ticketSla =
    ticketSlaIso === undefined
      ? undefined
      : readSla(
          {
            iso: ticketSlaIso,
            elementId: processId,
            attribute: 'baton:ticketSla',
            calendar: processCalendar,
            calendarAttribute: 'process baton:calendar',
          },
          { diagnostics, calendars },
        );

  const feel = createFeelReader(diagnostics);
  const { nodes, flows, order, rejected } = readElements(process, {
    diagnostics,
    options,
    calendars,
    readFeel: feel.read,
    processCalendar,
  });
  const { departments, departmentOf } = readLanes(process, nodes, diagnostics);
  for (const [taskId, department] of departmentOf)
    (nodes[taskId] as FlowNode & { department?: string }).department = department;
  checkRouting(nodes, flows, departments, diagnostics);
  checkConditions(nodes, flows, options, feel.accepted, diagnostics);
  const { starts, flowOrder } = checkGraph(nodes, flows, rejected, diagnostics);

  return withoutUndefined<Flow>({
    schemaVersion: FLOW_SCHEMA_VERSION,
    id: processId,
    name: text(process, 'name'),
    starts,
    nodes,
    flows,
    departments,
    entryTasks: entryTasks(departments, [...flowOrder, ...order], nodes),
    calendar: processCalendar,
    ticketSla,
    calendars: calendars.used,
  });
}

/** First user task of each department in flow order (unreached tasks count in document order). */
function entryTasks(
  departments: string[],
  ids: string[],
  nodes: Record<string, FlowNode>,
): Record<string, string> {
  const entries: Record<string, string> = {};
  let missing = departments.length;
  for (const id of ids) {
    if (missing === 0) break;
    const node = nodes[id]!;
    if (node.kind !== 'userTask' || node.department === undefined || node.department in entries) continue;
    entries[node.department] = id;
    missing--;
  }
  return entries;
}

const isObject = (value: unknown): value is CompileOptions => typeof value === 'object' && value !== null;
