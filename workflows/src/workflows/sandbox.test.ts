// Runs ticketWorkflow's first workflow task inside Temporal's real deterministic sandbox, without
// a server: Worker.runReplayHistory over a one-task history (started, task scheduled, task
// started). That last task is executed as new work, so the workflow really calls startRun (engine,
// calendars, FEEL) and the driver, and stops at its first local activity, which a replay worker
// cannot run. Failures of that task are only logged by core: the test reads the forwarded log.
import { readFileSync } from 'node:fs';
import { compileFlow } from '@baton/engine';
import { DefaultPayloadConverter } from '@temporalio/common';
import {
  DefaultLogger,
  Runtime,
  Worker,
  bundleWorkflowCode,
  makeTelemetryFilterString,
} from '@temporalio/worker';
import { beforeAll, expect, it } from 'vitest';
// The seeded office calendar (not in @baton/db's exports yet).
import { SEED_CALENDARS } from '@baton/db';
import { WORKFLOWS_PATH } from '../worker.js';
import type { TicketWorkflowInput } from './ticket.js';

const logged: string[] = [];
Runtime.install({
  logger: new DefaultLogger('WARN', (entry) =>
    logged.push(`${entry.message} ${JSON.stringify(entry.meta ?? {})}`),
  ),
  telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} } },
});

let workflowBundle: { code: string };
beforeAll(async () => {
  workflowBundle = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    logger: new DefaultLogger('ERROR'),
  });
}, 120_000);

const converter = new DefaultPayloadConverter();
function oneTaskHistory(input: unknown, runId: string) {
  const eventTime = { seconds: Date.parse('2026-03-02T01:00:00Z') / 1000, nanos: 0 };
  const taskQueue = { name: 'sandbox-test' };
  return {
    events: [
      {
        eventId: 1,
        eventTime,
        eventType: 1, // WORKFLOW_EXECUTION_STARTED
        workflowExecutionStartedEventAttributes: {
          workflowType: { name: 'ticketWorkflow' },
          taskQueue,
          input: { payloads: [converter.toPayload(input)] },
          workflowTaskTimeout: { seconds: 10 },
          originalExecutionRunId: runId,
          firstExecutionRunId: runId,
          attempt: 1,
        },
      },
      {
        eventId: 2,
        eventTime,
        eventType: 5,
        workflowTaskScheduledEventAttributes: { taskQueue, startToCloseTimeout: { seconds: 10 }, attempt: 1 },
      },
      { eventId: 3, eventTime, eventType: 6, workflowTaskStartedEventAttributes: { scheduledEventId: 2 } },
    ],
  };
}

/**
 * The replay worker stops once the history is consumed, sometimes before that last activation has
 * run (under load): then nothing is logged and the replay is tried again under a fresh run id.
 */
async function firstTaskFailure(input: unknown, workflowId: string): Promise<string> {
  for (let attempt = 1; attempt <= 6; attempt++) {
    const before = logged.length;
    await Worker.runReplayHistory(
      { workflowBundle },
      oneTaskHistory(input, `run-${workflowId}-${attempt}`),
      workflowId,
    );
    // Core forwards its log lines in periodic batches.
    for (let i = 0; i < 80; i++) {
      const failure = logged.slice(before).find((l) => l.includes('Failing workflow task'));
      if (failure) return failure;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return '(no workflow task failure logged in 6 replays)';
}

async function seededCallCentre() {
  const xml = readFileSync(new URL('../../../db/src/seed/flows/call-centre.bpmn', import.meta.url), 'utf8');
  const compiled = await compileFlow(xml, {
    calendars: Object.fromEntries(SEED_CALENDARS.map((c) => [c.key, c.spec])),
  });
  if (!compiled.ok) throw new Error(`seed flow does not compile: ${JSON.stringify(compiled.errors)}`);
  return compiled.flow;
}

const ticket = {
  ticketId: 'sb-1',
  typeId: 'call-centre',
  flowVersionId: 'fv_call-centre_1',
  variables: { category: 'fault' },
};

it(
  'starts the seeded call-centre run in the sandbox and reaches the first assignment',
  { timeout: 180_000 },
  async () => {
    const input: TicketWorkflowInput = { flow: await seededCallCentre(), ticket };
    const failure = await firstTaskFailure(input, 'ticket-sb-1');
    // The engine's startRun ran (it opened the round-robin dispatch task); the driver asked for an
    // assignee, the first thing a replay worker cannot do.
    expect(failure).toContain("Local activity of type 'pickAssignee' not registered on worker");
    expect(failure).toContain('driver.ts');
  },
);

it(
  'surfaces an engine failure inside the sandbox (the check above can fail)',
  { timeout: 180_000 },
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
    const failure = await firstTaskFailure(broken, 'ticket-sb-2');
    expect(failure).not.toContain('pickAssignee');
    expect(failure).toContain('startRun');
  },
);
