// Failure types that cross the Temporal boundary, shared by the workflow, the activities and the
// client. Plain strings: this file is part of the workflow bundle.

/** An update validator's refusal; the failure's message is the engine's `<code>: <message>`. */
export const REJECTED_FAILURE = 'BatonRejected';

/**
 * A read-model write that no retry can fix (a missing tickets row, a broken constraint): not
 * retried, so the workflow task fails at once and the ticket shows as stuck in Temporal's UI
 * until the data is repaired, instead of retrying silently for ever.
 */
export const DATA_ERROR_FAILURE = 'BatonDataError';
