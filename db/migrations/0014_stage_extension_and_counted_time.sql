-- Per stage: the time extensions granted (0: none) and, once closed, the business time its SLA
-- clock counted, so reports tell "met the original target" from "met after an extension". Null
-- on rows recorded before: reports count those as met without an extension.
ALTER TABLE "stages" ADD COLUMN "sla_extended_ms" bigint;--> statement-breakpoint
ALTER TABLE "stages" ADD COLUMN "sla_consumed_ms" bigint;