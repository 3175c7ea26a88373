// Test helper: real bpmn-moddle with the engine's `baton` extension, as bpmn-js uses it.
import { BpmnModdle as UntypedBpmnModdle } from 'bpmn-moddle';
import { moddleExtension } from '@baton/engine';
import type { ModdleElement } from './bpmnTypes.js';

// bpmn-moddle's published types describe the model, not the BpmnModdle class.
type Moddle = {
  fromXML(xml: string): Promise<{
    rootElement: unknown;
    elementsById: Record<string, unknown>;
    warnings: { message: string }[];
  }>;
  toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
};
const BpmnModdle = UntypedBpmnModdle as unknown as new (extensions: Record<string, unknown>) => Moddle;

export const moddle = () => new BpmnModdle({ baton: moddleExtension });

export async function parse(
  xml: string,
): Promise<{ definitions: ModdleElement; byId: (id: string) => ModdleElement; warnings: string[] }> {
  const { rootElement, elementsById, warnings } = await moddle().fromXML(xml);
  return {
    definitions: rootElement as ModdleElement,
    byId: (id) => {
      const el = elementsById[id];
      if (!el) throw new Error(`no element ${id} in the test diagram`);
      return el as ModdleElement;
    },
    warnings: warnings.map((w) => w.message),
  };
}

export async function toXml(definitions: ModdleElement): Promise<string> {
  const { xml } = await moddle().toXML(definitions);
  return xml;
}

/** A process wrapped in definitions with the namespaces the tests need. */
export const definitionsXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:baton="https://baton.dev/schema/bpmn/1.0" id="D" targetNamespace="t">
  <bpmn:process id="P" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
