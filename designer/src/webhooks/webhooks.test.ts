import { describe, expect, it } from 'vitest';
import {
  attemptSummary,
  DEFAULT_WEBHOOK_EVENTS,
  deliveryBadge,
  emptyWebhookForm,
  eventLabel,
  formatDurationMs,
  lastOutcome,
  mayRedeliver,
  payloadText,
  retryWaitsMs,
  WEBHOOK_EVENT_OPTIONS,
  webhookBody,
  webhookFormOf,
  webhookFormReady,
} from './webhooks.js';

describe('webhook events', () => {
  it('offers every event the API accepts, each with a label and an explanation', () => {
    expect(WEBHOOK_EVENT_OPTIONS.map((o) => o.value)).toEqual([
      'ticket.created',
      'ticket.stage_changed',
      'ticket.sla_level',
      'ticket.done',
      'ticket.rated',
      'ticket.reopened',
    ]);
    for (const option of WEBHOOK_EVENT_OPTIONS) {
      expect(option.label).not.toBe('');
      expect(option.explanation).not.toBe('');
    }
    expect(eventLabel('ticket.stage_changed')).toBe('Stage changed');
  });

  it('starts a new subscription with created, stage changed and done', () => {
    expect(emptyWebhookForm().events).toEqual(['ticket.created', 'ticket.stage_changed', 'ticket.done']);
    expect(DEFAULT_WEBHOOK_EVENTS).not.toContain('ticket.sla_level');
  });
});

describe('the form body', () => {
  it('trims, orders the events as the API lists them and sends "All types" as null', () => {
    expect(
      webhookBody({
        url: '  https://crm.example.com/hooks ',
        description: ' CRM ',
        events: ['ticket.done', 'ticket.created'],
        typeId: '',
      }),
    ).toEqual({
      url: 'https://crm.example.com/hooks',
      description: 'CRM',
      events: ['ticket.created', 'ticket.done'],
      typeId: null,
    });
    expect(webhookBody({ ...emptyWebhookForm(), url: 'http://x', typeId: 'refund' }).typeId).toBe('refund');
  });

  it('is not offered without a URL or without an event', () => {
    expect(webhookFormReady(emptyWebhookForm())).toBe(false);
    expect(webhookFormReady({ ...emptyWebhookForm(), url: 'https://a.example' })).toBe(true);
    expect(webhookFormReady({ ...emptyWebhookForm(), url: 'https://a.example', events: [] })).toBe(false);
  });

  it('edits a subscription as it stands', () => {
    const form = webhookFormOf({
      id: 's1',
      url: 'https://a.example',
      description: '',
      events: ['ticket.rated'],
      typeId: null,
      active: true,
      secretHint: 'whsec_…abcd',
      createdAt: '',
      updatedAt: '',
      deliveries: { pending: 0, delivered: 0, failed: 0, lastAt: null },
    });
    expect(form).toEqual({ url: 'https://a.example', description: '', events: ['ticket.rated'], typeId: '' });
  });
});

describe('deliveries in words', () => {
  it('shows each status as a badge and offers redelivery once nothing is pending', () => {
    expect(deliveryBadge('delivered')).toEqual({ label: 'delivered', tone: 'ok' });
    expect(deliveryBadge('failed').tone).toBe('danger');
    expect(deliveryBadge('pending').tone).toBe('warn');
    expect(mayRedeliver('pending')).toBe(false);
    expect(mayRedeliver('delivered')).toBe(true);
    expect(mayRedeliver('failed')).toBe(true);
  });

  it('sums up an attempt: the answer, its time and its error', () => {
    const at = '2026-12-03T10:00:00Z';
    expect(
      attemptSummary({
        attempt: 1,
        at,
        durationMs: 12,
        statusCode: 500,
        error: 'HTTP 500',
        responseExcerpt: null,
      }),
    ).toBe('#1 HTTP 500 in 12 ms');
    expect(
      attemptSummary({
        attempt: 2,
        at,
        durationMs: 10_000,
        statusCode: null,
        error: 'timed out after 10 s',
        responseExcerpt: null,
      }),
    ).toBe('#2 no answer in 10 s: timed out after 10 s');
    expect(
      attemptSummary({
        attempt: 3,
        at,
        durationMs: 1500,
        statusCode: 200,
        error: null,
        responseExcerpt: 'ok',
      }),
    ).toBe('#3 HTTP 200 in 1.5 s');
  });

  it('names the last outcome: the error first, else the status code', () => {
    expect(lastOutcome({ lastStatusCode: 500, lastError: 'HTTP 500: receiver is down' })).toBe(
      'HTTP 500: receiver is down',
    );
    expect(lastOutcome({ lastStatusCode: 200, lastError: null })).toBe('HTTP 200');
    expect(lastOutcome({ lastStatusCode: null, lastError: null })).toBe('');
  });

  it('formats durations and the payload for reading', () => {
    expect(formatDurationMs(640)).toBe('640 ms');
    expect(formatDurationMs(80_000)).toBe('1 min 20 s');
    expect(formatDurationMs(600_000)).toBe('10 min');
    expect(payloadText({ event: 'ticket.done', ticket: { number: 7 } })).toBe(
      '{\n  "event": "ticket.done",\n  "ticket": {\n    "number": 7\n  }\n}',
    );
  });
});

describe('the retry policy', () => {
  it('waits 10 s doubling up to 10 min between its 8 attempts', () => {
    const policy = {
      initialIntervalMs: 10_000,
      backoffCoefficient: 2,
      maximumIntervalMs: 600_000,
      maximumAttempts: 8,
    };
    expect(retryWaitsMs(policy).map((ms) => ms / 1000)).toEqual([10, 20, 40, 80, 160, 320, 600]);
    expect(retryWaitsMs({ ...policy, maximumAttempts: 1 })).toEqual([]);
  });
});
