ALTER TABLE "extension_requests" ADD COLUMN "granting_until" timestamp with time zone;--> statement-breakpoint
-- Databases made before this index may hold several pending requests for one task (concurrent
-- requests all passed a check-then-insert): the oldest stays pending, the others are closed as
-- denied with a note saying why, so the unique index below can be built.
UPDATE "extension_requests" AS "x" SET "status" = 'denied', "decided_at" = now(),
  "decision_note" = 'closed on upgrade: an older request for the same task was pending (one pending request per task)'
WHERE "x"."status" = 'pending' AND EXISTS (
  SELECT 1 FROM "extension_requests" AS "y"
  WHERE "y"."ticket_id" = "x"."ticket_id" AND "y"."task_id" = "x"."task_id" AND "y"."status" = 'pending'
    AND ("y"."created_at", "y"."id") < ("x"."created_at", "x"."id"));--> statement-breakpoint
CREATE UNIQUE INDEX "extension_requests_one_pending" ON "extension_requests" USING btree ("ticket_id","task_id") WHERE "extension_requests"."status" = 'pending';