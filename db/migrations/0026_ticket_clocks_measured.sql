-- Marks the tickets whose timing-rule clocks were measured, so the background pass after a start
-- measures only the others: a ticket no rule times leaves no ticket_clocks row, and without a mark
-- it was measured again on every start. Tickets with clock rows were measured already.
ALTER TABLE "tickets" ADD COLUMN "clocks_measured_at" timestamp with time zone;--> statement-breakpoint
UPDATE "tickets" SET "clocks_measured_at" = now()
 WHERE EXISTS (SELECT 1 FROM "ticket_clocks" c WHERE c."ticket_id" = "tickets"."id");
