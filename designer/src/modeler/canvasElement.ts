import type { DiagramElement, ElementRegistry, ModdleElement } from './bpmnTypes.js';

/**
 * The canvas element a diagnostic's element id stands for. A process has no shape of its own in
 * a collaboration: its participant (pool) stands in for it.
 */
export function canvasElementFor(registry: ElementRegistry, id: string): DiagramElement | undefined {
  return (
    registry.get(id) ??
    registry.filter(
      (e) =>
        e.type === 'bpmn:Participant' &&
        (e.businessObject.get('processRef') as ModdleElement | undefined)?.id === id,
    )[0]
  );
}
