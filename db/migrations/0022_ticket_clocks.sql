-- Each timing-rule clock of a ticket as last measured, so SLA reports on the rules' clocks
-- (attainment, counted and paused time) read rows instead of replaying every ticket's timeline.
-- Tickets whose facts last changed before this migration get their rows at their next change.
CREATE TABLE "ticket_clocks" (
	"ticket_id" text NOT NULL,
	"rule_key" text NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"level" text NOT NULL,
	"met" boolean,
	"target_ms" bigint NOT NULL,
	"counted_ms" bigint NOT NULL,
	"paused_ms" bigint NOT NULL,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"measured_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ticket_clocks_ticket_id_rule_key_pk" PRIMARY KEY("ticket_id","rule_key"),
	CONSTRAINT "ticket_clocks_state_known" CHECK ("ticket_clocks"."state" in ('waiting', 'running', 'paused', 'stopped'))
);
--> statement-breakpoint
ALTER TABLE "ticket_clocks" ADD CONSTRAINT "ticket_clocks_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ticket_clocks_rule_stopped_idx" ON "ticket_clocks" USING btree ("rule_key","stopped_at");