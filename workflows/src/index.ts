// @baton/workflows public API: the runtime port, its adapters and start-up selection, the
// activities (for a worker or InMemoryRuntime), the custom-activity SDK and its catalogue.
export * from './runtime/port.js';
export { createRuntime, type CreateRuntimeOptions, type CreatedRuntime } from './runtime/create.js';
export { findTemporalCli } from './runtime/temporal-binaries.js';
export { DEV_SERVER_UPDATE_FLAGS } from './runtime/temporal-flags.js';
export { InMemoryRuntime, NOT_DURABLE_WARNING, type InMemoryRuntimeOptions } from './runtime/in-memory.js';
export {
  TemporalRuntime,
  historySizeBytes,
  workflowIdOf,
  type TemporalRuntimeOptions,
} from './runtime/temporal.js';
export { VirtualClock, realClock, type Clock } from './runtime/clock.js';
export { createActivities, workerActivities, type BatonActivities } from './activities/index.js';
export type { ActivityContext } from './activities/context.js';
export { createMailer, type Mailer, type MailMessage } from './activities/mail.js';
export { newReplyToken, replyAddress, supportRecipient, tokenFromMessageIds } from './mail/reply-token.js';
export { createOutboxRelay, CUSTOMER_REPLY_TEMPLATE, type OutboxRelay } from './outbox/relay.js';
export { activityCatalogue, activityTypes } from './activities/catalogue.js';
export { queueWebhookEvents } from './webhooks/queue.js';
export { liveStatusToken, statusPageUrl } from './mail/status-link.js';
export {
  FIELD_PLACEHOLDER,
  TEMPLATE_PLACEHOLDERS,
  renderTemplate,
  renderTicketTemplate,
  templateProblems,
  templateValues,
} from './mail/templates.js';
export { newWebhookSecret, signWebhook, verifyWebhook, SIGNATURE_HEADER } from './webhooks/signature.js';
export { WEBHOOK_RETRY } from './webhooks/retry.js';
export {
  defineActivity,
  type ActivityDefinition,
  type CatalogueEntry,
  type CustomActivityContext,
} from './activities/sdk.js';
export { createTicketWorker, SHARED_WORKFLOW_MODULES } from './worker.js';
export * from './settings.js';
export { resolveRecipient, type TicketSummary } from './activities/notifications.js';
export { installTemporalRuntime } from './runtime/sdk-runtime.js';
export type { CommandStats } from './workflows/records.js';
export { estimatedHistoryEvents } from './workflows/history-estimate.js';
export { clocksOfTicket } from './timing/clock-inputs.js';
export { refreshRuleClocks } from './timing/rule-clocks.js';
export { measureUnmeasuredClocks } from './timing/measure-unmeasured.js';
export type { ClockedTicket, TicketClock, VersionedRule } from './timing/ticket-clocks.js';
