// Lanes are departments: each user task belongs to the department of the innermost lane that
// holds it (or holds its enclosing sub-process). Where no lane names one, a Camunda 8 task's
// zeebe candidate group (already on the node, see zeebe.ts) is its department.
import type { FlowNode } from '../types.js';
import type { Diagnostics } from './diagnostics.js';
import { element, elements, idOf, text, type ModdleElement } from './moddle-access.js';

export type LaneResult = {
  /** Department keys in lane order, each once. */
  departments: string[];
  hasLanes: boolean;
  /** Department of every user task that has one. */
  departmentOf: Map<string, string>;
};

type LaneInfo = { id: string; department?: string };

export function readLanes(
  process: ModdleElement,
  nodes: Record<string, FlowNode>,
  diagnostics: Diagnostics,
): LaneResult {
  const departments: string[] = [];
  const laneOfNode = new Map<string, LaneInfo>();
  const lanes: LaneInfo[] = [];

  const walkLaneSets = (owner: ModdleElement, inherited: string | undefined): void => {
    const childLaneSet = element(owner, 'childLaneSet');
    for (const laneSet of childLaneSet ? [childLaneSet] : elements(owner, 'laneSets')) {
      for (const lane of elements(laneSet, 'lanes')) {
        const department = text(lane, 'department') ?? inherited;
        const info: LaneInfo = { id: idOf(lane), department };
        lanes.push(info);
        if (department !== undefined && !departments.includes(department)) departments.push(department);
        // Inner lanes are walked after their parent, so the innermost lane wins.
        for (const ref of elements(lane, 'flowNodeRef'))
          if (typeof ref.id === 'string') laneOfNode.set(ref.id, info);
        walkLaneSets(lane, department);
      }
    }
  };
  // Lanes drawn inside a sub-process are rare but legal; they are read the same way.
  const walkContainer = (container: ModdleElement): void => {
    walkLaneSets(container, undefined);
    for (const child of elements(container, 'flowElements'))
      if (child.$type === 'bpmn:SubProcess') walkContainer(child);
  };
  walkContainer(process);

  const laneFor = (node: FlowNode): LaneInfo | undefined => {
    for (
      let current: FlowNode | undefined = node;
      current;
      current = current.scope === undefined ? undefined : nodes[current.scope]
    ) {
      const lane = laneOfNode.get(current.id);
      if (lane) return lane;
    }
    return undefined;
  };

  const departmentOf = new Map<string, string>();
  /** Lanes holding a user task whose department only the lane could give. */
  const lanesWithTasks = new Set<LaneInfo>();
  /** Lanes whose tasks all name their department as a zeebe candidate group. */
  const lanesOfCandidateGroups = new Set<LaneInfo>();
  const hasLanes = lanes.length > 0;
  for (const node of Object.values(nodes)) {
    if (node.kind !== 'userTask') continue;
    const lane = laneFor(node);
    const candidateGroup = node.department;
    if (lane && candidateGroup === undefined) lanesWithTasks.add(lane);
    if (lane?.department !== undefined) {
      departmentOf.set(node.id, lane.department);
      if (candidateGroup !== undefined && candidateGroup !== lane.department) {
        diagnostics.warn(
          'zeebe-candidate-groups-ignored',
          `user task '${node.id}' lies in lane '${lane.id}' of department '${lane.department}', which Baton uses instead of its zeebe candidateGroups '${candidateGroup}'; move the task or change the group`,
          node.id,
        );
      }
    } else if (candidateGroup !== undefined) {
      if (lane) lanesOfCandidateGroups.add(lane);
      departmentOf.set(node.id, candidateGroup);
      if (!departments.includes(candidateGroup)) departments.push(candidateGroup);
    } else if (hasLanes && !lane) {
      diagnostics.error(
        'task-outside-lanes',
        `user task '${node.id}' lies outside every lane; move it into the lane of the department that does it`,
        node.id,
      );
    }
  }
  for (const lane of lanes) {
    if (lane.department !== undefined) continue;
    if (lanesOfCandidateGroups.has(lane) && !lanesWithTasks.has(lane)) continue;
    if (lanesWithTasks.has(lane)) {
      diagnostics.error(
        'lane-without-department',
        `lane '${lane.id}' holds user tasks but has no baton:department; set the department key it stands for`,
        lane.id,
      );
    } else {
      diagnostics.warn(
        'lane-without-department',
        `lane '${lane.id}' has no baton:department; set one if its work belongs to a department`,
        lane.id,
      );
    }
  }
  return { departments, hasLanes, departmentOf };
}
