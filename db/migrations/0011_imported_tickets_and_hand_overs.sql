-- Tickets imported from an older system (the demo history is one): their history as it stood, in
-- the read model only; no engine runs them, so nothing can be done to their tasks. Null: a ticket
-- Baton's engine runs.
ALTER TABLE "tickets" ADD COLUMN "imported_from" text;--> statement-breakpoint
-- The element id of the user task that handed a stage over (the engine's TaskState.handedOverBy),
-- the task a return goes back to. Null: none, or a stage written before this column.
ALTER TABLE "stages" ADD COLUMN "handed_over_by" text;
