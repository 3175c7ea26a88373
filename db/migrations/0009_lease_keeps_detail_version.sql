-- A decision's lease on an extension request (granting_until: taken while the engine applies a
-- grant or denial, given back when the engine refuses it) is no part of a ticket's detail: an
-- update that changes only the lease leaves the ticket's detail_version as it was, so a refused
-- decision changes no row. Inserts, deletes and every other update still move it (0004).
DROP TRIGGER extension_requests_detail_changed ON extension_requests;
--> statement-breakpoint
CREATE TRIGGER extension_requests_detail_changed AFTER INSERT OR DELETE ON extension_requests
  FOR EACH ROW EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER extension_requests_detail_updated AFTER UPDATE ON extension_requests
  FOR EACH ROW
  WHEN ((to_jsonb(OLD) - 'granting_until') IS DISTINCT FROM (to_jsonb(NEW) - 'granting_until'))
  EXECUTE FUNCTION baton_ticket_detail_children_changed();
