-- A timing rule version applied to a running ticket shows on its timeline (the detail reads
-- timing_rule_applications beside ticket_events), so an application changes the ticket's detail
-- as a new timeline entry does: the same trigger gives the ticket a fresh detail_version.
CREATE TRIGGER timing_rule_applications_detail_changed AFTER INSERT OR UPDATE OR DELETE ON timing_rule_applications
  FOR EACH ROW EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER timing_rule_applications_detail_truncated AFTER TRUNCATE ON timing_rule_applications
  FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
