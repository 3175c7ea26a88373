// A compiled Flow is what the interpreter runs: compile a small diagram, then drive a ticket
// through it with the public API (user task with SLA, outcome gateway, sub-process, service task).
import { describe, expect, it } from 'vitest';
import { applyEvent, compileFlow, openTasks, startRun, type Effect } from '../src/index.js';
import * as b from './bpmn-builder.js';

const xml = b.bpmn(
  [
    b.start('S'),
    b.userTask('Triage', { sla: 'PT4H', outcomes: 'ok,redo' }),
    b.xor('G'),
    b.subProcess(
      'Sub',
      b.start('SS'),
      b.serviceTask('Call', { activity: 'crm.lookup' }),
      b.end('SE'),
      b.chain('SS', 'Call', 'SE'),
    ),
    b.end('E'),
    b.chain('S', 'Triage', 'G'),
    b.flow('G', 'Sub', 'outcome = "ok"'),
    b.flow('G', 'Triage', 'outcome = "redo"'),
    b.flow('Sub', 'E'),
  ],
  { lanes: [{ department: 'support', nodes: ['Triage', 'G'] }] },
);

describe('compiled flows run in the interpreter', () => {
  it('takes a ticket from start to end', async () => {
    const result = await compileFlow(xml, { activities: ['crm.lookup'] });
    if (!result.ok) expect.fail(JSON.stringify(result.errors));
    const { flow } = result;
    const actor = { userId: 'ana', departments: ['support'], roles: ['agent'] };

    let step = startRun(flow, { ticketId: 'T-1', variables: {} }, 0);
    const [task] = openTasks(step.state);
    expect(task).toMatchObject({
      elementId: 'Triage',
      department: 'support',
      outcomes: ['ok', 'redo'],
      dueAt: 4 * 3_600_000,
    });

    step = applyEvent(
      flow,
      step.state,
      { type: 'task.completed', taskId: task!.taskId, actor, outcome: 'ok' },
      1_000,
    );
    const run = step.effects.find(
      (e): e is Extract<Effect, { type: 'activity.run' }> => e.type === 'activity.run',
    );
    expect(run).toMatchObject({ activity: 'crm.lookup', retries: 3, timeoutMs: 60_000 });

    step = applyEvent(flow, step.state, { type: 'activity.completed', activityId: run!.activityId }, 2_000);
    expect(step.effects).toContainEqual({ type: 'ticket.completed', at: 2_000, outcome: 'done' });
    expect(step.state.status).toBe('done');
  });
});
