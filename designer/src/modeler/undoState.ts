// Undo/redo availability as a diagram-js module: after every command and import it fires
// `baton.undo.changed`, so toolbars enable their buttons without asking the command stack.
import { fireBaton } from './batonEvents.js';
import type { CommandStack, EventBus } from './bpmnTypes.js';

export class UndoState {
  static $inject = ['eventBus', 'commandStack'];

  constructor(eventBus: EventBus, commandStack: CommandStack) {
    // An import clears the stack without a commandStack.changed.
    const report = () => {
      fireBaton(eventBus, 'baton.undo.changed', {
        canUndo: commandStack.canUndo(),
        canRedo: commandStack.canRedo(),
      });
    };
    eventBus.on('commandStack.changed', report);
    eventBus.on('import.done', report);
  }
}

export const UndoStateModule = {
  __init__: ['batonUndoState'],
  batonUndoState: ['type', UndoState],
};
