-- A ticket's detail is its row plus its stages, timeline and extension requests. Any change to
-- them, by any code path (the read-model activity, the API, imports, manual fixes), gives the
-- ticket a fresh `detail_version` from a sequence, in the same transaction as the change. A
-- reader that sees version N in one statement therefore sees exactly the state that committed
-- with N, and N never comes back (not even for a ticket deleted and created again), which is
-- what lets the API keep ticket details in memory and check them with one primary-key lookup.
CREATE FUNCTION baton_ticket_detail_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The child-table trigger below sets a new value itself; any other update gets one here.
  IF NEW.detail_version IS NOT DISTINCT FROM OLD.detail_version THEN
    NEW.detail_version := nextval('ticket_detail_versions');
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER tickets_detail_version BEFORE UPDATE ON tickets
  FOR EACH ROW EXECUTE FUNCTION baton_ticket_detail_row_changed();
--> statement-breakpoint
-- Statement-level with transition tables: a bulk write bumps each ticket once. Tickets are locked
-- in id order so two bulk writes over the same tickets cannot deadlock on each other.
CREATE FUNCTION baton_ticket_detail_children_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE tickets SET detail_version = nextval('ticket_detail_versions');
  ELSIF TG_OP = 'INSERT' THEN
    UPDATE tickets t SET detail_version = nextval('ticket_detail_versions')
      FROM (SELECT id FROM tickets WHERE id IN (SELECT ticket_id FROM new_rows) ORDER BY id FOR UPDATE) l
      WHERE t.id = l.id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE tickets t SET detail_version = nextval('ticket_detail_versions')
      FROM (SELECT id FROM tickets
            WHERE id IN (SELECT ticket_id FROM new_rows UNION SELECT ticket_id FROM old_rows)
            ORDER BY id FOR UPDATE) l
      WHERE t.id = l.id;
  ELSE
    UPDATE tickets t SET detail_version = nextval('ticket_detail_versions')
      FROM (SELECT id FROM tickets WHERE id IN (SELECT ticket_id FROM old_rows) ORDER BY id FOR UPDATE) l
      WHERE t.id = l.id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stages_detail_insert AFTER INSERT ON stages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER stages_detail_update AFTER UPDATE ON stages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER stages_detail_delete AFTER DELETE ON stages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER stages_detail_truncate AFTER TRUNCATE ON stages
  FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER ticket_events_detail_insert AFTER INSERT ON ticket_events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER ticket_events_detail_update AFTER UPDATE ON ticket_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER ticket_events_detail_delete AFTER DELETE ON ticket_events
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER ticket_events_detail_truncate AFTER TRUNCATE ON ticket_events
  FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER extension_requests_detail_insert AFTER INSERT ON extension_requests
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER extension_requests_detail_update AFTER UPDATE ON extension_requests
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER extension_requests_detail_delete AFTER DELETE ON extension_requests
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
--> statement-breakpoint
CREATE TRIGGER extension_requests_detail_truncate AFTER TRUNCATE ON extension_requests
  FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed();
