-- Workflow time of the attempt that wrote a ticket's read model last: retried attempts of one
-- workflow task share a history length, so record_fence alone cannot tell them apart.
ALTER TABLE "tickets" ADD COLUMN "record_fence_at" bigint;
