// A key derived from a label (a field key from its label, a department key from its name) while
// the person has not typed a key of their own; once they have, the label no longer touches it.
// Clearing the key hands it back to the label.

export type DerivedKey = { key: string; /** The key is the person's own, not derived. */ keyTyped: boolean };

/** The key after the label changed. */
export const keyForLabel = (
  current: DerivedKey,
  label: string,
  derive: (label: string) => string,
): DerivedKey => (current.keyTyped ? current : { key: derive(label), keyTyped: false });

/** The key after the person typed in the key input. */
export const keyTypedAs = (key: string, label: string, derive: (label: string) => string): DerivedKey =>
  key === '' ? { key: derive(label), keyTyped: false } : { key, keyTyped: true };

/**
 * On focus of a key input: select a derived key, so what the person types replaces it instead of
 * being appended to it (clicking into the box places the caret, which Tab does not).
 */
export function selectIfDerived(event: FocusEvent, current: DerivedKey): void {
  if (!current.keyTyped && event.target instanceof HTMLInputElement) event.target.select();
}
