// A customer's message on a ticket: the engine resumes held tasks and feeds message catch events.
import type { EngineRuntime } from '@baton/workflows';
import type { Principal } from '../http/env.js';

export type CustomerMessage = { name: string; text: string; from?: string };

export async function recordCustomerMessage(
  runtime: EngineRuntime,
  principal: Principal,
  ticketId: string,
  message: CustomerMessage,
): Promise<void> {
  await runtime.sendMessage(ticketId, message.name, {
    text: message.text,
    from: message.from ?? null,
    recordedBy: principal.id,
  });
}
