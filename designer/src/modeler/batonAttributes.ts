// Reading and writing the `baton:*` attributes of diagram elements, as pure functions over
// moddle elements and plain values. The properties panel entries are thin wrappers around these.
import type { AssignStrategy } from '@baton/engine';
import type { ModdleElement } from './bpmnTypes.js';

export const BATON_PREFIX = 'baton';
export const ASSIGN_STRATEGIES: AssignStrategy[] = [
  'round-robin',
  'least-loaded',
  'previous-handler',
  'none',
];
export const DEFAULT_WARN_AT = 0.8;
export const DEFAULT_SEVERE_AT = 1.3;
export const TIMER_KINDS = ['timeDuration', 'timeDate', 'timeCycle'] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export type BatonAttribute =
  | 'department'
  | 'ticketSla'
  | 'calendar'
  | 'sla'
  | 'warnAt'
  | 'severeAt'
  | 'assign'
  | 'outcomes'
  | 'transferTo'
  | 'returnable'
  | 'activity'
  | 'retries'
  | 'timeout'
  | 'notify'
  | 'template';

const qualified = (attr: BatonAttribute) => `${BATON_PREFIX}:${attr}`;

/** The attribute as text; absent or empty reads as ''. */
export function readBaton(bo: ModdleElement, attr: BatonAttribute): string {
  const value = bo.get(qualified(attr));
  return value === undefined || value === null ? '' : String(value);
}

/**
 * The `updateProperties` payload that sets an attribute. Blank text removes it, so a cleared
 * field falls back to the engine's default instead of writing `baton:sla=""`.
 */
export function batonUpdate(
  attr: BatonAttribute,
  value: string | boolean | number | undefined,
): Record<string, unknown> {
  const text = typeof value === 'string' ? value.trim() : value;
  if (text === '' || text === false || text === undefined) return { [qualified(attr)]: undefined };
  // Numeric attributes are Real/Integer in the moddle descriptor: store numbers when they are.
  const numeric =
    NUMERIC_ATTRIBUTES.has(attr) && typeof text === 'string' && text !== '' && Number.isFinite(Number(text));
  return { [qualified(attr)]: numeric ? Number(text) : text };
}

const NUMERIC_ATTRIBUTES = new Set<BatonAttribute>(['warnAt', 'severeAt', 'retries']);

/** A comma list (outcomes, transfer targets, recipients) as trimmed, unique, non-empty items. */
export function parseList(text: string): string[] {
  const items = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(items)];
}

export const formatList = (items: readonly string[]): string => items.join(',');

/** Allowed transfers: `*` means every department of the flow. */
export function parseTransferTo(text: string): string[] | '*' {
  const items = parseList(text);
  return items.includes('*') ? '*' : items;
}

/** Keys in the list that are not departments (for a warning next to the field). */
export function unknownKeys(items: readonly string[] | '*', known: readonly string[]): string[] {
  if (items === '*') return [];
  return items.filter((k) => !known.includes(k));
}

// ISO 8601 durations as the engine reads them: PnYnMnWnDTnHnMnS (at least one part).
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(?:[.,]\d+)?S)?)?$/;

export function isoDurationError(text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (!ISO_DURATION.test(value)) return `"${value}" is not an ISO 8601 duration (e.g. PT4H, P2D, P1DT12H)`;
  return undefined;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_CYCLE = /^R(\d*)\/(.+)$/;

/** Checks a timer definition's text for its kind: a duration, a date-time with zone, or R<n>/<duration>. */
export function timerValueError(kind: TimerKind, text: string): string | undefined {
  const value = text.trim();
  if (!value) return 'a timer needs a value';
  if (kind === 'timeDuration') return isoDurationError(value);
  if (kind === 'timeDate') {
    return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))
      ? undefined
      : `"${value}" is not an ISO 8601 date-time with a zone (e.g. 2026-12-24T09:00:00Z)`;
  }
  const cycle = ISO_CYCLE.exec(value);
  if (!cycle) return `"${value}" is not a cycle R<count>/<duration> (e.g. R3/PT1H)`;
  return isoDurationError(cycle[2] ?? '');
}

/** SLA ladder fractions: warning below 1, severe above 1 (overdue is 1 by definition). */
export function fractionError(which: 'warnAt' | 'severeAt', text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    return `${which} must be a positive number such as ${which === 'warnAt' ? DEFAULT_WARN_AT : DEFAULT_SEVERE_AT}`;
  if (which === 'warnAt' && n >= 1) return 'warnAt is a fraction of the target below 1 (e.g. 0.8 = at 80 %)';
  if (which === 'severeAt' && n <= 1)
    return 'severeAt is a fraction of the target above 1 (e.g. 1.3 = at 130 %)';
  return undefined;
}

export function positiveIntegerError(label: string, text: string): string | undefined {
  const value = text.trim();
  if (!value) return undefined;
  return /^\d+$/.test(value) ? undefined : `${label} must be a whole number`;
}

/** The timer definition of an event (start, intermediate catch or boundary), if any. */
export function timerDefinitionOf(bo: ModdleElement): ModdleElement | undefined {
  const defs = (bo.get('eventDefinitions') ?? []) as ModdleElement[];
  return defs.find((d) => d.$type === 'bpmn:TimerEventDefinition');
}

/** Which of timeDuration/timeDate/timeCycle a timer uses, and its text. */
export function readTimer(timer: ModdleElement): { kind: TimerKind; value: string } {
  for (const kind of TIMER_KINDS) {
    const expr = timer.get(kind) as ModdleElement | undefined;
    if (expr) return { kind, value: String(expr.get('body') ?? '') };
  }
  return { kind: 'timeDuration', value: '' };
}

/** A sequence flow's FEEL condition text ('' = unconditional). */
export function readCondition(flow: ModdleElement): string {
  const expr = flow.get('conditionExpression') as ModdleElement | undefined;
  return expr ? String(expr.get('body') ?? '') : '';
}

/** Kind of Baton properties an element has, to pick the panel groups. */
export type BatonElementKind =
  'process' | 'lane' | 'userTask' | 'serviceTask' | 'sendTask' | 'timerEvent' | 'sequenceFlow' | null;

export function batonKindOf(bo: ModdleElement): BatonElementKind {
  switch (bo.$type) {
    case 'bpmn:Process':
      return 'process';
    case 'bpmn:Participant':
      return bo.get('processRef') ? 'process' : null;
    case 'bpmn:Lane':
      return 'lane';
    case 'bpmn:UserTask':
      return 'userTask';
    case 'bpmn:ServiceTask':
      return 'serviceTask';
    case 'bpmn:SendTask':
      return 'sendTask';
    case 'bpmn:SequenceFlow':
      return 'sequenceFlow';
    // Timer start events are not supported by the engine: no Baton properties to offer there.
    case 'bpmn:IntermediateCatchEvent':
    case 'bpmn:BoundaryEvent':
      return timerDefinitionOf(bo) ? 'timerEvent' : null;
    default:
      return null;
  }
}

/** Process-level attributes live on the process, also when the participant is selected. */
export function processOf(bo: ModdleElement): ModdleElement {
  return bo.$type === 'bpmn:Participant' ? ((bo.get('processRef') as ModdleElement | undefined) ?? bo) : bo;
}
