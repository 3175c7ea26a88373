// Which waiting shares are far above their peers': the way a clock gets gamed is putting tickets
// on hold (waiting on the customer) so the SLA clock stops. A share is flagged when it is at least
// twice the peers' median and at least 15 points above it, over enough stages to mean something.
// The median of the OTHERS, so one extreme member cannot hide itself by pulling the median up.

/** Fewer closed stages than this say too little to flag anyone. */
export const MIN_STAGES_FOR_OUTLIER = 5;
const MIN_RATIO = 2;
const MIN_POINTS_ABOVE = 0.15;

export type WaitingShare = { stages: number; share: number | null };

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** For each member (same order), whether its share is an outlier among the others. */
export function waitingOutliers(members: readonly WaitingShare[]): boolean[] {
  return members.map((member, index) => {
    if (member.share === null || member.stages < MIN_STAGES_FOR_OUTLIER) return false;
    const peers = members
      .filter((other, j) => j !== index && other.share !== null && other.stages >= MIN_STAGES_FOR_OUTLIER)
      .map((other) => other.share as number);
    const typical = median(peers);
    if (typical === undefined) return false;
    return member.share >= typical * MIN_RATIO && member.share - typical >= MIN_POINTS_ABOVE;
  });
}
