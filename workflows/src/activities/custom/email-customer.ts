// E-mails the ticket's customer (or an explicit address) through the worker's mail transport:
// either a subject and text written in the diagram, or one of the ticket type's mail templates
// by key, rendered for the ticket (the templates agents reply with).
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { defineActivity } from '../sdk.js';

export default defineActivity({
  type: 'email-customer',
  title: 'E-mail the customer',
  description:
    "Send an e-mail to the ticket's customer (the ticket's customer e-mail unless `to` is given): `template` names one of the ticket type's mail templates, or `subject` and `text` say it directly. Needs SMTP_URL on the worker.",
  input: z
    .object({
      to: z.email().optional().describe("Recipient; defaults to the ticket's customer e-mail"),
      template: z
        .string()
        .min(1)
        .max(63)
        .optional()
        .describe("Key of one of the ticket type's mail templates (instead of subject and text)"),
      subject: z.string().min(1).max(200).optional(),
      text: z.string().min(1).optional(),
    })
    .refine(
      (input) => (input.template === undefined) === (input.subject !== undefined && input.text !== undefined),
      {
        message: 'give either `template`, or `subject` and `text`',
      },
    ),
  retry: { maximumAttempts: 3 },
  timeout: '30s',
  async run(input, ctx) {
    if (!ctx.mailer)
      throw new Error(`email-customer (ticket ${ctx.ticketId}): SMTP_URL is not set on the worker`);
    const to = input.to ?? (await ctx.customerEmail());
    if (!to)
      throw new Error(`email-customer: ticket ${ctx.ticketId} has no customer e-mail and no 'to' was given`);
    const mail =
      input.template === undefined
        ? { subject: input.subject!, text: input.text! }
        : await ctx.mailTemplate(input.template);
    if (!mail)
      // Retrying cannot add the template: the process owner must (or fix the diagram).
      throw ApplicationFailure.create({
        type: 'ActivityInputError',
        nonRetryable: true,
        message: `email-customer (ticket ${ctx.ticketId}): the ticket's type has no mail template '${input.template}'`,
      });
    const { messageId } = await ctx.mailer.send({ to, subject: mail.subject, text: mail.text });
    return { customerEmail: { to, messageId, ...(input.template ? { template: input.template } : {}) } };
  },
});
