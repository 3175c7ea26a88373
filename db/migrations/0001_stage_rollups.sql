CREATE TABLE "stage_day_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"day" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_rollup_days" (
	"day" date PRIMARY KEY NOT NULL,
	"compacted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stage_rollups" (
	"day" date NOT NULL,
	"type_id" text NOT NULL,
	"department_key" text,
	"element_id" text NOT NULL,
	"task_name" text NOT NULL,
	"clock" text NOT NULL,
	"count" integer NOT NULL,
	"sum_ms" double precision NOT NULL,
	"below" integer[] NOT NULL,
	"with_target" integer NOT NULL,
	"met" integer NOT NULL,
	"histogram" "bytea" NOT NULL,
	CONSTRAINT "stage_rollups_clock_known" CHECK ("stage_rollups"."clock" in ('wall', 'business'))
);
--> statement-breakpoint
ALTER TABLE "stage_rollups" ADD CONSTRAINT "stage_rollups_day_stage_rollup_days_day_fk" FOREIGN KEY ("day") REFERENCES "public"."stage_rollup_days"("day") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stage_day_changes_day_idx" ON "stage_day_changes" USING btree ("day");--> statement-breakpoint
CREATE INDEX "stage_rollups_day_idx" ON "stage_rollups" USING btree ("day");