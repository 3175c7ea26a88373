// E-mails the ticket's customer (or an explicit address) through the worker's mail transport.
import { z } from 'zod';
import { defineActivity } from '../sdk.js';

export default defineActivity({
  type: 'email-customer',
  title: 'E-mail the customer',
  description:
    "Send an e-mail to the ticket's customer (the ticket's customer e-mail unless `to` is given). Needs SMTP_URL on the worker.",
  input: z.object({
    to: z.email().optional().describe("Recipient; defaults to the ticket's customer e-mail"),
    subject: z.string().min(1).max(200),
    text: z.string().min(1),
  }),
  retry: { maximumAttempts: 3 },
  timeout: '30s',
  async run(input, ctx) {
    if (!ctx.mailer)
      throw new Error(`email-customer (ticket ${ctx.ticketId}): SMTP_URL is not set on the worker`);
    const to = input.to ?? (await ctx.customerEmail());
    if (!to)
      throw new Error(`email-customer: ticket ${ctx.ticketId} has no customer e-mail and no 'to' was given`);
    const { messageId } = await ctx.mailer.send({ to, subject: input.subject, text: input.text });
    return { customerEmail: { to, messageId } };
  },
});
