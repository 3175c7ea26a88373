-- A reopened ticket starts a new cycle of the clocks whose rule starts on `ticket.reopened`: each
-- cycle is a row of its own, so the reports count every cycle, the ones a reopen ended too.
-- Existing rows are their clock's first cycle.
ALTER TABLE "ticket_clocks" ADD COLUMN "cycle" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_clocks" DROP CONSTRAINT "ticket_clocks_ticket_id_rule_key_pk";--> statement-breakpoint
ALTER TABLE "ticket_clocks" ADD CONSTRAINT "ticket_clocks_ticket_id_rule_key_cycle_pk" PRIMARY KEY("ticket_id","rule_key","cycle");
