// Preact components of the Baton properties panel. Each wraps a library entry around the pure
// helpers in ../batonAttributes.ts and writes through bpmn-js commands, so undo/redo covers them.
import { h } from '@bpmn-io/properties-panel/preact';
import { CheckboxEntry, SelectEntry, TextFieldEntry } from '@bpmn-io/properties-panel';
import { useService } from 'bpmn-js-properties-panel';
import type { BpmnFactory, CommandStack, DiagramElement, ModdleElement, Modeling } from '../bpmnTypes.js';
import {
  batonUpdate,
  processOf,
  readBaton,
  readCondition,
  readTimer,
  timerDefinitionOf,
  TIMER_KINDS,
  type BatonAttribute,
  type TimerKind,
} from '../batonAttributes.js';
import {
  BATON_INPUT_TYPE,
  describeField,
  inputElementsOf,
  inputValueError,
  planInputChange,
  readInputs,
  type InputField,
} from '../activityInputs.js';
import { optionsWithCurrent, type Option } from './catalog.js';

type Debounce = (fn: (...args: unknown[]) => void) => (...args: unknown[]) => void;
type Validate = (value: string) => string | null | undefined;

// The library's text fields can report `undefined` (e.g. a debounced input flushed while the entry
// re-renders for a changed element): treat it as empty text everywhere.
const text = (value: string | undefined): string => value ?? '';
const textValidate = (validate?: Validate) =>
  validate ? (value: string | undefined) => validate(text(value)) : undefined;

type AttrProps = {
  element: DiagramElement;
  id: string;
  attr: BatonAttribute;
  label: string;
  description?: string;
  /** Process attributes: written on the process also when its participant is selected. */
  onProcess?: boolean;
};

function useAttr(props: AttrProps) {
  const modeling = useService<Modeling>('modeling');
  const { element, attr } = props;
  const target = () => (props.onProcess ? processOf(element.businessObject) : element.businessObject);
  return {
    get: () => readBaton(target(), attr),
    set: (value: string | boolean) => {
      const t = target();
      if (t === element.businessObject) modeling.updateProperties(element, batonUpdate(attr, value));
      else modeling.updateModdleProperties(element, t, batonUpdate(attr, value));
    },
  };
}

export function BatonTextEntry(props: AttrProps & { validate?: Validate; placeholder?: string }) {
  const debounce = useService<Debounce>('debounceInput');
  const attr = useAttr(props);
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: props.label,
    description: props.description,
    placeholder: props.placeholder,
    debounce,
    validate: textValidate(props.validate),
    getValue: attr.get,
    setValue: (value: string | undefined) => attr.set(text(value)),
  });
}

export function BatonSelectEntry(
  props: AttrProps & { options: () => Option[]; emptyLabel: string; validate?: Validate },
) {
  const attr = useAttr(props);
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: props.label,
    description: props.description,
    validate: props.validate,
    getValue: attr.get,
    setValue: (value: string) => attr.set(value),
    getOptions: () => optionsWithCurrent(props.options(), attr.get(), props.emptyLabel),
  });
}

export function BatonCheckboxEntry(props: AttrProps) {
  const attr = useAttr(props);
  return h(CheckboxEntry, {
    id: props.id,
    element: props.element,
    label: props.label,
    description: props.description,
    getValue: () => attr.get() === 'true',
    setValue: (value: boolean) => attr.set(value),
  });
}

/** A lane's department; naming an unnamed lane after the department saves a step. */
export function LaneDepartmentEntry(props: { element: DiagramElement; id: string; options: () => Option[] }) {
  const modeling = useService<Modeling>('modeling');
  const bo = props.element.businessObject;
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: 'Department',
    description: 'Tasks in this lane belong to this department’s queue.',
    getValue: () => readBaton(bo, 'department'),
    setValue: (key: string) => {
      const option = props.options().find((o) => o.value === key);
      const name = !bo.name && option ? option.label.replace(/ \([^)]*\)$/, '') : bo.name;
      modeling.updateProperties(props.element, { ...batonUpdate('department', key), name });
    },
    getOptions: () =>
      optionsWithCurrent(props.options(), readBaton(bo, 'department'), '(choose a department)'),
  });
}

export function TimerKindEntry(props: { element: DiagramElement; id: string }) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const timer = () => timerDefinitionOf(props.element.businessObject);
  return h(SelectEntry, {
    id: props.id,
    element: props.element,
    label: 'Timer type',
    getValue: () => {
      const t = timer();
      return t ? readTimer(t).kind : 'timeDuration';
    },
    setValue: (kind: string) => {
      const t = timer();
      if (!t) return;
      const { value } = readTimer(t);
      const cleared = Object.fromEntries(TIMER_KINDS.map((k) => [k, undefined]));
      modeling.updateModdleProperties(props.element, t, {
        ...cleared,
        [kind]: bpmnFactory.create('bpmn:FormalExpression', { body: value }),
      });
    },
    getOptions: () => [
      { value: 'timeDuration', label: 'Duration (e.g. PT4H)' },
      { value: 'timeDate', label: 'Date (ISO date-time)' },
      { value: 'timeCycle', label: 'Cycle (e.g. R3/PT1H)' },
    ],
  });
}

export function TimerValueEntry(props: {
  element: DiagramElement;
  id: string;
  validate: (kind: TimerKind, value: string) => string | undefined;
}) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const debounce = useService<Debounce>('debounceInput');
  const timer = () => timerDefinitionOf(props.element.businessObject);
  const kind = () => {
    const t = timer();
    return t ? readTimer(t).kind : 'timeDuration';
  };
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: 'Timer value',
    description: 'Counted in business time when a calendar is set below.',
    debounce,
    validate: (value: string | undefined) => props.validate(kind(), text(value)),
    getValue: () => {
      const t = timer();
      return t ? readTimer(t).value : '';
    },
    setValue: (value: string | undefined) => {
      const t = timer();
      if (!t) return;
      const k = kind();
      const body = text(value).trim();
      const expr = t.get(k) as ModdleElement | undefined;
      if (expr) modeling.updateModdleProperties(props.element, expr, { body });
      else
        modeling.updateModdleProperties(props.element, t, {
          [k]: bpmnFactory.create('bpmn:FormalExpression', { body }),
        });
    },
  });
}

export function ConditionEntry(props: { element: DiagramElement; id: string; validate: Validate }) {
  const modeling = useService<Modeling>('modeling');
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const debounce = useService<Debounce>('debounceInput');
  const bo = props.element.businessObject;
  return h(TextFieldEntry, {
    id: props.id,
    element: props.element,
    label: 'Condition (FEEL)',
    description: 'e.g. outcome = "approved" or priority = "urgent". Empty = always taken.',
    debounce,
    validate: textValidate(props.validate),
    getValue: () => readCondition(bo),
    setValue: (value: string | undefined) => {
      const body = text(value).trim();
      const current = bo.get('conditionExpression') as ModdleElement | undefined;
      if (!body) modeling.updateProperties(props.element, { conditionExpression: undefined });
      else if (current) modeling.updateModdleProperties(props.element, current, { body });
      else
        modeling.updateProperties(props.element, {
          conditionExpression: bpmnFactory.create('bpmn:FormalExpression', { body }),
        });
    },
  });
}

type Command = { cmd: string; context: Record<string, unknown> };

/** One activity input as a FEEL text field; writing creates, updates or removes its baton:input. */
export function ActivityInputEntry(props: { element: DiagramElement; id: string; field: InputField }) {
  const bpmnFactory = useService<BpmnFactory>('bpmnFactory');
  const commandStack = useService<CommandStack>('commandStack');
  const debounce = useService<Debounce>('debounceInput');
  const { element, field } = props;
  const bo = element.businessObject;
  return h(TextFieldEntry, {
    id: props.id,
    element,
    label: field.label + (field.required ? ' *' : ''),
    description: describeField(field),
    debounce,
    validate: (value: string | undefined) => inputValueError(field, text(value)),
    getValue: () => readInputs(bo).find((i) => i.name === field.name)?.value ?? '',
    setValue: (value: string | undefined) => {
      const change = planInputChange(readInputs(bo), field.name, text(value));
      if (change.kind === 'none') return;
      const commands: Command[] = [];
      let ext = bo.get('extensionElements') as ModdleElement | undefined;
      if (!ext) {
        ext = bpmnFactory.create('bpmn:ExtensionElements', { values: [] });
        commands.push({
          cmd: 'element.updateModdleProperties',
          context: { element, moddleElement: bo, properties: { extensionElements: ext } },
        });
      }
      const values = (ext.get('values') ?? []) as ModdleElement[];
      const inputs = inputElementsOf(bo);
      if (change.kind === 'add') {
        const input = bpmnFactory.create(BATON_INPUT_TYPE, { name: change.name, value: change.value });
        commands.push({
          cmd: 'element.updateModdleProperties',
          context: { element, moddleElement: ext, properties: { values: [...values, input] } },
        });
      } else if (change.kind === 'update') {
        commands.push({
          cmd: 'element.updateModdleProperties',
          context: { element, moddleElement: inputs[change.index], properties: { value: change.value } },
        });
      } else {
        const removed = inputs[change.index];
        commands.push({
          cmd: 'element.updateModdleProperties',
          context: {
            element,
            moddleElement: ext,
            properties: { values: values.filter((v) => v !== removed) },
          },
        });
      }
      commandStack.execute('properties-panel.multi-command-executor', commands);
    },
  });
}
