// Runs ticketWorkflow's first workflow activation inside Temporal's real deterministic sandbox,
// without a server: the worker's own VMWorkflowCreator loads the bundle that bundleWorkflowCode
// builds, and the test hands it the InitializeWorkflow activation a server would send. The
// workflow really calls startRun (engine, calendars, FEEL) and the driver, and the completion
// shows the commands it asked for.
//
// Why not Worker.runReplayHistory over a one-task history: the replay worker shuts down as soon
// as core runs out of history, which races with that last (new-work) activation; on a loaded CI
// machine it lost the race six times in a row. The VM creator is the same code the worker runs
// activations through, with no race. Its modules are internal to @temporalio/worker (pinned to
// 1.24.0 in package.json), so an SDK upgrade may need this file adjusted.
import { DefaultPayloadConverter } from '@temporalio/common';
import { coresdk } from '@temporalio/proto';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { VMWorkflowCreator } from '@temporalio/worker/lib/workflow/vm.js';
import { parseWorkflowCode } from '@temporalio/worker/lib/worker.js';
import type { WorkflowInfo } from '@temporalio/workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';
// The seeded office calendar (not in @baton/db's exports yet).
import { seededCallCentre } from '../../test/support/seeded-call-centre.js';
import { WORKFLOWS_PATH } from '../worker.js';
import type { TicketWorkflowInput } from './ticket.js';

/** The local activities ticketWorkflow proxies; a real worker registers them. */
const LOCAL_ACTIVITIES = new Set(['recordSteps', 'pickAssignee']);

let creator: VMWorkflowCreator;
beforeAll(async () => {
  const bundle = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: new DefaultLogger('ERROR'),
  });
  creator = await VMWorkflowCreator.create(parseWorkflowCode(bundle.code), 5_000, LOCAL_ACTIVITIES);
}, 120_000);
afterAll(async () => {
  await creator?.destroy();
});

const converter = new DefaultPayloadConverter();
const startedAt = Date.parse('2026-03-02T09:00:00Z');

/** Creates the workflow in the sandbox and runs its first activation, as a worker would. */
async function firstActivation(
  input: unknown,
  workflowId: string,
): Promise<coresdk.workflow_completion.IWorkflowActivationCompletion> {
  const runId = `run-${workflowId}`;
  const info: WorkflowInfo = {
    workflowId,
    runId,
    workflowType: 'ticketWorkflow',
    searchAttributes: {},
    typedSearchAttributes: undefined as never, // unused by ticketWorkflow; the worker fills it
    taskQueue: 'sandbox-test',
    namespace: 'default',
    firstExecutionRunId: runId,
    originalExecutionRunId: runId,
    startTime: new Date(startedAt),
    runStartTime: new Date(startedAt),
    taskTimeoutMs: 10_000,
    attempt: 1,
    historyLength: 3,
    historySize: 0,
    continueAsNewSuggested: false,
    targetWorkerDeploymentVersionChanged: false,
    suggestedContinueAsNewReasons: [],
    currentBuildId: '',
    unsafe: {
      now: () => startedAt,
      isReplaying: false,
      isReplayingHistoryEvents: false,
      random: Math.random,
    },
  } as unknown as WorkflowInfo; // the test builds only the fields a worker derives from the activation
  const workflow = await creator.createWorkflow({
    info,
    randomnessSeed: [1, 2, 3, 4, 5, 6, 7, 8],
    now: startedAt,
    showStackTraceSources: false,
  });
  try {
    const timestamp = { seconds: startedAt / 1000, nanos: 0 };
    // fromObject turns the plain numbers into the Long values the worker gets from core.
    const activation = coresdk.workflow_activation.WorkflowActivation.fromObject({
      runId,
      timestamp,
      isReplaying: false,
      historyLength: 3,
      jobs: [
        {
          initializeWorkflow: {
            workflowType: 'ticketWorkflow',
            workflowId,
            arguments: [converter.toPayload(input)],
            randomnessSeed: 1,
            firstExecutionRunId: runId,
            attempt: 1,
            startTime: timestamp,
            workflowTaskTimeout: { seconds: 10 },
          },
        },
      ],
    });
    return await workflow.activate(activation);
  } finally {
    await workflow.dispose();
  }
}

const ticket = {
  ticketId: 'sb-1',
  typeId: 'call-centre',
  flowVersionId: 'fv_call-centre_1',
  variables: { category: 'fault' },
};

it(
  'starts the seeded call-centre run in the sandbox and reaches the first assignment',
  { timeout: 60_000 },
  async () => {
    const input: TicketWorkflowInput = { flow: await seededCallCentre(), ticket };
    const completion = await firstActivation(input, 'ticket-sb-1');
    expect(completion.failed).toBeFalsy();
    // A new ticket records that its conditions raise incidents (the patch marker, see ticket.ts);
    // then the engine's startRun ran (it opened the round-robin dispatch task) and the driver asked
    // for an assignee: the activation ends waiting on that one local activity.
    const commands = completion.successful?.commands ?? [];
    expect(commands.map((c) => c.setPatchMarker?.patchId ?? c.scheduleLocalActivity?.activityType)).toEqual([
      'engine-2026-condition-incidents',
      'pickAssignee',
    ]);
  },
);

it(
  'surfaces an engine failure inside the sandbox (the check above can fail)',
  { timeout: 60_000 },
  async () => {
    const broken = {
      flow: {
        schemaVersion: 1,
        id: 'broken',
        nodes: {},
        flows: {},
        departments: [],
        entryTasks: {},
        calendars: {},
      },
      ticket,
    };
    const completion = await firstActivation(broken, 'ticket-sb-2');
    expect(completion.successful).toBeFalsy();
    expect(completion.failed?.failure?.stackTrace).toContain('startRun');
  },
);
