// A workflow task that Temporal discards after its local work ran (its worker died, its completion
// was refused) must leave nothing in the read model: only what a kept task applied is shown. The
// worker here fails the task that accepted a claim whenever the claim's handler also finished in
// it (test/support/fail-task-after-update.ts). Recording the claim with a local activity inside
// that task wrote it first, so the inbox showed an assignee the ticket never had; recorded after
// the task commits, the claim stands once, as accepted.
import { stages } from '@baton/db';
import { eq } from 'drizzle-orm';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventTypesOf, realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { DEFAULT_NAMESPACE, createTicketWorker } from '../../src/worker.js';
import { workflowIdOf } from '../../src/runtime/temporal.js';
import {
  type RealRig,
  addSupportAgents,
  deploySimpleFlow,
  realRig,
  startSimpleTicket,
  supportAgent,
} from '../support/real-rig.js';
import type { Flow } from '@baton/engine';

const skip = skipWithoutTemporal('workflows/test/real/discarded-task.test.ts');
const FAILING_INTERCEPTORS = fileURLToPath(new URL('../support/fail-task-after-update.ts', import.meta.url));

describe.skipIf(skip)('a discarded workflow task on a real Temporal server', () => {
  let rig: RealRig;
  let flow: Flow;
  let stopWorker: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    const server = realTemporal();
    if (!('address' in server)) throw new Error(server.skipReason);
    // The rig's runtime is a client only; the one worker of its queue injects the failures.
    rig = await realRig(server.address, { runWorker: false, deadlines: { resultMs: 8_000 } });
    const { worker, connection } = await createTicketWorker(
      {
        address: server.address,
        namespace: process.env.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE,
        taskQueue: rig.taskQueue,
      },
      rig.activities,
      { interceptors: { workflowModules: [FAILING_INTERCEPTORS] } },
    );
    const running = worker.run();
    stopWorker = async () => {
      worker.shutdown();
      await running;
      await connection.close();
    };
    flow = await deploySimpleFlow(rig);
    await addSupportAgents(rig, 1);
  }, 120_000);
  afterAll(async () => {
    await stopWorker?.();
    await rig?.close();
  });

  it('shows a claim only once the task that accepted it is kept', { timeout: 60_000 }, async () => {
    const ticketId = `discarded-${process.pid}-${Date.now()}`;
    const taskId = await startSimpleTicket(rig.runtime, flow, ticketId);
    const claimed = await rig.runtime
      .act(ticketId, { type: 'task.claimed', taskId, actor: supportAgent('agent-0') })
      .catch((error: unknown) => ({ ok: false, failure: String(error) }));

    const history = eventTypesOf(
      await rig.runtime['client'].workflow.getHandle(workflowIdOf(ticketId)).fetchHistory(),
    );
    const [stage] = await rig.t.db.select().from(stages).where(eq(stages.ticketId, ticketId));
    const accepted = history.filter((type) => type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED').length;
    // The start is an update too (accepted once); a kept claim is the second.
    const keptClaims = accepted - 1;
    expect(
      { assignee: stage?.assigneeId ?? null, keptClaims },
      `read model vs history (${history.join(' ')})`,
    ).toEqual(keptClaims > 0 ? { assignee: 'agent-0', keptClaims: 1 } : { assignee: null, keptClaims: 0 });
    expect(claimed, 'the claim answers once its step is recorded').toMatchObject({ ok: true });
    expect(history).not.toContain('WORKFLOW_TASK_FAILED');
  });
});
