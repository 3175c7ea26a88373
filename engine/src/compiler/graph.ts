// Whole-graph checks in linear time: where tickets start, what the start reaches (and in which
// order, for department entry tasks), and whether every node can still reach an end.
import type { FlowNode, SequenceFlow } from '../types.js';
import type { Diagnostics } from './diagnostics.js';
import type { Rejected } from './read-elements.js';

export type GraphResult = {
  /** Process-level none start events. */
  starts: string[];
  /** Reachable node ids in breadth-first order from the starts. */
  flowOrder: string[];
};

/** Where a token can go next: along flows, into a sub-process, onto a boundary, out of a scope. */
function successors(node: FlowNode, flows: Record<string, SequenceFlow>): string[] {
  const next = node.outgoing.map((id) => flows[id]!.target);
  if (node.kind === 'subProcess' && node.start !== '') next.push(node.start);
  if (node.kind === 'userTask' || node.kind === 'serviceTask') next.push(...node.boundaries);
  // An end event inside a sub-process completes it: the token continues after the sub-process.
  if (node.kind === 'endEvent' && node.scope !== undefined) next.push(node.scope);
  return next;
}

export function checkGraph(
  nodes: Record<string, FlowNode>,
  flows: Record<string, SequenceFlow>,
  rejected: Rejected,
  diagnostics: Diagnostics,
): GraphResult {
  const all = Object.values(nodes);
  checkEnds(all, diagnostics);
  const topStarts = all.filter((node) => node.kind === 'startEvent' && node.scope === undefined);
  const starts = topStarts
    .filter((node) => node.kind === 'startEvent' && node.message === undefined)
    .map((node) => node.id);
  const rejectedTop = (which: 'start' | 'end') =>
    [...rejected.elements].filter(([, info]) => info[which] && info.scope === undefined).map(([id]) => id);
  const rejectedStarts = rejectedTop('start');
  if (starts.length === 0 && rejectedStarts.length === 0) {
    diagnostics.error(
      'no-start-event',
      'the process has no none start event; add a start event where a new ticket begins',
    );
  } else if (starts.length > 1) {
    diagnostics.warn(
      'multiple-start-events',
      `the process has ${starts.length} none start events (${starts.join(', ')}); tickets start at '${starts[0]}' only`,
      starts[1],
    );
  }

  const next = new Map<string, string[]>();
  const previous = new Map<string, string[]>();
  const addEdge = (from: string, to: string) => {
    const forward = next.get(from);
    if (forward) forward.push(to);
    else next.set(from, [to]);
    const backward = previous.get(to);
    if (backward) backward.push(from);
    else previous.set(to, [from]);
  };
  for (const node of all) {
    next.set(node.id, []);
    for (const target of successors(node, flows)) addEdge(node.id, target);
  }
  for (const [from, to] of rejected.edges) addEdge(from, to);
  for (const [id, info] of rejected.elements)
    if (info.end && info.scope !== undefined) addEdge(id, info.scope);

  const reachedIds = breadthFirst([...topStarts.map((node) => node.id), ...rejectedStarts], next);
  const flowOrder = reachedIds.filter((id) => id in nodes);
  const reached = new Set(reachedIds);
  for (const node of all) {
    if (!reached.has(node.id) && reachedIds.length > 0) {
      diagnostics.error(
        'unreachable-node',
        `${node.kind} '${node.id}' cannot be reached from any start event; connect it or remove it`,
        node.id,
      );
    }
  }

  const ends = [
    ...all.filter((node) => node.kind === 'endEvent' && node.scope === undefined).map((node) => node.id),
    ...rejectedTop('end'),
  ];
  const endReachable = new Set(breadthFirst(ends, previous));
  if (ends.length === 0 && all.length > 0) {
    diagnostics.error(
      'no-end-event',
      'the process has no end event; add an end event where a ticket is done',
    );
    return { starts, flowOrder };
  }
  for (const id of flowOrder) {
    if (endReachable.has(id)) continue;
    const node = nodes[id]!;
    const deadEnd = node.kind !== 'endEvent' && next.get(id)!.length === 0;
    diagnostics.error(
      'no-path-to-end',
      deadEnd
        ? `${node.kind} '${id}' has no outgoing sequence flow, so tickets would stop there; connect it to the next step or an end event`
        : `no end event can be reached from ${node.kind} '${id}' (every path loops or stops); add a path to an end event`,
      id,
    );
  }
  return { starts, flowOrder };
}

function checkEnds(all: FlowNode[], diagnostics: Diagnostics): void {
  for (const node of all) {
    if ((node.kind === 'startEvent' || node.kind === 'boundaryEvent') && node.incoming.length > 0) {
      diagnostics.error(
        'incoming-to-start',
        `${node.kind} '${node.id}' has incoming sequence flows; nothing may flow into it, reconnect them`,
        node.id,
      );
    }
    if (node.kind === 'endEvent' && node.outgoing.length > 0) {
      diagnostics.error(
        'outgoing-from-end',
        `end event '${node.id}' has outgoing sequence flows; a ticket stops there, so remove them or use another element`,
        node.id,
      );
    }
  }
}

function breadthFirst(roots: string[], edges: Map<string, string[]>): string[] {
  const seen = new Set<string>(roots);
  const order = [...seen];
  for (let index = 0; index < order.length; index++) {
    for (const next of edges.get(order[index]!) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      order.push(next);
    }
  }
  return order;
}
