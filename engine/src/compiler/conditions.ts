// Conditions checked for what would make them fail at run time, where the diagram shows it: a
// result that is certainly not a boolean (an error: the flow could never be taken) and, given
// the ticket type's fields, a variable no ticket of the type has (a warning: a task's data, a
// message or an activity's result may still bring it, and the compiler cannot see those).
import { readFeel, type FeelReading, type FeelResult } from '../feel/analysis.js';
import type { FieldType } from '../ticket-fields.js';
import { TICKET_VARIABLES } from '../ticket-vocabulary.js';
import type { CompileOptions, FlowNode, SequenceFlow } from '../types.js';
import type { Diagnostics } from './diagnostics.js';
import { quoted } from './feel-check.js';

/** What a variable holds, as a condition naming it alone sees it; undefined: may be a boolean. */
type Holds = string | undefined;

/** The variables a ticket's run can be known to have, where each comes from and what it holds. */
type Vocabulary = {
  holds: Map<string, Holds>;
  fields: Map<string, Holds>;
  fieldKeys: string[];
  flowSets: string[];
};

/** Form values are JSON: dates and e-mails are strings too. Any other type claims nothing. */
const HOLDS_OF_FIELD: Record<string, Holds> = {
  text: 'a string',
  textarea: 'a string',
  select: 'a string',
  date: 'a string',
  email: 'a string',
  number: 'a number',
} satisfies Partial<Record<FieldType, Holds>>;
const HOLDS_OF_TICKET = { string: 'a string', context: 'a context' } as const;

/** Variables the engine itself sets while the flow runs, and what they hold. */
function setByFlow(nodes: Record<string, FlowNode>): [string, Holds][] {
  const kinds = new Set(Object.values(nodes).map((node) => node.kind));
  const set: [string, Holds][] = [];
  if (kinds.has('userTask')) set.push(['outcome', 'a string']); // a task's completion
  if (kinds.has('serviceTask')) set.push(['error', 'a context']); // a failed activity
  return set;
}

function vocabularyOf(
  ticketFields: NonNullable<CompileOptions['ticketFields']>,
  nodes: Record<string, FlowNode>,
): Vocabulary {
  const fields = new Map<string, Holds>();
  for (const field of ticketFields)
    if (typeof field?.key === 'string')
      fields.set(
        field.key,
        Object.hasOwn(HOLDS_OF_FIELD, field.type) ? HOLDS_OF_FIELD[field.type] : undefined,
      );
  // Fields first: the ticket's own variables win over a field of the same name.
  const holds = new Map(fields);
  for (const [name, kind] of Object.entries(TICKET_VARIABLES)) holds.set(name, HOLDS_OF_TICKET[kind]);
  const flowSets = setByFlow(nodes);
  // Set later in the run: a name a ticket starts with too may hold either, so nothing is certain.
  for (const [name, kind] of flowSets)
    holds.set(name, holds.has(name) && holds.get(name) !== kind ? undefined : kind);
  return { holds, fields, fieldKeys: [...fields.keys()], flowSets: flowSets.map(([name]) => name) };
}

export function checkConditions(
  nodes: Record<string, FlowNode>,
  flows: Record<string, SequenceFlow>,
  options: CompileOptions,
  accepted: (expression: string) => boolean,
  diagnostics: Diagnostics,
): void {
  const vocabulary = Array.isArray(options.ticketFields)
    ? vocabularyOf(options.ticketFields, nodes)
    : undefined;
  const readings = new Map<string, FeelReading | undefined>();
  for (const flow of Object.values(flows)) {
    const condition = flow.condition;
    // Invalid and too costly conditions are errors already; a default flow's is never evaluated.
    if (condition === undefined || !accepted(condition)) continue;
    const source = nodes[flow.source];
    if (source?.kind === 'exclusiveGateway' && source.defaultFlow === flow.id) continue;
    if (!readings.has(condition)) readings.set(condition, readFeel(condition));
    const reading = readings.get(condition);
    if (reading === undefined) continue;
    const never = notBoolean(reading.result, vocabulary);
    if (never !== undefined) {
      diagnostics.error(
        'non-boolean-condition',
        `condition of '${flow.id}' is ${never}, never true or false, so the flow can never be taken: ${quoted(condition)}; write a test such as amount > 100 or outcome = "approve"`,
        flow.id,
      );
    }
    if (vocabulary === undefined) continue;
    for (const name of reading.variables.filter((n) => !vocabulary.holds.has(n)))
      diagnostics.warn('unknown-variable', unknownMessage(flow.id, condition, name, vocabulary), flow.id);
  }
}

/** Why `result` is certainly no boolean, or undefined when it may be one. */
function notBoolean(result: FeelResult, vocabulary: Vocabulary | undefined): string | undefined {
  if ('certain' in result) return result.certain;
  if ('either' in result) {
    const branches = result.either.map((branch) => notBoolean(branch, vocabulary));
    if (branches.some((branch) => branch === undefined)) return undefined;
    return `one of ${[...new Set(branches)].join(' or ')}`;
  }
  if ('open' in result || vocabulary === undefined) return undefined;
  const [name, property, ...deeper] = result.variable;
  // Only what the ticket type says: a variable itself, or one of its fields through `fields`.
  const holds =
    property === undefined
      ? vocabulary.holds.get(name!)
      : name === 'fields' && deeper.length === 0
        ? vocabulary.fields.get(property)
        : undefined;
  return holds === undefined ? undefined : `${result.variable.join('.')} alone, which holds ${holds}`;
}

function unknownMessage(flowId: string, condition: string, name: string, vocabulary: Vocabulary): string {
  const near = closest(name, [...vocabulary.holds.keys()]);
  const list = (names: string[]) => (names.length ? names.slice(0, 20).join(', ') : 'none');
  return (
    `condition of '${flowId}' reads variable '${name}'${near ? ` (did you mean '${near}'?)` : ''}, which tickets of this type do not have: ${quoted(condition)}. ` +
    `Fields of the type: ${list(vocabulary.fieldKeys)}; every ticket has: ${Object.keys(TICKET_VARIABLES).join(', ')}; set by this flow: ${list(vocabulary.flowSets)}. ` +
    `A task's data, a message or an activity's result can bring other variables, which the compiler cannot see; if none brings '${name}', it is null when the condition runs. Fix the name or add the field`
  );
}

/** The known name closest to a misspelt one (at most two edits, and fewer than half its length). */
function closest(name: string, known: string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && distance * 2 < name.length && (!best || distance < best.distance))
      best = { name: candidate, distance };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3; // more than any suggestion allows
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
