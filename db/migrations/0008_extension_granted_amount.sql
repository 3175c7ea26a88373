ALTER TABLE "extension_requests" ADD COLUMN "granted_ms" bigint;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_granted_positive" CHECK ("extension_requests"."granted_ms" is null or "extension_requests"."granted_ms" > 0);--> statement-breakpoint
-- Grants before this migration granted what was asked.
UPDATE "extension_requests" SET "granted_ms" = "extend_by_ms" WHERE "status" = 'granted';
