// The custom-activity SDK: a service task's `baton:activity` names one of these definitions.
// A developer adds a file under ./custom that default-exports `defineActivity({...})` and one line
// in ./custom/index.ts; the worker registers it and the catalogue lists it for the designer.
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Mailer } from './mail.js';

/** What a custom activity may use besides its input. */
export type CustomActivityContext = {
  ticketId: string;
  /** Engine activity id, unique within the ticket: use it as an idempotency key downstream. */
  activityId: string;
  /** 1 on the first try. */
  attempt: number;
  mailer?: Mailer;
  log: Logger;
  /** The ticket's customer e-mail from the read model, if any. */
  customerEmail(): Promise<string | undefined>;
  /**
   * The ticket type's mail template `key` rendered for this ticket (mail/templates.ts); undefined
   * when the type has none by that key.
   */
  mailTemplate(key: string): Promise<{ subject: string; text: string } | undefined>;
};

/** `'30s'`, `'5m'`, `'1h'`, `'250ms'` or milliseconds. */
export type Timeout = number | `${number}${'ms' | 's' | 'm' | 'h'}`;

export type ActivityDefinition<S extends z.ZodType = z.ZodType, R = unknown> = {
  /** Kebab-case type the diagram names in `baton:activity`. */
  type: string;
  title: string;
  description: string;
  input: S;
  /** Defaults the designer proposes; the diagram's `baton:retries`/`baton:timeout` win at run time. */
  retry: { maximumAttempts: number };
  timeout: Timeout;
  run(input: z.output<S>, ctx: CustomActivityContext): Promise<R>;
};

const TYPE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

export function timeoutMs(timeout: Timeout): number {
  if (typeof timeout === 'number') return timeout;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(timeout);
  if (!match) throw new Error(`invalid timeout '${timeout}': use e.g. '30s', '5m' or milliseconds`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

/** Checks the definition eagerly so a typo fails at start-up, not on the first ticket. */
export function defineActivity<S extends z.ZodType, R>(
  definition: ActivityDefinition<S, R>,
): ActivityDefinition<S, R> {
  if (!TYPE_PATTERN.test(definition.type)) {
    throw new Error(`activity type '${definition.type}' must be kebab-case (e.g. 'http-webhook')`);
  }
  const ms = timeoutMs(definition.timeout);
  if (!(ms > 0)) throw new Error(`activity '${definition.type}': timeout must be positive`);
  const attempts = definition.retry.maximumAttempts;
  if (!Number.isInteger(attempts) || attempts < 1) {
    throw new Error(`activity '${definition.type}': retry.maximumAttempts must be an integer >= 1`);
  }
  return definition;
}

/** Why an input was refused, naming each bad field: `url: Invalid URL; headers.x: expected string`. */
export function describeInputIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(input)'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates the input with the definition's schema, then runs it. A bad input is a
 * non-retryable failure: retrying cannot fix what the diagram wrote.
 */
export async function runCustomActivity(
  definition: ActivityDefinition,
  input: unknown,
  ctx: CustomActivityContext,
): Promise<unknown> {
  const parsed = definition.input.safeParse(input);
  if (!parsed.success) {
    throw ApplicationFailure.create({
      type: 'ActivityInputError',
      nonRetryable: true,
      message: `invalid input for activity '${definition.type}' (ticket ${ctx.ticketId}, ${ctx.activityId}): ${describeInputIssues(parsed.error)}`,
    });
  }
  return definition.run(parsed.data, ctx);
}

export type CatalogueEntry = {
  type: string;
  title: string;
  description: string;
  /** The input's JSON Schema (an object schema). */
  inputSchema: Record<string, unknown>;
  retries: number;
  timeoutMs: number;
};

export function catalogueEntry(definition: ActivityDefinition): CatalogueEntry {
  return {
    type: definition.type,
    title: definition.title,
    description: definition.description,
    inputSchema: z.toJSONSchema(definition.input, { io: 'input', unrepresentable: 'any' }),
    // Extra attempts after the first, as the diagram's `baton:retries` counts them.
    retries: definition.retry.maximumAttempts - 1,
    timeoutMs: timeoutMs(definition.timeout),
  };
}
