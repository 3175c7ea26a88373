import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { expect, it } from 'vitest';

// Proves Temporal's deterministic sandbox accepts every import of the workflow file (the engine's
// run-time part, @bpmn-io/feelin, the run loop): webpack fails on a Node built-in or an
// unresolvable module. Every cached ticket keeps its own copy of the bundle's modules, so the
// compiler and bpmn-moddle, which only deploys need, must stay out of it.
it(
  'bundles ticketWorkflow for the Temporal sandbox with the engine run-time only',
  { timeout: 120_000 },
  async () => {
    const { code } = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./ticket.ts', import.meta.url)),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    });
    expect(code).toContain('ticketWorkflow');
    expect(code).toContain('claimTask');
    // The engine's FEEL evaluator made it into the bundle, not just the workflow shell.
    expect(code).toContain('@bpmn-io/feelin');
    // Module ids webpack gives the bundle's files: none of the compiler's, none of bpmn-moddle's.
    expect(code).not.toMatch(/node_modules\/bpmn-moddle\//);
    expect(code).not.toMatch(/engine\/src\/compiler\//);
    console.log(`[bundle] ticketWorkflow bundle: ${(code.length / 1024 / 1024).toFixed(2)} MiB`);
  },
);
