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
-- Row-level: a statement-level trigger with transition tables must plan its UPDATE afresh on
-- every call, which nearly doubled the cost of a read-model step; a row-level one runs a cached
-- primary-key update. A ticket whose row this transaction already wrote (the read-model step
-- updates it first) already has its new version, so later rows of the same ticket cost a lookup.
CREATE FUNCTION baton_ticket_detail_children_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE tickets SET detail_version = nextval('ticket_detail_versions');
    RETURN NULL;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE tickets SET detail_version = nextval('ticket_detail_versions')
      WHERE id = NEW.ticket_id AND xmin <> pg_current_xact_id()::xid;
  END IF;
  IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.ticket_id IS DISTINCT FROM NEW.ticket_id) THEN
    UPDATE tickets SET detail_version = nextval('ticket_detail_versions')
      WHERE id = OLD.ticket_id AND xmin <> pg_current_xact_id()::xid;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The same two triggers on each child table.
DO $$
DECLARE
  child text;
BEGIN
  FOREACH child IN ARRAY ARRAY['stages', 'ticket_events', 'extension_requests'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I '
      'FOR EACH ROW EXECUTE FUNCTION baton_ticket_detail_children_changed()', child || '_detail_changed', child);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I '
      'FOR EACH STATEMENT EXECUTE FUNCTION baton_ticket_detail_children_changed()', child || '_detail_truncated', child);
  END LOOP;
END
$$;
