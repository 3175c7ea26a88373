// The inbox's keyboard model: which row is selected after a key, kept inside the list.

export type ListKeyAction = 'next' | 'previous' | 'open' | 'claim';

/** The action a key press means in a list, or undefined for keys the list leaves alone. */
export function listKeyAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const actions: Record<string, ListKeyAction> = {
    j: 'next',
    ArrowDown: 'next',
    k: 'previous',
    ArrowUp: 'previous',
    Enter: 'open',
    c: 'claim',
  };
  return actions[event.key];
}

/** The selected index after moving by `step`, clamped to the list (-1 for an empty list). */
export function moveSelection(index: number, step: number, length: number): number {
  if (length === 0) return -1;
  return Math.min(length - 1, Math.max(0, index + step));
}
