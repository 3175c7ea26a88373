// Typed reads from bpmn-moddle's loosely typed elements. The compiler reads foreign files from
// every modelling tool, so nothing here assumes a property has the type BPMN says it has.
import type { ModdleElement } from 'bpmn-moddle';

export type { ModdleElement };

export const isElement = (value: unknown): value is ModdleElement =>
  typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string';

/**
 * An attribute or child as written in the XML. moddle stores what the document sets as own
 * properties; reading an unset one walks moddle's prototype chain, which in big flows cost more
 * than the rest of the compiler (every unset default reads as undefined here instead).
 */
export function prop(el: ModdleElement | undefined, property: string): unknown {
  return el !== undefined && Object.hasOwn(el, property) ? el[property] : undefined;
}

export function elements(parent: ModdleElement | undefined, property: string): ModdleElement[] {
  const value = prop(parent, property);
  return Array.isArray(value) ? value.filter(isElement) : [];
}

export function element(parent: ModdleElement | undefined, property: string): ModdleElement | undefined {
  const value = prop(parent, property);
  return isElement(value) ? value : undefined;
}

/** A trimmed string attribute; empty counts as absent. */
export function text(parent: ModdleElement | undefined, property: string): string | undefined {
  const value = prop(parent, property);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

export const idOf = (el: ModdleElement | undefined): string =>
  typeof el?.id === 'string' ? el.id : '(no id)';

/** `bpmn:ComplexGateway 'Gateway_1'`, the way every diagnostic names an element. */
export const describe = (el: ModdleElement): string => `${el.$type} '${idOf(el)}'`;

/** The body of a bpmn:Expression / bpmn:FormalExpression child (e.g. a condition or a timer). */
export function expressionBody(parent: ModdleElement | undefined, property: string): string | undefined {
  return text(element(parent, property), 'body');
}
