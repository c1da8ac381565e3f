-- A 统一社会信用代码 belongs to one unit: the unit registered with it, or, while no unit is, the unit
-- whose institution used it first. Institutions of different units never share a non-empty code,
-- and no institution carries the code of another registered unit. Triggers, because the rule spans
-- two tables (units, institutions); the code's advisory lock makes it hold under concurrent writers.
CREATE OR REPLACE FUNCTION uscc_lock(p_uscc text) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  -- Writers of one code queue here until the earlier one commits; READ COMMITTED then lets the
  -- checks that follow see its rows. 256 buckets ("jhus", hash & 255) bound the locks a bulk insert holds.
  PERFORM pg_advisory_xact_lock(1785230707, hashtext(p_uscc) & 255);
END;
$$;
--> statement-breakpoint
-- May an institution of p_unit carry p_uscc? Not when another unit is registered with it, nor when
-- an institution of another unit carries it.
CREATE OR REPLACE FUNCTION uscc_taken_by_other_unit(p_uscc text, p_unit uuid) RETURNS boolean
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF p_uscc IS NULL OR p_uscc = '' THEN
    RETURN false;
  END IF;
  PERFORM uscc_lock(p_uscc);
  RETURN EXISTS (SELECT 1 FROM units WHERE uscc = p_uscc AND id <> p_unit)
      OR EXISTS (SELECT 1 FROM institutions WHERE uscc = p_uscc AND unit_id <> p_unit);
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION institutions_uscc_one_unit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF uscc_taken_by_other_unit(NEW.uscc, NEW.unit_id) THEN
    RAISE EXCEPTION 'uscc % belongs to another unit', NEW.uscc
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'institutions_uscc_one_unit';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER institutions_uscc_one_unit_insert
  BEFORE INSERT ON institutions
  FOR EACH ROW EXECUTE FUNCTION institutions_uscc_one_unit();
--> statement-breakpoint
CREATE TRIGGER institutions_uscc_one_unit_update
  BEFORE UPDATE OF uscc, unit_id ON institutions
  FOR EACH ROW WHEN (NEW.uscc IS DISTINCT FROM OLD.uscc OR NEW.unit_id IS DISTINCT FROM OLD.unit_id)
  EXECUTE FUNCTION institutions_uscc_one_unit();
--> statement-breakpoint
-- A unit registering (or created by an import) with a code that an institution of a unit with
-- another code already carries. The unit with that code, if it exists, keeps its own institutions.
CREATE OR REPLACE FUNCTION units_uscc_one_unit() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM uscc_lock(NEW.uscc);
  IF EXISTS (SELECT 1 FROM institutions i JOIN units u ON u.id = i.unit_id WHERE i.uscc = NEW.uscc AND u.uscc <> NEW.uscc) THEN
    RAISE EXCEPTION 'uscc % is used by an institution of another unit', NEW.uscc
      USING ERRCODE = 'unique_violation', CONSTRAINT = 'units_uscc_used_by_other_unit';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_uscc_one_unit_insert
  BEFORE INSERT ON units
  FOR EACH ROW EXECUTE FUNCTION units_uscc_one_unit();
--> statement-breakpoint
CREATE TRIGGER units_uscc_one_unit_update
  BEFORE UPDATE OF uscc ON units
  FOR EACH ROW WHEN (NEW.uscc IS DISTINCT FROM OLD.uscc)
  EXECUTE FUNCTION units_uscc_one_unit();
