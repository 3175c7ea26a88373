// For test files that exercise no ticket behaviour (auth, reports over inserted stages): a runtime
// that answers health questions and refuses any ticket operation, so an unexpected call fails loudly.
import type { EngineRuntime } from '../src/runtime.js';

const unused = (what: string) => () => Promise.reject(new Error(`${what} is not used by this test file`));

export const idleRuntime = (): EngineRuntime => ({
  mode: 'in-memory',
  durable: false,
  startTicket: unused('startTicket'),
  act: unused('act'),
  sendMessage: unused('sendMessage'),
  readState: unused('readState'),
  cancel: unused('cancel'),
  close: () => Promise.resolve(),
});
