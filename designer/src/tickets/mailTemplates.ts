// Mail templates in the designer: pure helpers behind the template editor and the reply form.
import { slugify } from '../ticketTypes/fields.js';

/** A template's key from its name (the API's slug), until the person types their own. */
export const templateKeyFrom = (name: string): string => slugify(name);

/** The placeholders a ticket type offers: the API's list, then one per custom field. */
export function placeholdersOf(
  described: Record<string, string>,
  fields: readonly { key: string; label: string }[],
): { name: string; description: string }[] {
  return [
    ...Object.entries(described).map(([name, description]) => ({ name, description })),
    ...fields.map((field) => ({ name: `fields.${field.key}`, description: `The ticket's ${field.label}` })),
  ];
}

/**
 * `{{name}}` put where the caret is (replacing a selection), and where the caret goes after it,
 * so a person can click placeholders in one after another.
 */
export function insertPlaceholder(
  text: string,
  selection: { start: number; end: number },
  name: string,
): { text: string; caret: number } {
  const token = `{{${name}}}`;
  const start = Math.max(0, Math.min(selection.start, text.length));
  const end = Math.max(start, Math.min(selection.end, text.length));
  return { text: text.slice(0, start) + token + text.slice(end), caret: start + token.length };
}

/** Whether choosing a template would throw away words the agent already typed. */
export const wouldDiscard = (reply: string, template: string): boolean =>
  reply.trim() !== '' && reply.trim() !== template.trim();
