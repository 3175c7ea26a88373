// bpmn-js-properties-panel and @bpmn-io/properties-panel ship no TypeScript types; these
// declarations cover exactly what the designer uses.
declare module '@bpmn-io/properties-panel' {
  import type { ComponentType } from '@bpmn-io/properties-panel/preact';

  // Structural: the panel hands entries the diagram-js element it shows.
  type Element = { id: string; type: string; businessObject: unknown };
  type BaseEntryProps<V> = {
    id: string;
    element: Element;
    label: string;
    description?: string;
    tooltip?: string;
    disabled?: boolean;
    getValue: (element: Element) => V;
    setValue: (value: V, error?: string | null) => void;
  };
  export type TextFieldEntryProps = BaseEntryProps<string> & {
    debounce: (fn: (...args: unknown[]) => void) => (...args: unknown[]) => void;
    validate?: (value: string) => string | null | undefined;
    placeholder?: string;
  };
  export type SelectOption = { value: string; label: string; disabled?: boolean };
  export type SelectEntryProps = BaseEntryProps<string> & {
    getOptions: (element: Element) => SelectOption[];
    validate?: (value: string) => string | null | undefined;
  };
  export type CheckboxEntryProps = BaseEntryProps<boolean>;

  export const TextFieldEntry: ComponentType<TextFieldEntryProps>;
  export const SelectEntry: ComponentType<SelectEntryProps>;
  export const CheckboxEntry: ComponentType<CheckboxEntryProps>;
  export function isTextFieldEntryEdited(node: HTMLElement | null): boolean;
  export function isSelectEntryEdited(node: HTMLElement | null): boolean;
  export function isCheckboxEntryEdited(node: HTMLElement | null): boolean;
}

declare module 'bpmn-js-properties-panel' {
  import type { DiagramOptions } from 'diagram-js/lib/Diagram';
  type ModuleDeclaration = NonNullable<DiagramOptions['modules']>[number];
  export const BpmnPropertiesPanelModule: ModuleDeclaration;
  export const BpmnPropertiesProviderModule: ModuleDeclaration;
  export function useService<T = unknown>(name: string, strict?: boolean): T;
}
