// The webhook events a recorded step is: a reopen tells subscribers who reopened the ticket and
// why; the stage it reopened at is a stage change like any other.
import { describe, expect, it } from 'vitest';
import type { RecordStepInput } from '../workflows/records.js';
import { webhookEventsOfStep } from './events.js';

const AT = Date.parse('2026-03-16T10:00:00Z');

const reopenStep = (actorId: string): RecordStepInput => ({
  ticketId: 'tk-1',
  seq: 7,
  at: AT,
  status: 'in_progress',
  slaLevel: 'ok',
  stages: [
    {
      taskId: 't3',
      elementId: 'Task_Triage',
      name: 'Triage',
      department: 'support',
      openedAt: AT,
      slaLevel: 'ok',
    },
  ],
  timeline: [
    { type: 'ticket.reopened', at: AT, actorId, data: { reason: 'still broken' } },
    { type: 'stage.opened', at: AT, taskId: 't3', data: { elementId: 'Task_Triage', department: 'support' } },
    { type: 'ticket.status', at: AT, data: { from: 'done', to: 'in_progress' } },
  ],
  notifications: [],
});

describe('webhook events of a step', () => {
  it('makes a reopen a ticket.reopened event with its reason and who, beside the stage change', () => {
    expect(webhookEventsOfStep(reopenStep('u-lena'))).toEqual([
      {
        eventId: 'tk-1:7:0',
        at: AT,
        event: 'ticket.reopened',
        data: { reason: 'still broken', by: 'u-lena' },
      },
      {
        eventId: 'tk-1:7:1',
        at: AT,
        event: 'ticket.stage_changed',
        data: {
          stage: {
            taskId: 't3',
            elementId: 'Task_Triage',
            name: 'Triage',
            department: 'support',
            dueAt: null,
          },
        },
      },
    ]);
    expect(webhookEventsOfStep(reopenStep('customer'))[0]!.data).toEqual({
      reason: 'still broken',
      by: 'customer',
    });
  });
});
