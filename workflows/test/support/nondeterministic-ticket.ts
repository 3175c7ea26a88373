// A deliberately unguarded change to ticketWorkflow (one extra timer before it starts), for the
// replay test's negative control: replaying real histories against it must fail.
import { sleep } from '@temporalio/workflow';
import { ticketWorkflow as current, type TicketWorkflowInput } from '../../src/workflows/ticket.js';

export * from '../../src/workflows/ticket.js';

export async function ticketWorkflow(input: TicketWorkflowInput) {
  await sleep(1);
  return current(input);
}
