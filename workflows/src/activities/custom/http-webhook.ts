// POSTs a JSON body to a URL. Any non-2xx answer is a failure (retried per the diagram), so a
// flow can rely on the receiver having accepted the call when the service task completes.
import { z } from 'zod';
import { defineActivity } from '../sdk.js';

const MAX_ERROR_BODY = 500;

export default defineActivity({
  type: 'http-webhook',
  title: 'HTTP webhook',
  description:
    'POST a JSON body to a URL. Sends an Idempotency-Key header (ticket and activity id) so receivers can ignore retries. Fails on any non-2xx status.',
  input: z.object({
    url: z.url({ protocol: /^https?$/ }).describe('Where to POST'),
    headers: z.record(z.string(), z.string()).default({}).describe('Extra request headers'),
    body: z.unknown().describe('JSON body; the ticket id is added when this is an object').optional(),
  }),
  retry: { maximumAttempts: 3 },
  timeout: '30s',
  async run(input, ctx) {
    const body =
      input.body && typeof input.body === 'object' && !Array.isArray(input.body)
        ? { ticketId: ctx.ticketId, ...input.body }
        : (input.body ?? { ticketId: ctx.ticketId });
    const response = await fetch(input.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': `${ctx.ticketId}:${ctx.activityId}`,
        ...input.headers,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(
        `webhook POST ${new URL(input.url).origin} answered ${response.status}: ${text.slice(0, MAX_ERROR_BODY)}`,
      );
    }
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // A non-JSON 2xx answer is still a success; the flow gets the raw text.
    }
    // The engine merges an object result into the ticket variables: keep it under one name so a
    // receiver cannot overwrite fields like `status` or `priority`.
    return { webhook: { status: response.status, body: parsed } };
  },
});
