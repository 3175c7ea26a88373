import { describe, expect, it } from 'vitest';
import { takenPath, type FlowGraph } from './flowPath.js';

// start -> Triage -> gateway -(refund)-> Refund -> end1
//                           -(solved)-> end2
const graph: FlowGraph = {
  nodes: new Map([
    ['start', 'start'],
    ['Triage', 'userTask'],
    ['gw', 'other'],
    ['Refund', 'userTask'],
    ['end1', 'end'],
    ['end2', 'end'],
  ]),
  flows: [
    { id: 'f1', source: 'start', target: 'Triage' },
    { id: 'f2', source: 'Triage', target: 'gw' },
    { id: 'f3', source: 'gw', target: 'Refund' },
    { id: 'f4', source: 'gw', target: 'end2' },
    { id: 'f5', source: 'Refund', target: 'end1' },
  ],
};

const sorted = (s: Set<string>) => [...s].sort();

describe('takenPath', () => {
  it('marks the start and the flow to the first task while it is open', () => {
    const path = takenPath(graph, { visitedTasks: new Set(['Triage']), finished: false });
    expect(sorted(path.flows)).toEqual(['f1']);
    expect(sorted(path.elements)).toEqual(['Triage', 'start']);
  });

  it('follows a gateway only along the branch that led to a visited task', () => {
    const path = takenPath(graph, { visitedTasks: new Set(['Triage', 'Refund']), finished: false });
    expect(sorted(path.flows)).toEqual(['f1', 'f2', 'f3']);
    expect(sorted(path.elements)).toEqual(['Refund', 'Triage', 'gw', 'start']);
  });

  it('reaches an end once the ticket is finished', () => {
    const solved = takenPath(graph, { visitedTasks: new Set(['Triage']), finished: true });
    expect(sorted(solved.flows)).toEqual(['f1', 'f2', 'f4']);
    expect(solved.elements.has('end2')).toBe(true);
    expect(solved.elements.has('end1')).toBe(false);
  });

  it('ends in a loop of gateways, marking each flow that lies on some path to the task', () => {
    const loop: FlowGraph = {
      nodes: new Map([
        ['start', 'start'],
        ['a', 'other'],
        ['b', 'other'],
        ['T', 'userTask'],
      ]),
      flows: [
        { id: 'f1', source: 'start', target: 'a' },
        { id: 'f2', source: 'a', target: 'b' },
        { id: 'f3', source: 'b', target: 'a' },
        { id: 'f4', source: 'b', target: 'T' },
      ],
    };
    expect(sorted(takenPath(loop, { visitedTasks: new Set(['T']), finished: false }).flows)).toEqual([
      'f1',
      'f2',
      'f3',
      'f4',
    ]);
    expect(takenPath(loop, { visitedTasks: new Set(), finished: false }).flows.size).toBe(0);
  });
});
