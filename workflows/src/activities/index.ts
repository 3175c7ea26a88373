// The activities the worker registers (and InMemoryRuntime calls directly): the read-model pair
// plus every custom activity under its type, all bound to one ActivityContext.
import { Context } from '@temporalio/activity';
import { tickets } from '@baton/db';
import { eq, sql } from 'drizzle-orm';
import type { CustomActivityFunction, ReadModelActivities } from '../workflows/records.js';
import type { ActivityContext } from './context.js';
import { customActivities } from './custom/index.js';
import { pickAssignee } from './pick-assignee.js';
import { recordStep } from './record-step.js';
import { type ActivityDefinition, runCustomActivity } from './sdk.js';

export type BatonActivities = {
  readModel: ReadModelActivities;
  custom: Record<string, CustomActivityFunction>;
};

/** The flat name -> function map Temporal's Worker registers. */
export function workerActivities(
  activities: BatonActivities,
): Record<string, (...args: never[]) => Promise<unknown>> {
  return { ...activities.custom, ...activities.readModel };
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
  const custom: Record<string, CustomActivityFunction> = {};
  for (const definition of definitions) {
    if (definition.type === 'recordStep' || definition.type === 'pickAssignee' || custom[definition.type]) {
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
      });
  }
  return {
    custom,
    readModel: {
      recordSteps: async (steps) => {
        for (const step of steps) await recordStep(ctx, step);
      },
      pickAssignee: (input) => pickAssignee(ctx, input),
    },
  };
}
