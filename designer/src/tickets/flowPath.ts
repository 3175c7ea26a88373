// Where a ticket has been on its flow diagram: the user tasks its stages went through, the
// sequence flows that must have been taken between them (through gateways, events and service
// tasks, which leave no stage), and the end it reached. The read model records stages, not flows,
// so a flow counts as taken when it lies on a path from the start or a visited task to another
// visited task (or to an end, once the ticket is finished) that passes no other user task.

/** What an element is, as far as the path is concerned. */
export type NodeKind = 'start' | 'userTask' | 'end' | 'other';

export type FlowGraph = {
  nodes: ReadonlyMap<string, NodeKind>;
  flows: readonly { id: string; source: string; target: string }[];
};

export type TicketPosition = {
  /** Element ids of the user tasks the ticket's stages ran (open or closed). */
  visitedTasks: ReadonlySet<string>;
  /** The ticket is done or cancelled: an end it reached counts as visited. */
  finished: boolean;
};

export type FlowPath = { elements: Set<string>; flows: Set<string> };

export function takenPath(graph: FlowGraph, position: TicketPosition): FlowPath {
  const outgoing = new Map<string, { id: string; target: string }[]>();
  for (const f of graph.flows) outgoing.set(f.source, [...(outgoing.get(f.source) ?? []), f]);
  const isGoal = (id: string) =>
    (graph.nodes.get(id) === 'userTask' && position.visitedTasks.has(id)) ||
    (position.finished && graph.nodes.get(id) === 'end');

  // Whether a goal lies beyond `id` through elements that leave no stage; false while being
  // explored, so a loop of gateways ends.
  const leadsOn = new Map<string, boolean>();
  function reachesGoal(id: string): boolean {
    const known = leadsOn.get(id);
    if (known !== undefined) return known;
    leadsOn.set(id, false);
    const kind = graph.nodes.get(id);
    const passable = kind === 'other' || kind === 'start';
    const result =
      passable && (outgoing.get(id) ?? []).some((f) => isGoal(f.target) || reachesGoal(f.target));
    leadsOn.set(id, result);
    return result;
  }

  const path: FlowPath = { elements: new Set(), flows: new Set() };
  const sources = [...graph.nodes].filter(
    ([id, kind]) => kind === 'start' || (kind === 'userTask' && position.visitedTasks.has(id)),
  );
  const walk = (id: string) => {
    for (const f of outgoing.get(id) ?? []) {
      if (path.flows.has(f.id)) continue;
      if (isGoal(f.target)) {
        path.flows.add(f.id);
        path.elements.add(f.target);
      } else if (graph.nodes.get(f.target) === 'other' && reachesGoal(f.target)) {
        path.flows.add(f.id);
        path.elements.add(f.target);
        walk(f.target);
      }
    }
  };
  for (const [id, kind] of sources) {
    if (kind === 'start' && !(outgoing.get(id) ?? []).some((f) => isGoal(f.target) || reachesGoal(f.target)))
      continue;
    path.elements.add(id);
    walk(id);
  }
  return path;
}
