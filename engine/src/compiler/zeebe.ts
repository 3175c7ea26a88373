// Camunda 8 (Zeebe) extension elements, as Camunda Modeler writes them. Baton runs what it has an
// equivalent for — zeebe:taskDefinition type (the activity type) and retries,
// zeebe:assignmentDefinition candidateGroups (the department where no lane names one),
// zeebe:ioMapping inputs of a service task — and warns about every other zeebe extension,
// naming the element, so a model never runs differently from its diagram without a word.
//
// No moddle package is registered for the namespace: moddle then keeps each zeebe element as a
// generic element with its namespace, attributes and `$children`, whatever its name. A package
// would have to describe every zeebe element there is, and moddle drops the ones it does not
// describe before the compiler could name them.
import { withoutUndefined, type Diagnostics } from './diagnostics.js';
import { describe, element, elements, isElement, text, type ModdleElement } from './moddle-access.js';

export const ZEEBE_URI = 'http://camunda.org/schema/zeebe/1.0';

/** What a supported zeebe extension changes, by element type (local names of zeebe elements). */
const SUPPORTED: Record<string, readonly string[]> = {
  'bpmn:ServiceTask': ['taskDefinition', 'ioMapping'],
  'bpmn:UserTask': ['assignmentDefinition'],
};
/**
 * Present in Camunda 8 exports but with nothing to run: zeebe:userTask marks the task as a
 * "Camunda user task" rather than a job worker's, which is how Baton runs every user task.
 */
const NO_EFFECT = new Set(['userTask']);

const WHAT_BATON_DOES: Record<string, string> = {
  formDefinition: 'agents complete the task with its outcomes and the ticket fields',
  subscription: 'Baton delivers a message to the ticket it is sent for, without a correlation key',
  taskHeaders: 'a custom activity receives only its inputs',
  calledElement: 'Baton does not call other processes',
  properties: 'Baton keeps no custom properties',
  executionListeners: 'Baton runs no listeners',
  taskListeners: 'Baton runs no listeners',
};

export type ZeebeExtensions = {
  taskType?: string;
  /** Retries after the first attempt (Zeebe counts attempts). */
  retries?: number;
  candidateGroup?: string;
  inputs: { name: string; written: string }[];
};

type Generic = ModdleElement & { $descriptor?: { ns?: { uri?: string; localName?: string } } };

const zeebeName = (el: ModdleElement): string | undefined => {
  const ns = (el as Generic).$descriptor?.ns;
  return ns?.uri === ZEEBE_URI ? ns.localName : undefined;
};

const children = (el: ModdleElement): ModdleElement[] => {
  const value = (el as { $children?: unknown }).$children;
  return Array.isArray(value) ? value.filter(isElement) : [];
};

/**
 * Reads the zeebe extension elements of `el`: the supported parts come back, everything else is
 * a warning naming the element and the extension.
 */
export function readZeebe(el: ModdleElement, diagnostics: Diagnostics): ZeebeExtensions {
  const result: ZeebeExtensions = { inputs: [] };
  const supported = SUPPORTED[el.$type] ?? [];
  const warn = (extension: string, why: string, code = 'unsupported-zeebe-extension') =>
    diagnostics.warn(code, `${describe(el)} has zeebe:${extension}, ${why}`, String(el.id ?? ''));
  for (const extension of elements(element(el, 'extensionElements'), 'values')) {
    const name = zeebeName(extension);
    if (name === undefined || NO_EFFECT.has(name)) continue;
    if (!supported.includes(name)) {
      warn(name, `which Baton does not run${WHAT_BATON_DOES[name] ? ` (${WHAT_BATON_DOES[name]})` : ''}`);
      continue;
    }
    if (name === 'taskDefinition') readTaskDefinition(extension, result, warn);
    else if (name === 'assignmentDefinition') readAssignment(extension, result, warn);
    else readIoMapping(extension, result, warn);
  }
  return withoutUndefined(result);
}

type Warn = (extension: string, why: string, code?: string) => void;

const isExpression = (value: string) => value.startsWith('=');

function readTaskDefinition(definition: ModdleElement, result: ZeebeExtensions, warn: Warn): void {
  const type = text(definition, 'type');
  if (type !== undefined && isExpression(type))
    warn(
      'taskDefinition',
      `whose type is computed per instance (${type}); Baton deploys a fixed activity type`,
    );
  else result.taskType = type;
  const retries = text(definition, 'retries');
  if (retries === undefined) return;
  const attempts = /^\d+$/.test(retries) ? Number(retries) : undefined;
  if (attempts === undefined)
    warn('taskDefinition', `whose retries (${retries}) is not a fixed whole number; Baton's default applies`);
  else result.retries = Math.max(0, attempts - 1);
}

function readAssignment(assignment: ModdleElement, result: ZeebeExtensions, warn: Warn): void {
  for (const attribute of ['assignee', 'candidateUsers'] as const) {
    const value = text(assignment, attribute);
    if (value !== undefined)
      warn(
        'assignmentDefinition',
        `whose ${attribute} (${value}) Baton does not read; the task's baton:assign chooses among the department's agents`,
      );
  }
  const groups = text(assignment, 'candidateGroups');
  if (groups === undefined) return;
  if (isExpression(groups)) {
    warn(
      'assignmentDefinition',
      `whose candidateGroups (${groups}) is computed per instance; put the task in a lane of its department`,
    );
    return;
  }
  const list = groups
    .split(',')
    .map((group) => group.trim())
    .filter((group) => group !== '');
  result.candidateGroup = list[0];
  if (list.length > 1)
    warn(
      'assignmentDefinition',
      `whose candidateGroups name ${list.length} groups (${list.join(', ')}); a Baton task belongs to one department, so '${list[0]}' takes it`,
      'zeebe-candidate-groups',
    );
}

function readIoMapping(mapping: ModdleElement, result: ZeebeExtensions, warn: Warn): void {
  for (const child of children(mapping)) {
    const name = zeebeName(child);
    if (name !== 'input') {
      warn(
        name ?? 'ioMapping',
        name === 'output'
          ? 'which Baton does not run (the activity result is merged into the ticket variables as it is)'
          : 'which Baton does not run',
      );
      continue;
    }
    const target = text(child, 'target');
    // Zeebe writes sources as attributes; an absent one is null, like an empty static value.
    const source = typeof child.source === 'string' ? child.source : undefined;
    if (target === undefined || source === undefined || target.includes('.')) {
      warn(
        'input',
        target?.includes('.')
          ? `whose target '${target}' is a nested path, which Baton does not build; name a plain input`
          : 'without a source or a target, which Baton cannot map',
      );
      continue;
    }
    result.inputs.push({ name: target, written: isExpression(source) ? source : staticAsFeel(source) });
  }
}

/**
 * A Zeebe static value (a source without `=`) as the FEEL literal that evaluates to the same:
 * null, a boolean, a number when it reads as one, else the text itself.
 */
function staticAsFeel(value: string): string {
  if (value === 'null' || value === 'true' || value === 'false') return value;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value)) {
    const number = String(Number(value));
    if (!number.includes('e')) return number;
  }
  // JSON's string escapes are FEEL's.
  return JSON.stringify(value);
}
