-- SLA levels pending and recorded, per (ticket, clock, level, due instant): the escalation watch
-- records and notifies a level on time when the workflow lags behind its timers, and whichever
-- records a level first sends its notices, once.
CREATE TABLE "sla_escalations" (
	"ticket_id" text NOT NULL,
	"clock" text NOT NULL,
	"level" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"task_id" text,
	"notifications" jsonb NOT NULL,
	"webhook_data" jsonb NOT NULL,
	"seq" integer NOT NULL,
	"recorded_at" timestamp with time zone,
	"recorded_by" text,
	CONSTRAINT "sla_escalations_ticket_id_clock_level_due_at_pk" PRIMARY KEY("ticket_id","clock","level","due_at"),
	CONSTRAINT "sla_escalations_level_known" CHECK ("sla_escalations"."level" in ('warning', 'overdue', 'severe')),
	CONSTRAINT "sla_escalations_recorded_by_known" CHECK (("sla_escalations"."recorded_at" is null) = ("sla_escalations"."recorded_by" is null) and ("sla_escalations"."recorded_by" is null or "sla_escalations"."recorded_by" in ('workflow', 'watch')))
);
--> statement-breakpoint
ALTER TABLE "sla_escalations" ADD CONSTRAINT "sla_escalations_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sla_escalations_pending_idx" ON "sla_escalations" USING btree ("due_at") WHERE "sla_escalations"."recorded_at" is null;
