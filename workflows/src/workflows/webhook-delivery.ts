// webhookDeliveryWorkflow: one per webhook delivery (workflow id `webhook-delivery-<id>`), apart
// from the ticket's own workflow so retries cost the ticket's history nothing. Its one activity
// posts the delivery; Temporal retries it with backoff, durably, on whichever worker is free.
// The last attempt settles the row itself (failed, with its error), so nothing is thrown then.
import { proxyActivities } from '@temporalio/workflow';
import { WEBHOOK_RETRY } from '../webhooks/retry.js';

export type WebhookActivities = {
  /** One attempt (the activity's attempt number); see webhooks/deliver.ts. */
  deliverWebhook(deliveryId: number): Promise<string>;
};

const { deliverWebhook } = proxyActivities<WebhookActivities>({
  // Above one POST's own timeout, so a slow receiver is logged by the activity, not cut off.
  startToCloseTimeout: '30s',
  retry: {
    initialInterval: WEBHOOK_RETRY.initialIntervalMs,
    backoffCoefficient: WEBHOOK_RETRY.backoffCoefficient,
    maximumInterval: WEBHOOK_RETRY.maximumIntervalMs,
    maximumAttempts: WEBHOOK_RETRY.maximumAttempts,
  },
});

export const webhookWorkflowIdOf = (deliveryId: number) => `webhook-delivery-${deliveryId}`;

export async function webhookDeliveryWorkflow(deliveryId: number): Promise<string> {
  return deliverWebhook(deliveryId);
}
