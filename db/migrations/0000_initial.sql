CREATE TABLE "api_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "assignment_cursors" (
	"department_key" text PRIMARY KEY NOT NULL,
	"last_user_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendars" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"spec" jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"lead_user_id" text,
	"email" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_key_format" CHECK ("departments"."key" ~ '^[a-z0-9][a-z0-9_-]*$')
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_id" text NOT NULL,
	"task_id" text NOT NULL,
	"requested_by" text NOT NULL,
	"extend_by_ms" bigint NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_requests_positive" CHECK ("extension_requests"."extend_by_ms" > 0),
	CONSTRAINT "extension_requests_status_known" CHECK ("extension_requests"."status" in ('pending', 'granted', 'denied'))
);
--> statement-breakpoint
CREATE TABLE "flow_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"ticket_type_id" text NOT NULL,
	"version" integer NOT NULL,
	"xml" text NOT NULL,
	"compiled" jsonb NOT NULL,
	"deployed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deployed_by" text,
	CONSTRAINT "flow_versions_version_positive" CHECK ("flow_versions"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "flows" (
	"ticket_type_id" text PRIMARY KEY NOT NULL,
	"xml" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"user_id" text NOT NULL,
	"key" text NOT NULL,
	"method" text NOT NULL,
	"path" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_user_id_key_pk" PRIMARY KEY("user_id","key")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"user_id" text NOT NULL,
	"department_key" text NOT NULL,
	CONSTRAINT "memberships_user_id_department_key_pk" PRIMARY KEY("user_id","department_key")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"ticket_id" text,
	"task_id" text,
	"user_id" text,
	"email" text,
	"channel" text NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"error" text,
	CONSTRAINT "notifications_dedupe_key_unique" UNIQUE("dedupe_key"),
	CONSTRAINT "notifications_channel_known" CHECK ("notifications"."channel" in ('email', 'in_app'))
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"ticket_id" text NOT NULL,
	"task_id" text NOT NULL,
	"element_id" text NOT NULL,
	"name" text NOT NULL,
	"department_key" text,
	"assignee_id" text,
	"entered_at" timestamp with time zone NOT NULL,
	"claimed_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" text,
	"sla_target_ms" bigint,
	"sla_calendar" text,
	"due_at" timestamp with time zone,
	"sla_level" text DEFAULT 'ok' NOT NULL,
	"queue_ms" bigint,
	"work_ms" bigint,
	"total_ms" bigint,
	"business_queue_ms" bigint,
	"business_work_ms" bigint,
	"business_total_ms" bigint,
	CONSTRAINT "stages_ticket_id_task_id_pk" PRIMARY KEY("ticket_id","task_id"),
	CONSTRAINT "stages_sla_level_known" CHECK ("stages"."sla_level" in ('ok', 'warning', 'overdue', 'severe')),
	CONSTRAINT "stages_claimed_after_entered" CHECK ("stages"."claimed_at" is null or "stages"."claimed_at" >= "stages"."entered_at"),
	CONSTRAINT "stages_closed_after_entered" CHECK ("stages"."closed_at" is null or "stages"."closed_at" >= "stages"."entered_at"),
	CONSTRAINT "stages_durations_non_negative" CHECK (coalesce("stages"."queue_ms", 0) >= 0 and coalesce("stages"."work_ms", 0) >= 0 and coalesce("stages"."total_ms", 0) >= 0
        and coalesce("stages"."business_queue_ms", 0) >= 0 and coalesce("stages"."business_work_ms", 0) >= 0
        and coalesce("stages"."business_total_ms", 0) >= 0 and coalesce("stages"."sla_target_ms", 0) >= 0),
	CONSTRAINT "stages_closed_has_total" CHECK ("stages"."closed_at" is null or "stages"."total_ms" is not null)
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"ticket_id" text NOT NULL,
	"seq" integer NOT NULL,
	"ord" integer DEFAULT 0 NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"task_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "ticket_events_ticket_id_seq_ord_pk" PRIMARY KEY("ticket_id","seq","ord")
);
--> statement-breakpoint
CREATE TABLE "ticket_types" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"number" bigserial NOT NULL,
	"type_id" text NOT NULL,
	"flow_version_id" text NOT NULL,
	"title" text NOT NULL,
	"priority" text DEFAULT 'medium' NOT NULL,
	"category" text DEFAULT 'other' NOT NULL,
	"service" text,
	"status" text DEFAULT 'submitted' NOT NULL,
	"customer" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"fields" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"owner_id" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"sla_due_at" timestamp with time zone,
	"sla_level" text DEFAULT 'ok' NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "tickets_number_unique" UNIQUE("number"),
	CONSTRAINT "tickets_priority_known" CHECK ("tickets"."priority" in ('urgent', 'high', 'medium', 'low')),
	CONSTRAINT "tickets_category_known" CHECK ("tickets"."category" in ('fault', 'inquiry', 'service-request', 'complaint', 'suggestion', 'refund', 'other')),
	CONSTRAINT "tickets_status_known" CHECK ("tickets"."status" in ('submitted', 'pending', 'in_progress', 'replied', 'done', 'cancelled')),
	CONSTRAINT "tickets_sla_level_known" CHECK ("tickets"."sla_level" in ('ok', 'warning', 'overdue', 'severe')),
	CONSTRAINT "tickets_closed_after_created" CHECK ("tickets"."closed_at" is null or "tickets"."closed_at" >= "tickets"."created_at")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_roles_known" CHECK ("users"."roles" <@ ARRAY['admin', 'process_owner', 'agent', 'manager', 'developer']::text[])
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_cursors" ADD CONSTRAINT "assignment_cursors_department_key_departments_key_fk" FOREIGN KEY ("department_key") REFERENCES "public"."departments"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_lead_user_id_users_id_fk" FOREIGN KEY ("lead_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_versions" ADD CONSTRAINT "flow_versions_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flow_versions" ADD CONSTRAINT "flow_versions_deployed_by_users_id_fk" FOREIGN KEY ("deployed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_ticket_type_id_ticket_types_id_fk" FOREIGN KEY ("ticket_type_id") REFERENCES "public"."ticket_types"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flows" ADD CONSTRAINT "flows_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_department_key_departments_key_fk" FOREIGN KEY ("department_key") REFERENCES "public"."departments"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_department_key_departments_key_fk" FOREIGN KEY ("department_key") REFERENCES "public"."departments"("key") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_type_id_ticket_types_id_fk" FOREIGN KEY ("type_id") REFERENCES "public"."ticket_types"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_flow_version_id_flow_versions_id_fk" FOREIGN KEY ("flow_version_id") REFERENCES "public"."flow_versions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendars_one_default_key" ON "calendars" USING btree ("is_default") WHERE "calendars"."is_default";--> statement-breakpoint
CREATE INDEX "extension_requests_ticket_idx" ON "extension_requests" USING btree ("ticket_id","task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "flow_versions_type_version_key" ON "flow_versions" USING btree ("ticket_type_id","version");--> statement-breakpoint
CREATE INDEX "memberships_department_idx" ON "memberships" USING btree ("department_key");--> statement-breakpoint
CREATE INDEX "notifications_user_unread_idx" ON "notifications" USING btree ("user_id","created_at") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "stages_open_due_idx" ON "stages" USING btree ("due_at") WHERE "stages"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "stages_closed_department_idx" ON "stages" USING btree ("department_key","closed_at") WHERE "stages"."closed_at" is not null;--> statement-breakpoint
CREATE INDEX "stages_assignee_open_idx" ON "stages" USING btree ("assignee_id") WHERE "stages"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "stages_element_idx" ON "stages" USING btree ("element_id");--> statement-breakpoint
CREATE INDEX "ticket_events_at_idx" ON "ticket_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "tickets_type_status_idx" ON "tickets" USING btree ("type_id","status");--> statement-breakpoint
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));