import { describe, expect, it } from 'vitest';
import { openTasks } from './index.js';
import { agent } from './testing/actors.js';
import { drive, ofType } from './testing/drive.js';
import { after, flowBuilder } from './testing/flow-builder.js';

const T0 = Date.UTC(2026, 0, 5, 9);
const ann = agent('ann', 'support');

describe('service task', () => {
  const flow = flowBuilder('svc')
    .start('s')
    .serviceTask('lookup', 'crm.lookup', {
      inputs: [
        { name: 'customer', expression: 'customerId' },
        { name: 'vip', expression: 'tier = "gold"' },
      ],
      retries: 5,
      timeoutMs: 10_000,
    })
    .exclusive('ok')
    .userTask('handle', { department: 'support' })
    .userTask('manual', { department: 'support' })
    .end('e')
    .path('s', 'lookup', 'ok')
    .flow('ok', 'manual', { condition: 'error != null' })
    .flow('ok', 'handle', { isDefault: true })
    .path('handle', 'e')
    .path('manual', 'e')
    .build();
  const input = { ticketId: 'T', variables: { customerId: 'c-7', tier: 'gold' } };

  it('asks the runtime to run the activity with evaluated inputs', () => {
    const { start } = drive(flow, input, T0, []);
    expect(start.effects).toEqual([
      {
        type: 'activity.run',
        activityId: 'a1',
        activity: 'crm.lookup',
        input: { customer: 'c-7', vip: true },
        retries: 5,
        timeoutMs: 10_000,
      },
    ]);
  });

  it('merges the result into the variables and continues', () => {
    const { state } = drive(flow, input, T0, [
      { at: T0 + 1, event: { type: 'activity.completed', activityId: 'a1', result: { name: 'Ada' } } },
    ]);
    expect(state.variables.name).toBe('Ada');
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['handle']);
  });

  it('on failure sets `error` and leaves by the flows that test it', () => {
    const { steps, state } = drive(flow, input, T0, [
      { at: T0 + 1, event: { type: 'activity.failed', activityId: 'a1', error: 'CRM down' } },
      { at: T0 + 2, event: { type: 'activity.completed', activityId: 'a1' } },
    ]);
    expect(state.variables.error).toEqual({ activity: 'crm.lookup', message: 'CRM down' });
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['manual']);
    expect(steps[1]!.rejected).toMatch(/^unknown-activity/);
  });

  it('an interrupting boundary timer abandons the activity', () => {
    const guarded = flowBuilder('g')
      .start('s')
      .serviceTask('slow', 'x.slow')
      .boundary('tooSlow', 'slow', after(60_000))
      .end('e')
      .userTask('fallback', { department: 'support' })
      .path('s', 'slow', 'e')
      .path('tooSlow', 'fallback')
      .build();
    const { steps, state } = drive(guarded, { ticketId: 'T', variables: {} }, T0, [
      { at: T0 + 60_000, event: { type: 'timer.fired', timerId: 'boundary:a1:tooSlow' } },
      { at: T0 + 60_001, event: { type: 'activity.completed', activityId: 'a1' } },
    ]);
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['fallback']);
    expect(steps[1]!.rejected).toMatch(/^unknown-activity/);
  });
});

describe('send task', () => {
  it('notifies the symbolic recipients of the last closed task and continues', () => {
    const flow = flowBuilder('send')
      .start('s')
      .userTask('work', { department: 'support' })
      .sendTask('tell', ['assignee', 'lead', 'manager', 'group:billing', 'customer'], 'ticket.resolved')
      .end('e')
      .path('s', 'work', 'tell', 'e')
      .build();
    const { steps, state } = drive(flow, { ticketId: 'T', variables: {} }, T0, [
      { at: T0 + 1, event: { type: 'task.claimed', taskId: 't1', actor: ann } },
      { at: T0 + 2, event: { type: 'task.completed', taskId: 't1', actor: ann } },
    ]);
    expect(ofType(steps[1]!.effects, 'notify')).toEqual([
      {
        type: 'notify',
        to: ['user:ann', 'lead:support', 'role:manager', 'group:billing', 'customer'],
        template: 'ticket.resolved',
        taskId: 't1',
      },
    ]);
    expect(state.status).toBe('done');
  });
});

describe('message catch', () => {
  it('waits for the message by name and merges its data', () => {
    const flow = flowBuilder('m')
      .start('s')
      .catchEvent('reply', { message: 'customer-reply' })
      .userTask('read', { department: 'support' })
      .path('s', 'reply', 'read')
      .build();
    const { steps, state } = drive(flow, { ticketId: 'T', variables: {} }, T0, [
      { at: T0 + 1, event: { type: 'message.received', name: 'other' } },
      { at: T0 + 2, event: { type: 'message.received', name: 'customer-reply', data: { body: 'thanks' } } },
    ]);
    expect(steps[0]!.rejected).toMatch(/^conflict/);
    expect(state.variables.body).toBe('thanks');
    expect(openTasks(state).map((t) => t.elementId)).toEqual(['read']);
  });
});
