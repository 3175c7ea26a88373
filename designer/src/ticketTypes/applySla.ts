// "Apply SLA targets to running tickets": running tickets keep the version they started on, so
// the offer is for the latest version while tickets of older ones run, and its confirmation names
// how many tickets the new targets will reach.
export type VersionRunning = { version: number; runningTickets: number };

/** The latest version and the running tickets of older ones; undefined when there is nothing to apply. */
export function slaOffer(
  versions: readonly VersionRunning[],
): { version: number; tickets: number } | undefined {
  if (versions.length === 0) return undefined;
  const latest = Math.max(...versions.map((v) => v.version));
  const tickets = versions.filter((v) => v.version < latest).reduce((sum, v) => sum + v.runningTickets, 0);
  return tickets > 0 ? { version: latest, tickets } : undefined;
}

/** What the confirmation asks before applying. */
export function slaConfirmText(offer: { version: number; tickets: number }): string {
  const tickets = offer.tickets === 1 ? '1 running ticket' : `${offer.tickets} running tickets`;
  return (
    `Apply the SLA targets of v${offer.version} to ${tickets} started on older versions? ` +
    'Their open deadlines are recalculated (time already counted and levels already reached stay); ' +
    'tasks opened later use the new targets.'
  );
}
