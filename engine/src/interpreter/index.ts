// PLACEHOLDER until the interpreter lands.
import type { Flow, RunEvent, RunInput, RunState, SlaClock, Step, TaskView } from '../types.js';

export function startRun(_flow: Flow, _input: RunInput, _now: number): Step {
  throw new Error('interpreter not built yet');
}
export function applyEvent(_flow: Flow, _state: RunState, _event: RunEvent, _now: number): Step {
  throw new Error('interpreter not built yet');
}
export function openTasks(_state: RunState): TaskView[] {
  throw new Error('interpreter not built yet');
}

/** Why an SLA clock's deadlines are where they are: business segments counted, pauses, extensions. */
export type SlaExplanation = {
  targetMs: number;
  calendar?: string;
  dueAt?: number;
  consumedMs: number;
  remainingMs: number;
  segments: { from: number; to: number }[];
  pauses: { from: number; to?: number; reason: string }[];
  extensions: { at: number; byMs: number; by: string }[];
};

export function explainSla(_flow: Flow, _clock: SlaClock, _now: number): SlaExplanation {
  throw new Error('interpreter not built yet');
}
