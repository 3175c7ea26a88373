// A runtime for an app that must never run a ticket (describing the API offline, test files about
// auth or reports): it answers health questions and refuses every ticket operation, so an
// unexpected call fails loudly instead of reaching an engine.
import type { EngineRuntime } from './runtime.js';

export const refusingRuntime = (purpose: string): EngineRuntime => {
  const refuse = (operation: string) => () =>
    Promise.reject(new Error(`${operation} is not used ${purpose}`));
  return {
    mode: 'in-memory',
    durable: false,
    startTicket: refuse('startTicket'),
    act: refuse('act'),
    sendMessage: refuse('sendMessage'),
    readState: refuse('readState'),
    cancel: refuse('cancel'),
    reopen: refuse('reopen'),
    closeLost: refuse('closeLost'),
    close: () => Promise.resolve(),
  };
};
