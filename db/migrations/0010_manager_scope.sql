-- Per manager, as an admin decides: their reports and tickets cover every department (the default,
-- which keeps existing managers as they were) or only the departments their memberships give.
ALTER TABLE "users" ADD COLUMN "manager_scope" text DEFAULT 'every_department' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_manager_scope_known" CHECK ("users"."manager_scope" in ('every_department', 'memberships'));
