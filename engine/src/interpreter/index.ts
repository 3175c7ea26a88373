// PLACEHOLDER until the interpreter lands.
import type { Flow, RunEvent, RunInput, RunState, Step, TaskView } from '../types.js';

export function startRun(_flow: Flow, _input: RunInput, _now: number): Step {
  throw new Error('interpreter not built yet');
}
export function applyEvent(_flow: Flow, _state: RunState, _event: RunEvent, _now: number): Step {
  throw new Error('interpreter not built yet');
}
export function openTasks(_state: RunState): TaskView[] {
  throw new Error('interpreter not built yet');
}
