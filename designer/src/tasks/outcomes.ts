// Outcomes in words. A flow's `baton:outcomes` lists keys only (`resolved-on-call`); the compiled
// flow carries no labels, so agents read the key humanised: "Resolved on call".

export function outcomeLabel(key: string): string {
  const words = key
    .replace(/[-_.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}
