// Translates the selected process's moddle elements into Flow IR nodes and sequence flows,
// checking each element's own attributes. Cross-element checks live in lanes.ts, routing.ts
// and graph.ts.
import type {
  AssignStrategy,
  BoundaryEventNode,
  CatchEventNode,
  CompileOptions,
  EndEventNode,
  EventBasedGatewayNode,
  ExclusiveGatewayNode,
  FlowNode,
  ParallelGatewayNode,
  SendTaskNode,
  SequenceFlow,
  ServiceTaskNode,
  StartEventNode,
  SubProcessNode,
  UserTaskNode,
} from '../types.js';
import type { CalendarRegistry } from './calendars.js';
import { withoutUndefined, type Diagnostics } from './diagnostics.js';
import type { FeelReader } from './feel-check.js';
import { describe, element, elements, idOf, prop, text, type ModdleElement } from './moddle-access.js';
import { readPositiveDuration, readSla, readTimer } from './timers.js';
import { readZeebe, type ZeebeExtensions } from './zeebe.js';

export const DEFAULT_RETRIES = 3;
export const DEFAULT_TIMEOUT = 'PT1M';
const ASSIGN_STRATEGIES: readonly AssignStrategy[] = [
  'round-robin',
  'least-loaded',
  'previous-handler',
  'none',
];
const RECIPIENT = /^(assignee|lead|manager|customer|(group|lead|user|role):[\w.-]+)$/;
/** Present in many files but never executed: skipped without a word. */
const IGNORED = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

export type ReadContext = {
  diagnostics: Diagnostics;
  options: CompileOptions;
  calendars: CalendarRegistry;
  readFeel: FeelReader;
  /** Process `baton:calendar`, the default for user-task SLAs. */
  processCalendar?: string;
};

/** A sequence flow as drawn, before its ends are checked. */
type DrawnFlow = { el: ModdleElement; scope?: string };

/**
 * Elements refused (and reported) as unsupported, kept as opaque graph nodes so that the graph
 * checks report the real problem once instead of every node behind it as unreachable.
 */
export type Rejected = {
  elements: Map<string, { scope?: string; start: boolean; end: boolean }>;
  /** [source, target] of sequence flows and boundary attachments touching a rejected element. */
  edges: [string, string][];
};

export type ReadResult = {
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
  /** Node ids in document order. */
  order: string[];
  rejected: Rejected;
};

export function readElements(process: ModdleElement, ctx: ReadContext): ReadResult {
  const nodes: Record<string, FlowNode> = {};
  const order: string[] = [];
  const drawnFlows: DrawnFlow[] = [];
  const boundaries: { node: BoundaryEventNode; hostId: string | undefined }[] = [];
  const rejected: Rejected = { elements: new Map(), edges: [] };

  const readContainer = (container: ModdleElement, scope: string | undefined): void => {
    for (const el of elements(container, 'flowElements')) {
      if (el.$type === 'bpmn:SequenceFlow') drawnFlows.push({ el, scope });
      else if (!IGNORED.has(el.$type)) {
        const node = readNode(el, scope, ctx);
        if (!node) {
          if (typeof el.id === 'string')
            rejected.elements.set(el.id, {
              scope,
              start: el.$type === 'bpmn:StartEvent',
              end: el.$type === 'bpmn:EndEvent',
            });
          const host = el.$type === 'bpmn:BoundaryEvent' ? element(el, 'attachedToRef')?.id : undefined;
          if (host !== undefined && typeof el.id === 'string') rejected.edges.push([host, el.id]);
          continue;
        }
        if (node.id in nodes) {
          ctx.diagnostics.error(
            'duplicate-id',
            `two elements have the id '${node.id}'; give each element its own id`,
            node.id,
          );
          continue;
        }
        nodes[node.id] = node;
        order.push(node.id);
        if (node.kind === 'boundaryEvent')
          boundaries.push({ node, hostId: element(el, 'attachedToRef')?.id });
        if (node.kind === 'subProcess') {
          readContainer(el, node.id);
          node.start = subProcessStart(el, nodes, ctx.diagnostics);
        }
      }
    }
  };
  readContainer(process, undefined);

  attachBoundaries(boundaries, nodes, rejected, ctx.diagnostics);
  const flows = connect(drawnFlows, nodes, rejected, ctx);
  return { nodes, flows, order, rejected };
}

function readNode(el: ModdleElement, scope: string | undefined, ctx: ReadContext): FlowNode | undefined {
  if (typeof el.id !== 'string' || el.id === '') {
    ctx.diagnostics.error('missing-id', `a ${el.$type} has no id; give every element an id`);
    return undefined;
  }
  if (prop(el, 'isForCompensation') === true) {
    return unsupported(
      el,
      ctx,
      `${describe(el)} is a compensation handler, which Baton does not run; model the undo step as a normal task on the path that needs it`,
    );
  }
  if (element(el, 'loopCharacteristics')) {
    return unsupported(
      el,
      ctx,
      `${describe(el)} repeats (multi-instance or loop marker), which Baton does not run; remove the marker and model the repetition with a gateway loop`,
    );
  }
  const base = {
    id: el.id,
    name: text(el, 'name'),
    scope,
    incoming: [] as string[],
    outgoing: [] as string[],
  };
  const zeebe = readZeebe(el, ctx.diagnostics);
  const definitions = elements(el, 'eventDefinitions');
  const definition = definitions.length === 1 ? definitions[0] : undefined;
  const onlyDefinition = (type: string) => definitions.length === 1 && definition!.$type === type;
  switch (el.$type) {
    case 'bpmn:StartEvent':
      if (definitions.length === 0) return nodeOf<StartEventNode>(base, { kind: 'startEvent' });
      if (onlyDefinition('bpmn:MessageEventDefinition') && scope === undefined) {
        return nodeOf<StartEventNode>(base, {
          kind: 'startEvent',
          message: messageName(el, definition!, ctx),
        });
      }
      return unsupportedEvent(el, definitions, ctx);
    case 'bpmn:EndEvent':
      if (definitions.length === 0) return nodeOf<EndEventNode>(base, { kind: 'endEvent', terminate: false });
      if (onlyDefinition('bpmn:TerminateEventDefinition'))
        return nodeOf<EndEventNode>(base, { kind: 'endEvent', terminate: true });
      return unsupportedEvent(el, definitions, ctx);
    case 'bpmn:UserTask':
      return readUserTask(el, base, zeebe, ctx);
    case 'bpmn:ServiceTask':
      return readServiceTask(el, base, zeebe, ctx);
    case 'bpmn:SendTask':
      return readSendTask(el, base, ctx);
    case 'bpmn:ExclusiveGateway':
      return nodeOf<ExclusiveGatewayNode>(base, {
        kind: 'exclusiveGateway',
        defaultFlow: element(el, 'default')?.id,
      });
    case 'bpmn:ParallelGateway':
      return nodeOf<ParallelGatewayNode>(base, { kind: 'parallelGateway' });
    case 'bpmn:EventBasedGateway':
      if (prop(el, 'instantiate') === true) {
        return unsupported(
          el,
          ctx,
          `${describe(el)} instantiates the process, which Baton does not support; start with a start event`,
        );
      }
      return nodeOf<EventBasedGatewayNode>(base, { kind: 'eventBasedGateway' });
    case 'bpmn:IntermediateCatchEvent':
      return readCatchEvent(el, base, definitions, ctx);
    case 'bpmn:BoundaryEvent': {
      if (!onlyDefinition('bpmn:TimerEventDefinition')) return unsupportedEvent(el, definitions, ctx);
      const cancelActivity = prop(el, 'cancelActivity') !== false;
      const timer = readTimer(el, definition!, text(el, 'calendar'), ctx);
      if (timer?.kind === 'cycle' && cancelActivity) {
        ctx.diagnostics.error(
          'interrupting-cycle',
          `boundary timer '${el.id}' repeats (${timer.iso}) but interrupts its task, so it can fire only once; make it non-interrupting or use a timeDuration`,
          el.id,
        );
      }
      // The host is resolved once every node is read; a placeholder timer keeps the shape.
      return nodeOf<BoundaryEventNode>(base, {
        kind: 'boundaryEvent',
        attachedTo: '',
        cancelActivity,
        timer: timer ?? { kind: 'duration', iso: '', ms: 0 },
      });
    }
    case 'bpmn:SubProcess':
      if (prop(el, 'triggeredByEvent') === true) {
        return unsupported(
          el,
          ctx,
          `event sub-process '${el.id}' is not supported; use a boundary timer or an event-based gateway instead`,
        );
      }
      return nodeOf<SubProcessNode>(base, { kind: 'subProcess', start: '' });
    default:
      return unsupported(el, ctx);
  }
}

const SUPPORTED =
  'Baton runs start/end events, user, service and send tasks, exclusive, parallel and event-based gateways, timer and message catch events, boundary timers and embedded sub-processes';

function unsupported(el: ModdleElement, ctx: ReadContext, message?: string): undefined {
  ctx.diagnostics.error(
    'unsupported-element',
    message ?? `unsupported element ${describe(el)}; ${SUPPORTED}: replace or remove it`,
    idOf(el),
  );
  return undefined;
}

function unsupportedEvent(el: ModdleElement, definitions: ModdleElement[], ctx: ReadContext): undefined {
  const kinds =
    definitions.length === 0 ? 'no event definition' : definitions.map((d) => d.$type).join(' + ');
  return unsupported(
    el,
    ctx,
    `unsupported element ${describe(el)} with ${kinds}; ${SUPPORTED}: replace or remove it`,
  );
}

function messageName(el: ModdleElement, definition: ModdleElement, ctx: ReadContext): string | undefined {
  const message = element(definition, 'messageRef');
  const name = text(message, 'name') ?? (message ? idOf(message) : undefined);
  if (name === undefined) {
    ctx.diagnostics.error(
      'missing-message',
      `message event '${idOf(el)}' names no message; pick or create the message it waits for`,
      idOf(el),
    );
  }
  return name;
}

type Base = { id: string; name?: string; scope?: string; incoming: string[]; outgoing: string[] };

/**
 * A node of one kind: the base fields, then the kind's own, leaving out undefined values. Copied
 * key by key because an object spread of `base` here cost a 1,000-task flow about a sixth of its
 * compile time (engine/bench/compile.ts).
 */
function nodeOf<T extends FlowNode>(base: Base, fields: Omit<T, keyof Base> & Partial<Pick<T, 'name'>>): T {
  const node: Record<string, unknown> = {};
  for (const key in base) {
    const value = base[key as keyof Base];
    if (value !== undefined) node[key] = value;
  }
  for (const key in fields) {
    const value = (fields as Record<string, unknown>)[key];
    if (value !== undefined) node[key] = value;
  }
  return node as T;
}

function readUserTask(el: ModdleElement, base: Base, zeebe: ZeebeExtensions, ctx: ReadContext): UserTaskNode {
  const { diagnostics } = ctx;
  if (base.name === undefined) {
    diagnostics.warn(
      'missing-name',
      `user task '${base.id}' has no name; agents see its id instead, so name it after the work`,
      base.id,
    );
  }
  const taskCalendar = text(el, 'calendar');
  const calendarKey = taskCalendar ?? ctx.processCalendar;
  const calendarAttribute = taskCalendar ? 'baton:calendar' : 'process baton:calendar';
  const slaIso = text(el, 'sla');
  let sla;
  if (slaIso !== undefined) {
    sla = readSla(
      {
        iso: slaIso,
        elementId: base.id,
        attribute: 'baton:sla',
        calendar: calendarKey,
        calendarAttribute,
        warnAt: prop(el, 'warnAt'),
        severeAt: prop(el, 'severeAt'),
      },
      ctx,
    );
  } else {
    if (taskCalendar !== undefined) ctx.calendars.use(taskCalendar, base.id, 'baton:calendar');
    if (ctx.processCalendar !== undefined) {
      diagnostics.warn(
        'missing-sla',
        `user task '${base.id}' has no baton:sla although the flow has a business calendar; give it a target such as PT4H`,
        base.id,
      );
    }
    if (prop(el, 'warnAt') != null || prop(el, 'severeAt') != null) {
      diagnostics.warn(
        'sla-levels-ignored',
        `baton:warnAt/baton:severeAt of '${base.id}' have no effect without baton:sla`,
        base.id,
      );
    }
  }
  const assignText = text(el, 'assign') ?? 'none';
  const assign = ASSIGN_STRATEGIES.find((strategy) => strategy === assignText);
  if (!assign) {
    diagnostics.error(
      'invalid-assign',
      `baton:assign '${assignText}' of '${base.id}' is not one of ${ASSIGN_STRATEGIES.join(', ')}`,
      base.id,
    );
  }
  const transferText = text(el, 'transferTo');
  return nodeOf<UserTaskNode>(base, {
    kind: 'userTask',
    name: base.name ?? base.id,
    // Camunda 8's candidate group; readLanes keeps it only where no lane names a department.
    department: zeebe.candidateGroup,
    sla,
    assign: assign ?? 'none',
    outcomes: readOutcomes(el, base.id, diagnostics),
    transferTo: transferText === '*' ? '*' : splitList(transferText),
    returnable: prop(el, 'returnable') === true,
    boundaries: [],
  });
}

function readOutcomes(el: ModdleElement, id: string, diagnostics: Diagnostics): string[] {
  const written = splitList(text(el, 'outcomes'));
  const unique = [...new Set(written)];
  if (unique.length !== written.length) {
    diagnostics.warn(
      'duplicate-outcome',
      `baton:outcomes of '${id}' lists an outcome twice; each button appears once`,
      id,
    );
  }
  return unique;
}

const splitList = (list: string | undefined): string[] =>
  list === undefined
    ? []
    : list
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');

function readServiceTask(
  el: ModdleElement,
  base: Base,
  zeebe: ZeebeExtensions,
  ctx: ReadContext,
): ServiceTaskNode {
  const { diagnostics, options } = ctx;
  const batonActivity = text(el, 'activity');
  if (batonActivity !== undefined && zeebe.taskType !== undefined && zeebe.taskType !== batonActivity) {
    diagnostics.warn(
      'zeebe-task-type-ignored',
      `service task '${base.id}' runs baton:activity '${batonActivity}', not its zeebe:taskDefinition type '${zeebe.taskType}'; remove one of them`,
      base.id,
    );
  }
  const activity = batonActivity ?? zeebe.taskType;
  if (activity === undefined) {
    diagnostics.error(
      'missing-activity',
      `service task '${base.id}' has no baton:activity (or zeebe:taskDefinition type); choose the activity type it runs`,
      base.id,
    );
  } else if (Array.isArray(options.activities) && !options.activities.includes(activity)) {
    const known = options.activities.slice(0, 20).join(', ');
    diagnostics.error(
      'unknown-activity',
      `service task '${base.id}' runs activity type '${activity}', which is not registered (${known ? `known: ${known}` : 'none are registered'}); pick a registered type or deploy the activity first`,
      base.id,
    );
  }
  const inputs = elements(element(el, 'extensionElements'), 'values')
    .filter((value) => value.$type === 'baton:Input')
    .flatMap((input) => {
      const name = text(input, 'name');
      const written = text(input, 'value');
      const expression =
        name === undefined || written === undefined
          ? undefined
          : ctx.readFeel(written, base.id, `baton:input '${name}'`);
      if (name === undefined || expression === undefined) {
        diagnostics.error(
          'invalid-input',
          `a baton:input of '${base.id}' lacks a name or a value; give both, e.g. name="email" value="customer.email"`,
          base.id,
        );
        return [];
      }
      return [{ name, expression }];
    });
  for (const { name, written } of zeebe.inputs) {
    const expression = ctx.readFeel(written, base.id, `zeebe:input '${name}'`);
    if (expression === undefined) {
      diagnostics.error(
        'invalid-input',
        `zeebe:input '${name}' of '${base.id}' has an empty expression (=); write one, e.g. =customer.email`,
        base.id,
      );
    } else inputs.push({ name, expression });
  }
  const retries = prop(el, 'retries') ?? zeebe.retries ?? DEFAULT_RETRIES;
  if (typeof retries !== 'number' || !Number.isInteger(retries) || retries < 0) {
    diagnostics.error(
      'invalid-retries',
      `baton:retries of '${base.id}' must be a whole number of retries (0 or more)`,
      base.id,
    );
  }
  const timeout = readPositiveDuration(
    text(el, 'timeout') ?? DEFAULT_TIMEOUT,
    base.id,
    'baton:timeout',
    diagnostics,
  );
  return nodeOf<ServiceTaskNode>(base, {
    kind: 'serviceTask',
    activity: activity ?? '',
    inputs,
    retries:
      typeof retries === 'number' && Number.isInteger(retries) && retries >= 0 ? retries : DEFAULT_RETRIES,
    timeoutMs: timeout?.ms ?? 0,
    boundaries: [],
  });
}

function readSendTask(el: ModdleElement, base: Base, ctx: ReadContext): SendTaskNode {
  const notify = splitList(text(el, 'notify'));
  if (notify.length === 0) {
    ctx.diagnostics.error(
      'missing-recipients',
      `send task '${base.id}' notifies nobody; set baton:notify, e.g. assignee,lead`,
      base.id,
    );
  }
  for (const recipient of notify.filter((r) => !RECIPIENT.test(r))) {
    ctx.diagnostics.error(
      'invalid-recipient',
      `baton:notify of '${base.id}' names '${recipient}'; use assignee, lead, manager, customer or group:<department>`,
      base.id,
    );
  }
  const template = text(el, 'template');
  if (template === undefined) {
    ctx.diagnostics.error(
      'missing-template',
      `send task '${base.id}' has no baton:template; choose the notification template to send`,
      base.id,
    );
  }
  return nodeOf<SendTaskNode>(base, { kind: 'sendTask', notify, template: template ?? '' });
}

function readCatchEvent(
  el: ModdleElement,
  base: Base,
  definitions: ModdleElement[],
  ctx: ReadContext,
): CatchEventNode | undefined {
  const definition = definitions[0];
  if (definitions.length === 1 && definition!.$type === 'bpmn:TimerEventDefinition') {
    const timer = readTimer(el, definition!, text(el, 'calendar'), ctx);
    if (timer?.kind === 'cycle') {
      ctx.diagnostics.error(
        'invalid-cycle',
        `timer '${base.id}' waits once, so a cycle (${timer.iso}) makes no sense; use a timeDuration such as PT1H`,
        base.id,
      );
    }
    return nodeOf<CatchEventNode>(base, { kind: 'intermediateCatchEvent', timer });
  }
  if (definitions.length === 1 && definition!.$type === 'bpmn:MessageEventDefinition') {
    return nodeOf<CatchEventNode>(base, {
      kind: 'intermediateCatchEvent',
      message: messageName(el, definition!, ctx),
    });
  }
  return unsupportedEvent(el, definitions, ctx);
}

/** A sub-process's `start`: its single none start event ('' when it has none it can use). */
function subProcessStart(
  el: ModdleElement,
  nodes: Record<string, FlowNode>,
  diagnostics: Diagnostics,
): string {
  const starts = elements(el, 'flowElements').filter((child) => child.$type === 'bpmn:StartEvent');
  if (starts.length !== 1) {
    diagnostics.error(
      'subprocess-start',
      `sub-process '${idOf(el)}' has ${starts.length} start events; give it exactly one none start event`,
      idOf(el),
    );
  }
  // An unsupported start event was reported with the element itself.
  const start = starts[0] && nodes[idOf(starts[0])];
  return starts.length === 1 && start ? start.id : '';
}

const BOUNDARY_HOSTS = new Set(['userTask', 'serviceTask']);

function attachBoundaries(
  boundaries: { node: BoundaryEventNode; hostId: string | undefined }[],
  nodes: Record<string, FlowNode>,
  rejected: Rejected,
  diagnostics: Diagnostics,
): void {
  for (const { node, hostId } of boundaries) {
    if (hostId !== undefined && rejected.elements.has(hostId)) {
      rejected.edges.push([hostId, node.id]);
      continue;
    }
    const host = hostId === undefined ? undefined : nodes[hostId];
    if (!host || !BOUNDARY_HOSTS.has(host.kind)) {
      diagnostics.error(
        'invalid-boundary-host',
        `boundary timer '${node.id}' is attached to ${host ? `${host.kind} '${host.id}'` : hostId ? `'${hostId}', which is not part of the flow` : 'nothing'}; attach it to a user or service task`,
        node.id,
      );
      // Keep the attachment for the graph checks, so the timer's path is not reported again.
      if (host) rejected.edges.push([host.id, node.id]);
      continue;
    }
    node.attachedTo = host.id;
    (host as UserTaskNode | ServiceTaskNode).boundaries.push(node.id);
  }
}

/** Resolves sequence flows to their nodes and fills every node's incoming/outgoing lists. */
function connect(
  drawn: DrawnFlow[],
  nodes: Record<string, FlowNode>,
  rejected: Rejected,
  ctx: ReadContext,
): Record<string, SequenceFlow> {
  const flows: Record<string, SequenceFlow> = {};
  for (const { el } of drawn) {
    const id = idOf(el);
    const sourceId = element(el, 'sourceRef')?.id;
    const targetId = element(el, 'targetRef')?.id;
    if (sourceId === undefined || targetId === undefined) {
      ctx.diagnostics.error(
        'invalid-sequence-flow',
        `sequence flow '${id}' lacks a ${sourceId === undefined ? 'source' : 'target'}; reconnect both ends`,
        id,
      );
      continue;
    }
    const source = nodes[sourceId];
    const target = nodes[targetId];
    if (!source || !target) {
      // An end on an unsupported element was reported with that element.
      const known = (nodeId: string) => nodeId in nodes || rejected.elements.has(nodeId);
      if (known(sourceId) && known(targetId)) rejected.edges.push([sourceId, targetId]);
      continue;
    }
    if (id in flows || id in nodes) {
      ctx.diagnostics.error(
        'duplicate-id',
        `two elements have the id '${id}'; give each element its own id`,
        id,
      );
      continue;
    }
    if (source.scope !== target.scope) {
      ctx.diagnostics.error(
        'flow-crosses-scope',
        `sequence flow '${id}' connects '${sourceId}' and '${targetId}' across a sub-process border; connect to the sub-process itself instead`,
        id,
      );
      continue;
    }
    readZeebe(el, ctx.diagnostics);
    const condition = readCondition(el, id, ctx);
    flows[id] = withoutUndefined({
      id,
      name: text(el, 'name'),
      source: sourceId,
      target: targetId,
      condition,
    });
    source.outgoing.push(id);
    target.incoming.push(id);
  }
  return flows;
}

const FEEL_LANGUAGES = /^(feel|https?:\/\/www\.omg\.org\/spec\/dmn\/20\d{4}\/feel\/?)$/i;

function readCondition(el: ModdleElement, id: string, ctx: ReadContext): string | undefined {
  const expression = element(el, 'conditionExpression');
  if (!expression) return undefined;
  // A plain bpmn:Expression has no language property; moddle keeps the attribute in $attrs.
  const language = text(expression, 'language') ?? (expression.$attrs?.language?.trim() || undefined);
  const body = text(expression, 'body');
  if (language !== undefined && !FEEL_LANGUAGES.test(language)) {
    ctx.diagnostics.error(
      'unsupported-expression-language',
      `condition of '${id}' is written in '${language}'; Baton conditions are FEEL (e.g. outcome = "approve"), remove the language attribute and rewrite it`,
      id,
    );
    return body;
  }
  // Kept even when invalid: the error blocks the flow, and routing checks need not repeat it.
  const condition = body === undefined ? undefined : ctx.readFeel(body, id, 'condition');
  if (condition === undefined) {
    ctx.diagnostics.error(
      'empty-condition',
      `sequence flow '${id}' has an empty condition; write one in FEEL or remove it`,
      id,
    );
  }
  return condition;
}
