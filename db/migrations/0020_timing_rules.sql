-- Timing rules, versioned per key: a ticket is timed by each rule's version current when it was
-- created, so saving a rule never rewrites a clock a running ticket counts on.
CREATE TABLE "timing_rules" (
	"key" text NOT NULL,
	"version" integer NOT NULL,
	"rule" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "timing_rules_key_version_pk" PRIMARY KEY("key","version"),
	CONSTRAINT "timing_rules_version_positive" CHECK ("timing_rules"."version" > 0)
);
--> statement-breakpoint
ALTER TABLE "timing_rules" ADD CONSTRAINT "timing_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;