import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookRetryDelayMs, WEBHOOK_RETRY } from './retry.js';
import { newWebhookSecret, signWebhook, verifyWebhook } from './signature.js';

const BODY = '{"event":"ticket.done","ticket":{"id":"t-1"}}';
const NOW = 1_796_000_000;

describe('webhook signatures', () => {
  it('signs "<t>.<body>" with HMAC-SHA256, as a receiver recomputes it', () => {
    const secret = newWebhookSecret();
    const header = signWebhook(secret, BODY, NOW);
    const expected = createHmac('sha256', secret).update(`${NOW}.${BODY}`).digest('hex');
    expect(header).toBe(`t=${NOW},v1=${expected}`);
    expect(verifyWebhook(secret, BODY, header, NOW + 10)).toBe(true);
  });

  it('rejects another secret, a changed body, an old or future timestamp and a malformed header', () => {
    const secret = newWebhookSecret();
    const header = signWebhook(secret, BODY, NOW);
    expect(verifyWebhook(newWebhookSecret(), BODY, header, NOW)).toBe(false);
    expect(verifyWebhook(secret, BODY.replace('done', 'rated'), header, NOW)).toBe(false);
    expect(verifyWebhook(secret, BODY, header, NOW + 301)).toBe(false);
    expect(verifyWebhook(secret, BODY, header, NOW - 301)).toBe(false);
    expect(verifyWebhook(secret, BODY, 'v1=abc', NOW)).toBe(false);
    expect(verifyWebhook(secret, BODY, `t=${NOW},v1=zz`, NOW)).toBe(false);
    expect(verifyWebhook(secret, BODY, undefined, NOW)).toBe(false);
  });

  it('makes a new random secret each time', () => {
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });
});

describe('webhook retry backoff', () => {
  it('doubles from 10 s and stays at 10 min', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(webhookRetryDelayMs)).toEqual([
      10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 600_000,
    ]);
    expect(webhookRetryDelayMs(20)).toBe(WEBHOOK_RETRY.maximumIntervalMs);
  });
});
