// bpmn-moddle 10 ships types for its model (`bpmn-moddle/types`) but none for its entry point.
// This declares the small surface Baton uses; elements stay loosely typed (`ModdleElement`)
// because their shape depends on the BPMN type, which the compiler checks through `$type`.
declare module 'bpmn-moddle' {
  export type ModdleElement = {
    $type: string;
    $attrs?: Record<string, string>;
    $parent?: ModdleElement;
    id?: string;
    name?: string;
    get(name: string): unknown;
    // Attribute access depends on $type; callers narrow what they read.
    [property: string]: unknown;
  };

  export type ParseResult = {
    rootElement: ModdleElement;
    warnings: { message: string; element?: unknown; property?: unknown }[];
    elementsById: Record<string, ModdleElement>;
  };

  export type Moddle = {
    fromXML(xml: string, typeName?: string, options?: Record<string, unknown>): Promise<ParseResult>;
  };

  export function BpmnModdle(packages?: Record<string, unknown>, options?: Record<string, unknown>): Moddle;
}
