-- Every change to a closed stage marks its UTC day as changed, whichever code path writes it
-- (the read-model activity, imports, manual fixes): a day's rollup is used by reports only while
-- no change is pending for it. Statement-level triggers with transition tables, so a bulk insert
-- of a million stages logs one row per day instead of a million.
CREATE FUNCTION baton_stage_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO stage_day_changes (day)
      SELECT DISTINCT (closed_at AT TIME ZONE 'UTC')::date FROM new_rows WHERE closed_at IS NOT NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO stage_day_changes (day)
      SELECT DISTINCT (closed_at AT TIME ZONE 'UTC')::date FROM old_rows WHERE closed_at IS NOT NULL;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER stages_day_changed_insert AFTER INSERT ON stages
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_stage_days_changed();
--> statement-breakpoint
CREATE TRIGGER stages_day_changed_update AFTER UPDATE ON stages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_stage_days_changed();
--> statement-breakpoint
CREATE TRIGGER stages_day_changed_delete AFTER DELETE ON stages
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION baton_stage_days_changed();
--> statement-breakpoint
-- Stages closed before this migration have no rollup yet: the compactor picks their days up.
INSERT INTO stage_day_changes (day)
  SELECT DISTINCT (closed_at AT TIME ZONE 'UTC')::date FROM stages WHERE closed_at IS NOT NULL;
