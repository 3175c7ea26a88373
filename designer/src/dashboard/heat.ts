// How hot a flow element is on the diagram heatmap: the share of its stages (open now or closed
// in the range) that went overdue, in four steps a legend can name.
import { formatDuration } from '../tasks/timeLeft.js';
import type { HeatmapElement } from './reportTypes.js';

export const HEAT_STEPS = [
  { heat: 'cool', label: 'under 5 % overdue', below: 0.05 },
  { heat: 'warm', label: '5–15 % overdue', below: 0.15 },
  { heat: 'hot', label: '15–30 % overdue', below: 0.3 },
  { heat: 'burning', label: '30 % or more overdue', below: Infinity },
] as const;
export type Heat = (typeof HEAT_STEPS)[number]['heat'] | 'idle';

export function heatOf(e: Pick<HeatmapElement, 'openNow' | 'done' | 'overdue'>): Heat {
  const stages = e.openNow + e.done;
  if (stages === 0) return 'idle';
  const share = e.overdue / stages;
  return HEAT_STEPS.find((step) => share < step.below)!.heat;
}

/** The overlay's words: "3 open · p90 4 h · 2 overdue". */
export function heatLabel(e: HeatmapElement): string {
  return [
    `${e.openNow} open`,
    e.p90Ms === null ? 'no p90 yet' : `p90 ${formatDuration(e.p90Ms)}`,
    `${e.overdue} overdue`,
  ].join(' · ');
}
