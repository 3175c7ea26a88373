// The floor of the Temporal bench: the least a workflow can do for "start, one action, done"
// (one Update that is answered at once at the start, one that ends the run). Bundled by the bench.
import { condition, defineUpdate, setHandler } from '@temporalio/workflow';

export const started = defineUpdate<string>('started');
export const act = defineUpdate<string, [string]>('act');

export async function floorWorkflow(): Promise<string> {
  let actions = 0;
  setHandler(started, () => 'ok');
  setHandler(act, (what) => {
    actions += 1;
    return `done ${what}`;
  });
  await condition(() => actions > 0);
  return 'done';
}
