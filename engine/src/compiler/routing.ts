// Checks of how tokens are routed: conditions, default flows, gateway exhaustiveness, the
// outcomes a gateway tests, event-based gateway targets and transfer targets.
import type { ExclusiveGatewayNode, FlowNode, SequenceFlow, UserTaskNode } from '../types.js';
import type { Diagnostics } from './diagnostics.js';

const STRING = String.raw`"((?:[^"\\]|\\.)*)"`;
/** `outcome = "x"` / `outcome != "x"` / `"x" = outcome` anywhere in a condition. */
const OUTCOME_TESTS = [
  new RegExp(String.raw`\boutcome\s*!?=\s*${STRING}`, 'g'),
  new RegExp(String.raw`${STRING}\s*!?=\s*outcome\b`, 'g'),
];
/** A condition that is exactly one outcome equality, the only form exhaustiveness is proven for. */
const OUTCOME_EQUALS = [
  new RegExp(String.raw`^\s*outcome\s*=\s*${STRING}\s*$`),
  new RegExp(String.raw`^\s*${STRING}\s*=\s*outcome\s*$`),
];

export function checkRouting(
  nodes: Record<string, FlowNode>,
  flows: Record<string, SequenceFlow>,
  departments: string[],
  diagnostics: Diagnostics,
): void {
  for (const flow of Object.values(flows)) {
    if (flow.condition === undefined) continue;
    const source = nodes[flow.source]!;
    if (source.kind === 'exclusiveGateway') continue;
    const fix =
      source.kind === 'parallelGateway'
        ? [
            'conditional-flow-from-parallel-gateway',
            'a parallel gateway takes every outgoing flow; remove the condition or use an exclusive gateway',
          ]
        : source.kind === 'eventBasedGateway'
          ? [
              'conditional-flow-from-event-gateway',
              'an event-based gateway follows whichever event happens first; remove the condition',
            ]
          : [
              'conditional-flow-from-activity',
              `conditions are evaluated only on exclusive gateways; put an exclusive gateway after '${source.id}'`,
            ];
    diagnostics.error(
      fix[0]!,
      `sequence flow '${flow.id}' has a condition but starts at ${source.kind} '${source.id}': ${fix[1]}`,
      flow.id,
    );
  }
  const knownDepartments = new Set(departments);
  for (const node of Object.values(nodes)) {
    if (node.kind === 'exclusiveGateway') checkExclusiveGateway(node, nodes, flows, diagnostics);
    else if (node.kind === 'eventBasedGateway') checkEventGateway(node, nodes, flows, diagnostics);
    else if (node.kind === 'userTask' && node.transferTo !== '*') {
      for (const department of node.transferTo.filter((key) => !knownDepartments.has(key))) {
        diagnostics.error(
          'unknown-transfer-department',
          `baton:transferTo of '${node.id}' names department '${department}', which has no lane in this flow (${departments.length ? `departments: ${departments.join(', ')}` : 'the flow has no departments'}); add its lane or remove it`,
          node.id,
        );
      }
    }
  }
}

function checkExclusiveGateway(
  gateway: ExclusiveGatewayNode,
  nodes: Record<string, FlowNode>,
  flows: Record<string, SequenceFlow>,
  diagnostics: Diagnostics,
): void {
  const outgoing = gateway.outgoing.map((id) => flows[id]!);
  // A default flow missing from `flows` was dropped with an unsupported element already reported.
  if (gateway.defaultFlow !== undefined && gateway.defaultFlow in flows) {
    if (!gateway.outgoing.includes(gateway.defaultFlow)) {
      diagnostics.error(
        'invalid-default-flow',
        `the default flow '${gateway.defaultFlow}' of gateway '${gateway.id}' does not leave that gateway; pick one of its outgoing flows`,
        gateway.id,
      );
    } else if (flows[gateway.defaultFlow]!.condition !== undefined) {
      diagnostics.warn(
        'default-flow-condition',
        `default flow '${gateway.defaultFlow}' of '${gateway.id}' has a condition, which is ignored; remove it`,
        gateway.defaultFlow,
      );
    }
  }
  const routed = outgoing.filter((flow) => flow.id !== gateway.defaultFlow);
  const conditional = routed.filter((flow) => flow.condition !== undefined);
  if (outgoing.length > 1 || conditional.length > 0) {
    for (const flow of routed.filter((f) => f.condition === undefined)) {
      diagnostics.error(
        'missing-condition',
        `sequence flow '${flow.id}' leaves exclusive gateway '${gateway.id}' without a condition; add a FEEL condition or make it the default flow`,
        flow.id,
      );
    }
  }

  const task = precedingUserTask(gateway, nodes, flows);
  if (task) checkOutcomes(gateway, task, conditional, diagnostics);

  if (gateway.defaultFlow !== undefined || conditional.length === 0) return;
  if (!coversEveryOutcome(conditional, task)) {
    diagnostics.error(
      'gateway-not-exhaustive',
      `exclusive gateway '${gateway.id}' has no default flow and its conditions may all be false, which would stop the ticket; mark one outgoing flow as the default${task && task.outcomes.length ? ` or test each outcome of '${task.id}' (${task.outcomes.join(', ')}) with outcome = "..."` : ''}`,
      gateway.id,
    );
  }
}

/** The user task whose outcome the gateway decides on: its only predecessor. */
function precedingUserTask(
  gateway: FlowNode,
  nodes: Record<string, FlowNode>,
  flows: Record<string, SequenceFlow>,
): UserTaskNode | undefined {
  if (gateway.incoming.length !== 1) return undefined;
  const source = nodes[flows[gateway.incoming[0]!]!.source];
  return source?.kind === 'userTask' ? source : undefined;
}

function checkOutcomes(
  gateway: FlowNode,
  task: UserTaskNode,
  conditional: SequenceFlow[],
  diagnostics: Diagnostics,
): void {
  const tested = new Set<string>();
  for (const flow of conditional) {
    for (const outcome of outcomeLiterals(flow.condition!)) {
      tested.add(outcome);
      if (task.outcomes.includes(outcome)) continue;
      diagnostics.error(
        'unknown-outcome',
        task.outcomes.length === 0
          ? `condition of '${flow.id}' tests outcome "${outcome}" but task '${task.id}' offers no outcomes; list them in its baton:outcomes`
          : `condition of '${flow.id}' tests outcome "${outcome}", which task '${task.id}' does not offer (${task.outcomes.join(', ')}); fix the condition or add the outcome`,
        flow.id,
      );
    }
  }
  if (tested.size === 0) return;
  for (const outcome of task.outcomes.filter((o) => !tested.has(o))) {
    diagnostics.warn(
      'unused-outcome',
      `outcome "${outcome}" of task '${task.id}' is not tested by gateway '${gateway.id}'${(gateway as ExclusiveGatewayNode).defaultFlow ? ' and takes the default flow' : ''}; route it explicitly or remove it`,
      task.id,
    );
  }
}

function outcomeLiterals(condition: string): string[] {
  return OUTCOME_TESTS.flatMap((pattern) =>
    [...condition.matchAll(pattern)].map((match) => unescape(match[1]!)),
  );
}

function coversEveryOutcome(conditional: SequenceFlow[], task: UserTaskNode | undefined): boolean {
  if (!task || task.outcomes.length === 0) return false;
  const covered = new Set<string>();
  for (const flow of conditional) {
    const match = OUTCOME_EQUALS.map((pattern) => pattern.exec(flow.condition!)).find((m) => m !== null);
    if (!match) return false;
    covered.add(unescape(match[1]!));
  }
  return task.outcomes.every((outcome) => covered.has(outcome));
}

const unescape = (literal: string): string => literal.replace(/\\(.)/g, '$1');

function checkEventGateway(
  gateway: FlowNode,
  nodes: Record<string, FlowNode>,
  flows: Record<string, SequenceFlow>,
  diagnostics: Diagnostics,
): void {
  if (gateway.outgoing.length < 2) {
    diagnostics.warn(
      'event-gateway-single-path',
      `event-based gateway '${gateway.id}' has ${gateway.outgoing.length} outgoing flow(s); it is meant to race two or more events`,
      gateway.id,
    );
  }
  for (const flowId of gateway.outgoing) {
    const target = nodes[flows[flowId]!.target]!;
    if (target.kind === 'intermediateCatchEvent') continue;
    diagnostics.error(
      'event-gateway-target',
      `event-based gateway '${gateway.id}' leads to ${target.kind} '${target.id}'; each of its flows must end at a timer or message catch event`,
      gateway.id,
    );
  }
}
