// A clock's ledger as a bar: each stretch (counting, closed, paused) placed by its share of the
// clock's life so far, then, for a running clock, the stretch still left until it is due, and the
// instants extensions were granted as marks. Pure, so the bar component only draws.
import type { SlaExplanation } from '../api/types.js';
import { formatDuration } from './timeLeft.js';

export type BarPiece = {
  kind: 'counting' | 'closed' | 'paused' | 'left';
  /** Position and size in % of the bar. */
  left: number;
  width: number;
  /** What the piece is, for its tooltip and for screen readers. */
  title: string;
};
export type BarMark = { left: number; title: string };
export type LedgerBar = { pieces: BarPiece[]; marks: BarMark[]; from: number; to: number };

const KIND_TITLES: Record<BarPiece['kind'], string> = {
  counting: 'Counted',
  closed: 'Outside business hours, not counted',
  paused: 'On hold, clock stopped',
  left: 'Left until due',
};

export function ledgerBar(
  sla: Pick<SlaExplanation, 'ledger' | 'dueAt' | 'extensions'>,
  span: (from: number, to: number) => string,
  userName: (id: string) => string,
): LedgerBar | undefined {
  const first = sla.ledger[0];
  const last = sla.ledger.at(-1);
  if (first === undefined || last === undefined) return undefined;
  const from = first.from;
  const due = sla.dueAt !== undefined && sla.dueAt > last.to ? sla.dueAt : undefined;
  // A running clock's ledger ends now; its deadline, if later, ends the bar.
  const to = due ?? last.to;
  const length = Math.max(1, to - from);
  const place = (a: number, b: number) => ({
    left: ((a - from) / length) * 100,
    width: ((b - a) / length) * 100,
  });
  const pieces: BarPiece[] = sla.ledger.map((stretch) => ({
    kind: stretch.kind,
    ...place(stretch.from, stretch.to),
    title: `${KIND_TITLES[stretch.kind]}: ${span(stretch.from, stretch.to)} (${formatDuration(stretch.to - stretch.from)})${
      stretch.reason ? ` — ${stretch.reason}` : ''
    }`,
  }));
  if (due !== undefined)
    pieces.push({
      kind: 'left',
      ...place(last.to, due),
      title: `${KIND_TITLES.left}: ${span(last.to, due)}`,
    });
  const marks = sla.extensions
    .filter((e) => e.at >= from && e.at <= to)
    .map((e) => ({
      left: place(from, e.at).width,
      title: `+${formatDuration(e.byMs)} granted by ${userName(e.by)}`,
    }));
  return { pieces, marks, from, to };
}
