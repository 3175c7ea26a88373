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
-- The same four triggers on each child table.
DO $$
DECLARE
  child text;
BEGIN
  FOREACH child IN ARRAY ARRAY['stages', 'ticket_events', 'extension_requests'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed()', child || '_detail_insert', child);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed()', child || '_detail_update', child);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows '
      'FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed()', child || '_detail_delete', child);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed()', child || '_detail_truncate', child);
  END LOOP;
END
$$;
