// Webhook deliveries on a real Temporal server: each delivery runs as its own workflow whose
// activity Temporal retries with the delivery policy's backoff, so a receiver that fails first is
// retried (about 10 s later) and logged, every attempt with its answer; two dispatchers (an API
// process without a worker beside one with) hand each delivery over once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookAttempts, webhookDeliveries, webhookSubscriptions } from '@baton/db';
import { asc, eq, inArray } from 'drizzle-orm';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_NAMESPACE } from '../../src/settings.js';
import { realTemporal, skipWithoutTemporal } from '../../src/testing/index.js';
import { verifyWebhook } from '../../src/webhooks/signature.js';
import { webhookWorkflowIdOf } from '../../src/workflows/webhook-delivery.js';
import { type RealRig, deploySimpleFlow, realRig, startSimpleTicket } from '../support/real-rig.js';
import type { Flow } from '@baton/engine';

const skip = skipWithoutTemporal('workflows/test/real/webhooks.test.ts');
const SECRET = 'whsec_real_server_test';

describe.skipIf(skip)('webhook deliveries on a real Temporal server', () => {
  let rig: RealRig;
  let flow: Flow;
  let server: Server;
  const received: { delivery: string; attempt: string; body: string; signature: string }[] = [];

  beforeAll(async () => {
    const temporal = realTemporal();
    if (!('address' in temporal)) throw new Error(temporal.skipReason);
    rig = await realRig(temporal.address);
    // A second process's dispatcher, as an API process without a worker runs it.
    await rig.connect({ runWorker: false });
    flow = await deploySimpleFlow(rig);
    let posts = 0;
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        posts += 1;
        received.push({
          delivery: String(req.headers['baton-delivery']),
          attempt: String(req.headers['baton-attempt']),
          body,
          signature: String(req.headers['baton-signature']),
        });
        // The very first POST fails: its delivery must be retried by Temporal.
        res.writeHead(posts === 1 ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await rig.t.db.insert(webhookSubscriptions).values({
      id: '00000000-0000-4000-8000-000000000001',
      url: `http://127.0.0.1:${port}/hooks`,
      secret: SECRET,
      events: ['ticket.created'],
    });
  }, 120_000);
  afterAll(async () => {
    await rig?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('retries a failed delivery through the activity and logs both attempts; each delivery is posted once more only when it failed', async () => {
    const ticketIds = await Promise.all(
      [1, 2, 3, 4, 5].map(async (n) => {
        const ticketId = `wh-${process.pid}-${Date.now()}-${n}`;
        await startSimpleTicket(rig.runtime, flow, ticketId);
        return ticketId;
      }),
    );
    const rows = () =>
      rig.t.db
        .select()
        .from(webhookDeliveries)
        .where(inArray(webhookDeliveries.ticketId, ticketIds))
        .orderBy(asc(webhookDeliveries.id));
    await expect
      .poll(async () => (await rows()).map((row) => row.status), { timeout: 45_000, interval: 500 })
      .toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered']);

    const deliveries = await rows();
    const retried = deliveries.filter((row) => row.attempts === 2);
    expect(retried).toHaveLength(1);
    expect(deliveries.filter((row) => row.attempts === 1)).toHaveLength(4);
    const log = await rig.t.db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.deliveryId, retried[0]!.id))
      .orderBy(asc(webhookAttempts.attempt));
    expect(log.map((attempt) => [attempt.attempt, attempt.statusCode])).toEqual([
      [1, 503],
      [2, 204],
    ]);
    // Temporal's backoff, not an immediate second try.
    expect(log[1]!.at.getTime() - log[0]!.at.getTime()).toBeGreaterThanOrEqual(9_000);

    // Six POSTs in all: five deliveries, one of them twice; all signed with the secret.
    expect(received).toHaveLength(6);
    const perDelivery = new Map<string, string[]>();
    for (const post of received)
      perDelivery.set(post.delivery, [...(perDelivery.get(post.delivery) ?? []), post.attempt]);
    expect([...perDelivery.values()].sort((a, b) => b.length - a.length)).toEqual([
      ['1', '2'],
      ['1'],
      ['1'],
      ['1'],
      ['1'],
    ]);
    const now = Math.floor(Date.now() / 1000);
    expect(received.every((post) => verifyWebhook(SECRET, post.body, post.signature, now, 120))).toBe(true);

    // The delivery ran as its own workflow, apart from the ticket's history.
    const connection = await Connection.connect({ address: rig.address });
    try {
      const client = new Client({
        connection,
        namespace: process.env.TEMPORAL_NAMESPACE || DEFAULT_NAMESPACE,
      });
      const handle = client.workflow.getHandle(webhookWorkflowIdOf(retried[0]!.id));
      // The activity marks the row delivered before its workflow task completes the run, so the
      // run may still be closing when the row says delivered.
      await expect
        .poll(async () => (await handle.describe()).status.name, { timeout: 10_000, interval: 200 })
        .toBe('COMPLETED');
      expect((await handle.describe()).type).toBe('webhookDeliveryWorkflow');
    } finally {
      await connection.close();
    }
  }, 90_000);
});
