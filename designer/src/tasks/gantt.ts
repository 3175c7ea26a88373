// Lays out a ticket's stage Gantt: one row per stage, x from the first entry to the last close
// (or now, for stages still open), and axis ticks on round steps. Pure, so the SVG component
// only draws and the geometry is unit-tested.
import type { SlaLevel, Stage } from '../api/types.js';

/** What the layout reads of a stage (its time on hold, where the read model knows it). */
export type GanttStage = Pick<
  Stage,
  'taskId' | 'name' | 'department' | 'enteredAt' | 'closedAt' | 'slaLevel'
> &
  Partial<Pick<Stage, 'heldMs' | 'heldSince'>>;

export type GanttBar = {
  taskId: string;
  name: string;
  department: string;
  level: SlaLevel;
  open: boolean;
  x: number;
  y: number;
  width: number;
  /** Time on hold (waiting on the customer) so far, the hold in progress up to now included. */
  heldMs: number;
  /** The hold in progress of an open stage, shaded on its bar. */
  hold: { x: number; width: number } | null;
};

export type GanttLayout = {
  bars: GanttBar[];
  ticks: { x: number; at: number }[];
  /** Where the "now" line goes, when an open stage reaches it. */
  nowX: number | null;
  width: number;
  height: number;
};

export type GanttSize = { width: number; labelWidth: number; rowHeight: number; axisHeight: number };

export const GANTT_SIZE: GanttSize = { width: 1050, labelWidth: 170, rowHeight: 26, axisHeight: 24 };

const MIN = 60_000;
const TICK_STEPS = [1, 5, 15, 30, 60, 120, 360, 720, 1440, 2880, 10080].map((m) => m * MIN);
const MAX_TICKS = 6;
/** Bars never thinner than this, so a stage closed at once still shows. */
const MIN_BAR = 3;

export function layoutGantt(stages: GanttStage[], now: number, size: GanttSize = GANTT_SIZE): GanttLayout {
  const spans = stages.map((s) => ({
    stage: s,
    from: Date.parse(s.enteredAt),
    to: s.closedAt ? Date.parse(s.closedAt) : now,
  }));
  const first = Math.min(...spans.map((s) => s.from));
  // At least a minute wide, so a ticket opened a second ago still gets an axis.
  const last = Math.max(first + MIN, ...spans.map((s) => s.to));
  const step = TICK_STEPS.find((s) => (last - first) / s <= MAX_TICKS) ?? TICK_STEPS.at(-1)!;
  // The axis runs from tick to tick, so both ends carry a label.
  const start = Math.floor(first / step) * step;
  const end = Math.ceil(last / step) * step;
  const plot = size.width - size.labelWidth;
  const xOf = (t: number) => size.labelWidth + ((t - start) / (end - start)) * plot;

  const bars = spans.map(({ stage, from, to }, i) => {
    const since = stage.closedAt === null && stage.heldSince ? Date.parse(stage.heldSince) : undefined;
    return {
      taskId: stage.taskId,
      name: stage.name,
      department: stage.department ?? '—',
      level: stage.slaLevel,
      open: stage.closedAt === null,
      x: xOf(from),
      y: size.axisHeight + i * size.rowHeight,
      width: Math.max(MIN_BAR, xOf(to) - xOf(from)),
      heldMs: (stage.heldMs ?? 0) + (since === undefined ? 0 : Math.max(0, now - since)),
      hold: since === undefined ? null : { x: xOf(since), width: Math.max(0, xOf(to) - xOf(since)) },
    };
  });

  const ticks: GanttLayout['ticks'] = [];
  for (let t = start; t <= end; t += step) ticks.push({ x: xOf(t), at: t });

  return {
    bars,
    ticks,
    nowX: spans.some((s) => s.stage.closedAt === null) ? xOf(now) : null,
    width: size.width,
    height: size.axisHeight + Math.max(1, stages.length) * size.rowHeight,
  };
}
