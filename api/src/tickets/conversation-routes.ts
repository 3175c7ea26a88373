// The customer conversation of a ticket: read it, reply to the customer, download a file that
// came with a mail. Anyone who may see the ticket reads its conversation; a reply is a write to
// the ticket, so it follows the rule for recording customer messages (access/ticket-writes.ts).
import { MESSAGE_RECORDERS, TICKET_READERS } from '../access/roles.js';
import { assertMayRecordMessage, mayRecordMessage, ticketOwners } from '../access/ticket-writes.js';
import type { AppDeps } from '../http/env.js';
import { defineRoute, jsonBody, jsonResponse, newRouter, principalOf, z } from '../http/openapi.js';
import { conflict } from '../http/problem.js';
import { IdParam } from '../http/schemas.js';
import { ratingOfTicket } from '../satisfaction/reviews.js';
import { attachmentOf, conversationOf, replyTemplates, sendReply } from './conversation.js';
import type { TicketDetails } from './ticket-detail.js';

const ConversationMailSchema = z
  .object({
    id: z.number().int(),
    direction: z.enum(['in', 'out']),
    channel: z.enum(['email', 'status-page']).openapi({ description: "How a customer's words came" }),
    from: z.string(),
    fromName: z.string().nullable().openapi({
      description: "The customer's name, for mail in from the ticket's customer; null otherwise",
    }),
    to: z.string(),
    subject: z.string(),
    text: z.string().openapi({ description: 'Plain text, as received or sent: never HTML' }),
    at: z.string(),
    authorId: z.string().nullable().openapi({ description: 'The agent who sent a reply' }),
    attachments: z.array(
      z.object({
        id: z.number().int(),
        filename: z.string(),
        contentType: z.string(),
        sizeBytes: z.number().int(),
      }),
    ),
    delivery: z
      .object({
        state: z.enum(['queued', 'sent', 'failing']),
        attempts: z.number().int(),
        error: z.string().nullable(),
      })
      .nullable()
      .openapi({ description: 'Replies only: how the outbox delivery went' }),
  })
  .openapi('ConversationMail');

const ConversationSchema = z.object({
  mayManageStatusLink: z
    .boolean()
    .openapi({ description: "The caller may issue and revoke the customer's status link" }),
  replies: z.object({
    enabled: z.boolean(),
    reason: z.string().optional().openapi({
      description: 'Why the caller cannot reply here (not configured, no address, not in charge)',
    }),
  }),
  items: z.array(ConversationMailSchema),
  rating: z
    .object({
      score: z.number().int(),
      comment: z.string(),
      ratedAt: z.string(),
      late: z
        .boolean()
        .openapi({ description: 'The rated stage was late (overdue or severe) when it closed' }),
      review: z.object({
        status: z.enum(['none', 'open', 'closed']).openapi({
          description: "`open`: a bad rating awaiting the department's manager; `none`: not a bad one",
        }),
        reviewedBy: z.string().nullable(),
        reviewedAt: z.string().nullable(),
        note: z.string().nullable(),
      }),
    })
    .nullable()
    .openapi({ description: "The customer's rating once given, with the review of a bad one" }),
});

const REPLIES_OFF =
  'e-mail to customers is not configured: set BATON_SUPPORT_ADDRESS (and SMTP_URL where the workers run)';

export function conversationRoutes(deps: AppDeps, tickets: TicketDetails) {
  const app = newRouter();
  const supportAddress = deps.config.supportAddress;

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/tickets/{id}/conversation',
      tags: ['tickets'],
      summary: "The ticket's e-mail conversation with its customer, oldest first",
      request: { params: IdParam },
      responses: { 200: jsonResponse(ConversationSchema, 'The conversation') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      const { view } = await tickets.visibleTicket(id, principal);
      // What the reply route would refuse, so a page offers no reply that would fail.
      const inCharge = mayRecordMessage(principal, { owners: ticketOwners(view.stages) });
      const reason = !supportAddress
        ? REPLIES_OFF
        : !view.customer.email
          ? 'the ticket has no customer e-mail'
          : !inCharge
            ? 'only the department in charge of the ticket replies to its customer'
            : undefined;
      return c.json(
        {
          mayManageStatusLink: inCharge,
          replies: reason ? { enabled: false, reason } : { enabled: true },
          items: await conversationOf(deps, id),
          rating: await ratingOfTicket(deps, id),
        },
        200,
      );
    },
  );

  app.openapi(
    defineRoute(MESSAGE_RECORDERS, {
      method: 'post',
      path: '/tickets/{id}/replies',
      tags: ['tickets'],
      summary: 'Reply to the customer by e-mail',
      description:
        "Sent from the support mailbox's thread address of this ticket, so the customer's answer comes back to it (and resumes held tasks). Queued in the e-mail outbox and delivered by the workers, with retries: the conversation shows the delivery. 409: e-mail is not configured, or the ticket has no customer e-mail.",
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ text: z.string().trim().min(1).max(20_000) })),
      },
      responses: { 201: jsonResponse(ConversationMailSchema, 'Queued for delivery') },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { text } = c.req.valid('json');
      const principal = principalOf(c);
      const { view } = await tickets.visibleTicket(id, principal);
      assertMayRecordMessage(principal, { id, owners: ticketOwners(view.stages) });
      if (!supportAddress) throw conflict(REPLIES_OFF);
      const { mailId } = await sendReply(
        deps,
        { supportAddress, appUrl: deps.config.appUrl, from: deps.config.mailFrom },
        principal,
        { id, number: view.number, title: view.title, customerEmail: view.customer.email },
        text,
      );
      const sent = (await conversationOf(deps, id)).find((mail) => mail.id === mailId)!;
      return c.json(sent, 201);
    },
  );

  app.openapi(
    defineRoute(MESSAGE_RECORDERS, {
      method: 'get',
      path: '/tickets/{id}/reply-templates',
      tags: ['tickets'],
      summary: "The ticket type's mail templates, filled in for this ticket and the caller",
      description:
        'Starting points for a reply, by name. A `{{status.url}}` the ticket has no link for yet stays as written; the reply fills it in when it is sent.',
      request: { params: IdParam },
      responses: {
        200: jsonResponse(
          z.object({
            items: z.array(
              z.object({ key: z.string(), name: z.string(), subject: z.string(), text: z.string() }),
            ),
          }),
          'Rendered templates',
        ),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principal = principalOf(c);
      await tickets.visibleTicket(id, principal);
      return c.json({ items: await replyTemplates(deps, deps.config.appUrl, principal, id) }, 200);
    },
  );

  app.openapi(
    defineRoute(TICKET_READERS, {
      method: 'get',
      path: '/tickets/{id}/attachments/{attachmentId}',
      tags: ['tickets'],
      summary: 'Download a file that came with a mail',
      description:
        'Always served as a download (application/octet-stream, Content-Disposition: attachment), never rendered: what a customer sends is not trusted.',
      request: { params: IdParam.extend({ attachmentId: z.coerce.number().int().min(1) }) },
      responses: {
        200: {
          description: 'The file',
          content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
        },
      },
    }),
    async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      await tickets.visibleTicket(id, principalOf(c));
      const file = await attachmentOf(deps, id, attachmentId);
      const ascii = file.filename.replace(/[^\w.-]+/g, '_');
      return c.body(new Uint8Array(file.content), 200, {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        'X-Declared-Content-Type': file.contentType.replace(/[^\x20-\x7e]/g, ''),
      });
    },
  );

  return app;
}
