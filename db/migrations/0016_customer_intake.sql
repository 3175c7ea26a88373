-- The customer's side of a ticket: its conversation (mail in and out, and messages from the
-- status page), the files that came with it, the random reply token that threads a customer's
-- answer onto its ticket, the revocable status link, ticket types published as public web forms
-- (with the origins that may embed them), and satisfaction ratings with their reviews. The
-- conversation is read on its own route, not with the cached ticket detail, so these tables need
-- no detail-version triggers.
CREATE TABLE "ticket_attachments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"mail_id" bigint NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_mail_threads" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"reply_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_mail_threads_reply_token_unique" UNIQUE("reply_token")
);
--> statement-breakpoint
CREATE TABLE "ticket_mails" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"direction" text NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"message_id" text,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"author_id" text,
	"notification_id" bigint,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ticket_mails_message_id_unique" UNIQUE("message_id"),
	CONSTRAINT "ticket_mails_direction_known" CHECK ("ticket_mails"."direction" in ('in', 'out')),
	CONSTRAINT "ticket_mails_channel_known" CHECK ("ticket_mails"."channel" in ('email', 'status-page'))
);
--> statement-breakpoint
CREATE TABLE "ticket_ratings" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"score" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"department_key" text,
	"agent_id" text,
	"late" boolean DEFAULT false NOT NULL,
	"review_status" text DEFAULT 'none' NOT NULL,
	"reviewed_by" text,
	"reviewed_at" timestamp with time zone,
	"review_note" text,
	CONSTRAINT "ticket_ratings_score_range" CHECK ("ticket_ratings"."score" between 1 and 5),
	CONSTRAINT "ticket_ratings_review_known" CHECK ("ticket_ratings"."review_status" in ('none', 'open', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "ticket_status_links" (
	"token" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "reply_to" text;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD COLUMN "form_published" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_types" ADD COLUMN "form_origins" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_attachments" ADD CONSTRAINT "ticket_attachments_mail_id_ticket_mails_id_fk" FOREIGN KEY ("mail_id") REFERENCES "public"."ticket_mails"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mail_threads" ADD CONSTRAINT "ticket_mail_threads_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_mails" ADD CONSTRAINT "ticket_mails_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_department_key_departments_key_fk" FOREIGN KEY ("department_key") REFERENCES "public"."departments"("key") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_ratings" ADD CONSTRAINT "ticket_ratings_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_status_links" ADD CONSTRAINT "ticket_status_links_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_attachments_ticket_idx" ON "ticket_attachments" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_mails_ticket_idx" ON "ticket_mails" USING btree ("ticket_id","at");--> statement-breakpoint
CREATE INDEX "ticket_ratings_rated_idx" ON "ticket_ratings" USING btree ("rated_at");--> statement-breakpoint
CREATE INDEX "ticket_ratings_open_reviews_idx" ON "ticket_ratings" USING btree ("department_key") WHERE "ticket_ratings"."review_status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "ticket_status_links_one_live" ON "ticket_status_links" USING btree ("ticket_id") WHERE "ticket_status_links"."revoked_at" is null;