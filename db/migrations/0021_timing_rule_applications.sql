-- Later timing-rule versions applied to running tickets created under earlier ones: from then on
-- their clocks count against the applied version, keeping what they counted.
CREATE TABLE "timing_rule_applications" (
	"ticket_id" text NOT NULL,
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"applied_by" text,
	"applied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "timing_rule_applications_ticket_id_key_version_pk" PRIMARY KEY("ticket_id","key","version")
);
--> statement-breakpoint
ALTER TABLE "timing_rule_applications" ADD CONSTRAINT "timing_rule_applications_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timing_rule_applications" ADD CONSTRAINT "timing_rule_applications_applied_by_users_id_fk" FOREIGN KEY ("applied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "timing_rule_applications" ADD CONSTRAINT "timing_rule_applications_key_version_timing_rules_key_version_fk" FOREIGN KEY ("key","version") REFERENCES "public"."timing_rules"("key","version") ON DELETE cascade ON UPDATE no action;