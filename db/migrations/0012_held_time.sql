-- Time a stage spent on hold (waiting on the customer), apart from working time: every hold
-- summed, wall-clock and in the stage's business calendar; work = total - held. For an open stage
-- the holds that have ended, held_since the start of the one in progress. Null: written before
-- these columns, unknown (reports count it as no waiting).
ALTER TABLE "stages" ADD COLUMN "held_ms" bigint;--> statement-breakpoint
ALTER TABLE "stages" ADD COLUMN "business_held_ms" bigint;--> statement-breakpoint
ALTER TABLE "stages" ADD COLUMN "held_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_held_within_total" CHECK (coalesce("stages"."held_ms", 0) >= 0 and coalesce("stages"."business_held_ms", 0) >= 0
        and ("stages"."total_ms" is null or coalesce("stages"."held_ms", 0) <= "stages"."total_ms"));--> statement-breakpoint
-- Rollups per measure (elapsed, work, waiting) as well as per clock; the rows built so far are
-- elapsed time.
ALTER TABLE "stage_rollups" ADD COLUMN "measure" text DEFAULT 'elapsed' NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_rollups" ADD CONSTRAINT "stage_rollups_measure_known" CHECK ("stage_rollups"."measure" in ('elapsed', 'work', 'waiting'));--> statement-breakpoint
-- Days rolled up before this migration have no work or waiting rows: mark them changed, so
-- reports read their stages until the compactor has rebuilt them with every measure.
INSERT INTO stage_day_changes (day)
  SELECT day FROM stage_rollup_days;
