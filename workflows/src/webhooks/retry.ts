// How a webhook delivery is retried: one policy for the Temporal workflow that runs the delivery
// activity and for the in-memory runtime's stand-in loop. Workflow-safe (no Node imports): the
// webhook delivery workflow imports it.

/** 10 s, 20 s, 40 s ... capped at 10 min; 8 attempts span about 21 minutes. */
export const WEBHOOK_RETRY = {
  initialIntervalMs: 10_000,
  backoffCoefficient: 2,
  maximumIntervalMs: 10 * 60_000,
  maximumAttempts: 8,
} as const;

/** The wait after failed attempt `attempt` (1-based) before the next one. */
export const webhookRetryDelayMs = (attempt: number): number =>
  Math.min(
    WEBHOOK_RETRY.maximumIntervalMs,
    WEBHOOK_RETRY.initialIntervalMs * WEBHOOK_RETRY.backoffCoefficient ** Math.max(0, attempt - 1),
  );

/** How long one POST may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 10_000;
