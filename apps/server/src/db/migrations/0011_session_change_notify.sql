-- Every app process caches session lookups for a few seconds (decision 0018) and LISTENs on
-- jhrm_session_changes; these triggers NOTIFY it (at commit, whoever writes) whenever a cached
-- lookup could be wrong: a session ended or changed, a user changed, a unit's or department's name.
-- Payloads: 's:<session id>,…', 'u:<user id>', or '*' (forget everything).
CREATE OR REPLACE FUNCTION sessions_deleted_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  payload text;
BEGIN
  -- a notification carries at most 8000 bytes: beyond 100 ids (64 characters each), forget everything
  SELECT CASE WHEN count(*) > 100 THEN '*' ELSE 's:' || string_agg(id, ',') END INTO payload FROM ended_sessions;
  IF payload IS NOT NULL THEN
    PERFORM pg_notify('jhrm_session_changes', payload);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_deleted_notify
  AFTER DELETE ON sessions REFERENCING OLD TABLE AS ended_sessions
  FOR EACH STATEMENT EXECUTE FUNCTION sessions_deleted_notify();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION sessions_changed_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jhrm_session_changes', 's:' || OLD.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- moving last_seen_at forward is the once-a-minute touch of a live session: no news
CREATE TRIGGER sessions_changed_notify
  AFTER UPDATE ON sessions FOR EACH ROW
  WHEN (NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.csrf_token IS DISTINCT FROM OLD.csrf_token
        OR NEW.expires_at IS DISTINCT FROM OLD.expires_at OR NEW.last_seen_at < OLD.last_seen_at)
  EXECUTE FUNCTION sessions_changed_notify();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_changed_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jhrm_session_changes', 'u:' || OLD.id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_changed_notify
  AFTER UPDATE OF account, name, role, status, unit_id, department_id, must_change_password, password_changed_at ON users
  FOR EACH ROW EXECUTE FUNCTION users_changed_notify();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION session_names_changed_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jhrm_session_changes', '*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER units_changed_notify
  AFTER UPDATE OF name, uscc ON units
  FOR EACH STATEMENT EXECUTE FUNCTION session_names_changed_notify();
--> statement-breakpoint
CREATE TRIGGER departments_changed_notify
  AFTER UPDATE OF name ON departments
  FOR EACH STATEMENT EXECUTE FUNCTION session_names_changed_notify();
