import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { expect, it } from 'vitest';

// Proves Temporal's deterministic sandbox accepts every import of the workflow file (the engine,
// @bpmn-io/feelin, the driver): webpack fails on a Node built-in or an unresolvable module.
it('bundles ticketWorkflow for the Temporal sandbox', { timeout: 120_000 }, async () => {
  const { code } = await bundleWorkflowCode({
    workflowsPath: fileURLToPath(new URL('./ticket.ts', import.meta.url)),
    logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
  });
  expect(code).toContain('ticketWorkflow');
  expect(code).toContain('claimTask');
  // The engine's FEEL evaluator made it into the bundle, not just the workflow shell.
  expect(code).toContain('@bpmn-io/feelin');
});
