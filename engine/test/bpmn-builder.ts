// Builds BPMN XML from a compact description so compiler tests read like the diagram they draw.
// Attribute keys are baton attributes unless listed in BPMN_ATTRIBUTES. No DI: the compiler
// ignores it.

export type Attrs = Record<string, string | number | boolean | undefined>;

const BPMN_ATTRIBUTES = new Set([
  'name',
  'default',
  'cancelActivity',
  'attachedToRef',
  'isExecutable',
  'triggeredByEvent',
  'instantiate',
  'sourceRef',
  'targetRef',
]);

const escape = (value: string): string =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function attributes(attrs: Attrs): string {
  return Object.entries(attrs)
    .filter(([, value]) => value !== undefined)
    .map(
      ([key, value]) =>
        ` ${BPMN_ATTRIBUTES.has(key) || key.includes(':') ? key : `baton:${key}`}="${escape(String(value))}"`,
    )
    .join('');
}

export const el = (
  type: string,
  id: string | undefined,
  attrs: Attrs = {},
  children: string[] = [],
): string => {
  const open = `bpmn:${type}${id === undefined ? '' : ` id="${id}"`}${attributes(attrs)}`;
  return children.length === 0 ? `<${open}/>` : `<${open}>${children.join('')}</bpmn:${type}>`;
};

export const start = (id: string, attrs: Attrs = {}) => el('startEvent', id, attrs);
export const messageStart = (id: string, messageId: string) =>
  el('startEvent', id, {}, [`<bpmn:messageEventDefinition messageRef="${messageId}"/>`]);
export const end = (id: string) => el('endEvent', id);
export const terminateEnd = (id: string) => el('endEvent', id, {}, ['<bpmn:terminateEventDefinition/>']);
export const userTask = (id: string, attrs: Attrs = {}) => el('userTask', id, { name: `Do ${id}`, ...attrs });
export const serviceTask = (id: string, attrs: Attrs = {}, inputs: Record<string, string> = {}) =>
  el(
    'serviceTask',
    id,
    { name: `Run ${id}`, ...attrs },
    Object.keys(inputs).length === 0
      ? []
      : [
          `<bpmn:extensionElements>${Object.entries(inputs)
            .map(([n, v]) => `<baton:input name="${escape(n)}" value="${escape(v)}"/>`)
            .join('')}</bpmn:extensionElements>`,
        ],
  );
export const sendTask = (id: string, attrs: Attrs = {}) =>
  el('sendTask', id, { name: `Notify ${id}`, ...attrs });
export const xor = (id: string, attrs: Attrs = {}) => el('exclusiveGateway', id, attrs);
export const and = (id: string) => el('parallelGateway', id);
export const eventGateway = (id: string) => el('eventBasedGateway', id);

export type Timer = { duration?: string; date?: string; cycle?: string };
const timerDefinition = (timer: Timer): string => {
  const parts = [
    timer.duration !== undefined ? `<bpmn:timeDuration>${escape(timer.duration)}</bpmn:timeDuration>` : '',
    timer.date !== undefined ? `<bpmn:timeDate>${escape(timer.date)}</bpmn:timeDate>` : '',
    timer.cycle !== undefined ? `<bpmn:timeCycle>${escape(timer.cycle)}</bpmn:timeCycle>` : '',
  ];
  return `<bpmn:timerEventDefinition>${parts.join('')}</bpmn:timerEventDefinition>`;
};
export const timerCatch = (id: string, timer: Timer, attrs: Attrs = {}) =>
  el('intermediateCatchEvent', id, attrs, [timerDefinition(timer)]);
export const messageCatch = (id: string, messageId: string) =>
  el('intermediateCatchEvent', id, {}, [`<bpmn:messageEventDefinition messageRef="${messageId}"/>`]);
export const boundaryTimer = (id: string, host: string, timer: Timer, attrs: Attrs = {}) =>
  el('boundaryEvent', id, { attachedToRef: host, ...attrs }, [timerDefinition(timer)]);
export const subProcess = (id: string, ...children: string[]) =>
  el('subProcess', id, { name: `Sub ${id}` }, children);

export const flow = (source: string, target: string, condition?: string, id = `${source}_${target}`) =>
  el(
    'sequenceFlow',
    id,
    { sourceRef: source, targetRef: target },
    condition === undefined
      ? []
      : [`<bpmn:conditionExpression>${escape(condition)}</bpmn:conditionExpression>`],
  );
/** Sequence flows along a path: chain('S', 'T', 'E') = S->T, T->E. */
export const chain = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((id, index) => flow(ids[index]!, id))
    .join('');

export type Lane = { id?: string; department?: string; nodes: string[]; lanes?: Lane[] };

function laneSet(lanes: Lane[], child = false): string {
  const tag = child ? 'childLaneSet' : 'laneSet';
  const body = lanes
    .map((lane, index) =>
      el('lane', lane.id ?? `Lane_${lane.department ?? index}`, { department: lane.department }, [
        ...lane.nodes.map((node) => `<bpmn:flowNodeRef>${node}</bpmn:flowNodeRef>`),
        ...(lane.lanes ? [laneSet(lane.lanes, true)] : []),
      ]),
    )
    .join('');
  return `<bpmn:${tag}>${body}</bpmn:${tag}>`;
}

export type ProcessOptions = { id?: string; attrs?: Attrs; lanes?: Lane[] };

export const process = (children: string[], options: ProcessOptions = {}): string =>
  el('process', options.id ?? 'Process_1', { isExecutable: true, ...options.attrs }, [
    ...(options.lanes ? [laneSet(options.lanes)] : []),
    ...children,
  ]);

/** A complete document; `rootExtras` go beside the process (messages, collaborations...). */
export const definitions = (processes: string | string[], rootExtras: string[] = []): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="Definitions_1" targetNamespace="https://baton.dev/test">${rootExtras.join('')}${[processes].flat().join('')}</bpmn:definitions>`;

/** The usual shape: definitions + one process. */
export const bpmn = (children: string[], options: ProcessOptions = {}, rootExtras: string[] = []): string =>
  definitions(process(children, options), rootExtras);

export const message = (id: string, name: string) => `<bpmn:message id="${id}" name="${escape(name)}"/>`;
