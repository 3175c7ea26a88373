// What temporal-global-setup.ts provides to the test files (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** host:port of the Temporal frontend the real-server suites use, or '' when there is none. */
    temporalAddress: string;
    /** Why there is no server ('' when there is one). */
    temporalSkipReason: string;
  }
}

export {};
