import type { Diagnostics } from './diagnostics.js';
import { elements, idOf, prop, type ModdleElement } from './moddle-access.js';

const NOT_FLOW_NODES = new Set([
  'bpmn:SequenceFlow',
  'bpmn:DataObject',
  'bpmn:DataObjectReference',
  'bpmn:DataStoreReference',
]);

const hasFlowNodes = (process: ModdleElement): boolean =>
  elements(process, 'flowElements').some((el) => !NOT_FLOW_NODES.has(el.$type));

/**
 * The process Baton runs. A collaboration may draw other pools (the customer, a supplier): the
 * one executable process with flow nodes wins, or the only process with flow nodes.
 */
export function selectProcess(
  definitions: ModdleElement,
  diagnostics: Diagnostics,
): ModdleElement | undefined {
  const processes = elements(definitions, 'rootElements').filter((el) => el.$type === 'bpmn:Process');
  const withNodes = processes.filter(hasFlowNodes);
  if (withNodes.length === 1) return withNodes[0];
  if (withNodes.length === 0) {
    diagnostics.error(
      'no-process',
      processes.length === 0
        ? 'the document has no bpmn:process; draw a process with a start event, tasks and an end event'
        : `no process has any flow nodes (${processes.map(idOf).join(', ')}); add a start event, tasks and an end event`,
    );
    return undefined;
  }
  const executable = withNodes.filter((process) => prop(process, 'isExecutable') === true);
  if (executable.length === 1) {
    const ignored = withNodes.filter((process) => process !== executable[0]).map(idOf);
    diagnostics.warn(
      'ignored-processes',
      `only the executable process '${idOf(executable[0])}' runs; ${ignored.map((id) => `'${id}'`).join(', ')} ${ignored.length === 1 ? 'is' : 'are'} documentation only`,
    );
    return executable[0];
  }
  const candidates = (executable.length > 1 ? executable : withNodes)
    .map((process) => `'${idOf(process)}'`)
    .join(', ');
  diagnostics.error(
    'multiple-processes',
    `several processes have flow nodes (${candidates}); mark exactly one as executable (isExecutable="true") or move the others to their own file`,
  );
  return undefined;
}
