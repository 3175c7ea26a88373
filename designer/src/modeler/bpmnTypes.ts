// The slice of bpmn-js / diagram-js / moddle the designer touches, typed narrowly so the rest of
// the code reads plainly. The libraries' own classes satisfy these shapes.

/** A bpmn-moddle element (business object or a nested one such as a FormalExpression). */
export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $parent?: ModdleElement;
  $attrs?: Record<string, string>;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  [key: string]: unknown;
}

export interface DiagramElement {
  id: string;
  type: string;
  businessObject: ModdleElement;
  labelTarget?: DiagramElement;
  waypoints?: unknown[];
  host?: DiagramElement;
  /** A connection's ends. */
  source?: DiagramElement;
  target?: DiagramElement;
}

export interface Canvas {
  addMarker(element: DiagramElement | string, marker: string): void;
  removeMarker(element: DiagramElement | string, marker: string): void;
  scrollToElement(element: DiagramElement | string, padding?: number): void;
  zoom(level?: number | 'fit-viewport', center?: 'auto' | { x: number; y: number }): number;
  getRootElement(): DiagramElement;
  scroll(delta: { dx: number; dy: number }): void;
  viewbox(box?: { x: number; y: number; width: number; height: number }): {
    x: number;
    y: number;
    width: number;
    height: number;
    scale: number;
    inner: { x: number; y: number; width: number; height: number };
    outer: { width: number; height: number };
  };
}

export interface Overlays {
  add(
    element: DiagramElement | string,
    type: string,
    overlay: {
      position: Record<string, number>;
      html: HTMLElement | string;
      show?: { minZoom?: number };
      /** false: keep the overlay's size at any zoom. */
      scale?: boolean | { min?: number; max?: number };
    },
  ): string;
  remove(filter: { type?: string; element?: DiagramElement | string } | string): void;
}

export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  getAll(): DiagramElement[];
  filter(fn: (element: DiagramElement) => boolean): DiagramElement[];
}

export interface Selection {
  select(element: DiagramElement | DiagramElement[] | null): void;
  get(): DiagramElement[];
}

export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(
    element: DiagramElement,
    moddleElement: ModdleElement,
    properties: Record<string, unknown>,
  ): void;
}

export interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): ModdleElement;
}

export interface CommandStack {
  canUndo(): boolean;
  canRedo(): boolean;
  undo(): void;
  redo(): void;
  execute(command: string, context: unknown): void;
}

export interface EventBus {
  on(event: string, callback: (event: unknown) => void): void;
  on(event: string, priority: number, callback: (event: unknown) => void): void;
  off(event: string, callback: (event: unknown) => void): void;
  fire(event: string, data?: object): unknown;
}

/** The modeler itself, as diagram-js services receive it (`bpmnjs`). */
export interface XmlSource {
  saveXML(options?: { format?: boolean }): Promise<{ xml?: string }>;
}

/** The services a caller may `get` from a modeler, by name. */
export type ServiceGetter = <T>(name: string) => T;
