// Replays the histories of real runs (test/histories, recorded by scripts/record-histories.ts)
// against the current workflow code: a change that would make running tickets nondeterministic
// fails here, in every CI run, before it reaches a worker. Needs no server.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { SHARED_WORKFLOW_MODULES, WORKFLOWS_PATH } from '../src/worker.js';

const DIR = fileURLToPath(new URL('./histories/', import.meta.url));
const UNGUARDED = fileURLToPath(new URL('./support/nondeterministic-ticket.ts', import.meta.url));

type Stored = { about: string; workflowId: string; history: unknown };
const stored = readdirSync(DIR)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, ...(JSON.parse(readFileSync(`${DIR}${name}`, 'utf8')) as Stored) }));

const histories = () =>
  stored.map(({ workflowId, history }) => ({ workflowId, history: historyFromJSON(history) }));

async function replay(workflowsPath: string) {
  const results: { workflowId: string; error?: unknown }[] = [];
  // The bundle as production workers build it (engine modules shared).
  const options = { workflowsPath, bundlerOptions: { preloadModules: SHARED_WORKFLOW_MODULES } };
  for await (const result of Worker.runReplayHistories(options, histories())) results.push(result);
  return results;
}

describe('replaying stored histories', () => {
  it('has the histories of every shape a ticket takes', () => {
    expect(stored.map((s) => s.name)).toEqual([
      'activity-failed.json',
      'cancelled-by-agent.json',
      'cancelled-in-temporal.json',
      'completed-call-centre.json',
      'continued-as-new.json',
      'continued-run.json',
      'mid-timer.json',
    ]);
  });

  it('replays every one against the current workflow code without nondeterminism', async () => {
    const results = await replay(WORKFLOWS_PATH);
    expect(results.map((r) => [r.workflowId, r.error ? String(r.error) : 'ok'])).toEqual(
      stored.map((s) => [s.workflowId, 'ok']),
    );
  }, 120_000);

  it('fails for an unguarded change to the workflow (the check can fail)', async () => {
    const results = await replay(UNGUARDED);
    const failed = results.filter((r) => r.error);
    expect(failed.length).toBe(results.length);
    expect(String(failed[0]!.error)).toMatch(/[Nn]ondetermin/);
  }, 120_000);
});
