// A customer's message on a ticket: the engine resumes held tasks and feeds message catch events.
import type { EngineRuntime } from '@baton/workflows';

/**
 * `channel`: how it came: `api` (recorded by an integration or an agent), `email` (the
 * customer's own mail, through the intake), `status-page` (the customer's status page).
 */
export type CustomerMessage = {
  name: string;
  text: string;
  from?: string;
  channel: 'api' | 'email' | 'status-page';
};

export async function recordCustomerMessage(
  runtime: EngineRuntime,
  ticketId: string,
  message: CustomerMessage,
  /** The user who recorded it; absent when the customer's mail did. */
  recordedBy?: string,
): Promise<void> {
  await runtime.sendMessage(ticketId, message.name, {
    text: message.text,
    from: message.from ?? null,
    channel: message.channel,
    recordedBy: recordedBy ?? null,
  });
}
