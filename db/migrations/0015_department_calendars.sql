-- A department may keep its own business hours: its tasks' clocks count on that calendar, and
-- the ticket's clock while the department holds the ticket. Null: the flow's calendar.
ALTER TABLE "departments" ADD COLUMN "calendar_key" text;--> statement-breakpoint
ALTER TABLE "departments" ADD CONSTRAINT "departments_calendar_key_calendars_key_fk" FOREIGN KEY ("calendar_key") REFERENCES "public"."calendars"("key") ON DELETE set null ON UPDATE no action;