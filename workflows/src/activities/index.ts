// The activities the worker registers (and InMemoryRuntime calls directly): the read-model pair,
// the webhook delivery and every custom activity under its type, all bound to one ActivityContext,
// plus the e-mail outbox relay and the escalation watch that run beside them (started and stopped
// by the runtime that runs the worker) and the webhook dispatcher a runtime makes with its own way
// of delivering.
import { Context } from '@temporalio/activity';
import { tickets } from '@baton/db';
import { eq, sql } from 'drizzle-orm';
import { type EscalationWatch, createEscalationWatch } from '../escalations/watch.js';
import { type OutboxRelay, createOutboxRelay } from '../outbox/relay.js';
import type { CustomActivityFunction, ReadModelActivities } from '../workflows/records.js';
import type { ActivityContext } from './context.js';
import { customActivities } from './custom/index.js';
import { type ClosedOutside, recordClosedOutside } from './closed-outside.js';
import { asDataError } from './data-error.js';
import { renderTicketTemplate } from '../mail/templates.js';
import { pickAssignee } from './pick-assignee.js';
import { recordStep } from './record-step.js';
import { type ActivityDefinition, runCustomActivity } from './sdk.js';
import { type DeliveryOutcome, attemptWebhookDelivery, deliverInProcess } from '../webhooks/deliver.js';
import {
  type WebhookDispatch,
  type WebhookDispatcher,
  createWebhookDispatcher,
} from '../webhooks/dispatcher.js';
import type { WebhookActivities } from '../workflows/webhook-delivery.js';

export type BatonActivities = {
  readModel: ReadModelActivities;
  custom: Record<string, CustomActivityFunction>;
  /** Not a workflow activity: runtimes call it for tickets whose run ended outside its code. */
  recordClosedOutside(input: ClosedOutside): Promise<boolean>;
  /** Sends queued e-mails; absent without SMTP (notifications stay in-app). */
  outbox?: OutboxRelay;
  /** Records and notifies SLA levels on time when the workflows lag behind their timers. */
  escalations: EscalationWatch;
  /** The same for the timing-rule clocks alone (beside the in-memory runtime on a real clock). */
  ruleEscalations: EscalationWatch;
  webhooks: WebhookActivities & {
    /** This process's dispatcher, handing deliveries to `dispatch`; woken by the steps recorded here. */
    dispatcher(dispatch: WebhookDispatch, options?: { pollMs?: number }): WebhookDispatcher;
    /** The in-memory runtime's stand-in for the delivery workflow (webhooks/deliver.ts). */
    deliverInProcess(
      deliveryId: number,
      wait: (ms: number) => Promise<void>,
      retryDelayMs?: (attempt: number) => number,
    ): Promise<DeliveryOutcome>;
  };
};

/** Names the workflow uses for its own activities; a custom activity may not take them. */
const RESERVED = new Set(['recordSteps', 'pickAssignee', 'deliverWebhook']);

/** The flat name -> function map Temporal's Worker registers. */
export function workerActivities(
  activities: BatonActivities,
): Record<string, (...args: never[]) => Promise<unknown>> {
  return {
    ...activities.custom,
    ...activities.readModel,
    deliverWebhook: activities.webhooks.deliverWebhook,
  };
}

/**
 * What runs beside a Temporal worker, in whichever process hosts it: the e-mail outbox relay (it
 * sends what the steps recorded there queued) and the escalation watch. Not beside the in-memory
 * runtime, whose timers record their levels in-process on its own clock.
 */
export function startBesideWorker(activities: BatonActivities): void {
  activities.outbox?.start();
  activities.escalations.start();
}

export async function stopBesideWorker(activities: BatonActivities): Promise<void> {
  await activities.escalations.stop();
  await activities.outbox?.stop();
}

/** 1 inside a Temporal activity's first attempt; InMemoryRuntime passes its own attempt number. */
function currentAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1; // not inside a Temporal activity (InMemoryRuntime)
  }
}

export function createActivities(
  ctx: ActivityContext,
  definitions: readonly ActivityDefinition[] = customActivities,
): BatonActivities {
  const customerEmail = (ticketId: string) => async (): Promise<string | undefined> => {
    const [row] = await ctx.db
      .select({ email: sql<string | null>`${tickets.customer}->>'email'` })
      .from(tickets)
      .where(eq(tickets.id, ticketId));
    return row?.email ?? undefined;
  };
  const outbox = ctx.mailer ? createOutboxRelay({ db: ctx.db, mailer: ctx.mailer, log: ctx.log }) : undefined;
  const dispatchers = new Set<WebhookDispatcher>();
  const onQueued = ({ emails, webhooks }: { emails: number; webhooks: number }) => {
    if (emails > 0) outbox?.wake();
    if (webhooks > 0) for (const dispatcher of dispatchers) dispatcher.wake();
  };
  const escalations = createEscalationWatch(ctx, { onQueued });
  const ruleEscalations = createEscalationWatch(ctx, { onQueued, ruleClocksOnly: true });
  const custom: Record<string, CustomActivityFunction> = {};
  for (const definition of definitions) {
    if (RESERVED.has(definition.type) || custom[definition.type]) {
      throw new Error(`custom activity type '${definition.type}' is taken`);
    }
    custom[definition.type] = (input, meta) =>
      runCustomActivity(definition, input, {
        ...meta,
        attempt: currentAttempt(),
        ...(ctx.mailer ? { mailer: ctx.mailer } : {}),
        log: ctx.log.child({
          activity: definition.type,
          ticketId: meta.ticketId,
          activityId: meta.activityId,
        }),
        customerEmail: customerEmail(meta.ticketId),
        mailTemplate: (key) => renderTicketTemplate(ctx.db, meta.ticketId, key, { appUrl: ctx.appUrl ?? '' }),
      });
  }
  return {
    custom,
    readModel: {
      recordSteps: async (steps) => {
        let pendingEmails = 0;
        let pendingWebhooks = 0;
        try {
          for (const step of steps) {
            const recorded = await recordStep(ctx, step);
            pendingEmails += recorded.pendingEmails;
            pendingWebhooks += recorded.pendingWebhooks;
          }
        } catch (error) {
          throw asDataError(error, `recordSteps for ticket ${steps[0]?.ticketId}`);
        }
        // After the commit: the relay sends what the steps queued (and polls for anything missed).
        if (pendingEmails > 0) outbox?.wake();
        if (pendingWebhooks > 0) for (const dispatcher of dispatchers) dispatcher.wake();
        return { pendingEmails };
      },
      pickAssignee: (input) =>
        pickAssignee(ctx, input).catch((error: unknown) => {
          throw asDataError(error, `pickAssignee for ticket ${input.ticketId}`);
        }),
    },
    recordClosedOutside: (input) => recordClosedOutside(ctx, input),
    ...(outbox ? { outbox } : {}),
    escalations,
    ruleEscalations,
    webhooks: {
      deliverWebhook: (deliveryId) => attemptWebhookDelivery(ctx, deliveryId, currentAttempt()),
      dispatcher(dispatch, options) {
        const dispatcher = createWebhookDispatcher({ db: ctx.db, log: ctx.log, dispatch, ...options });
        dispatchers.add(dispatcher);
        return dispatcher;
      },
      deliverInProcess: (deliveryId, wait, retryDelayMs) =>
        deliverInProcess(ctx, deliveryId, wait, retryDelayMs),
    },
  };
}
