-- Who may do what, enforced by the engine. Every person logs in as their own role; the group roles below
-- carry the table privileges and the row-level security policies decide, from zb.users, which rows.
-- Group roles are cluster-wide, so every policy also checks the person's role in THIS workspace's zb.users:
-- being office in one workspace gives nothing in another.

DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zbjb_read') THEN CREATE ROLE zbjb_read NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zbjb_write') THEN CREATE ROLE zbjb_write NOLOGIN; END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zbjb_office') THEN CREATE ROLE zbjb_office NOLOGIN; END IF;
END $$;
GRANT zbjb_read TO zbjb_write;
GRANT zbjb_write TO zbjb_office;

-- Nobody but the owner connects, creates objects or temp tables unless granted.
DO $$
BEGIN
  EXECUTE format('REVOKE CONNECT, TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC', current_database());
END $$;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE ALL ON SCHEMA zb FROM PUBLIC;
GRANT USAGE ON SCHEMA zb TO zbjb_read;

-- Who the person behind this connection is in this workspace (SECURITY DEFINER: zb.users itself is guarded).
CREATE FUNCTION zb.my_role() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT role FROM zb.users WHERE name = session_user
$$;
CREATE FUNCTION zb.my_region() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
  SELECT region FROM zb.users WHERE name = session_user
$$;
CREATE FUNCTION zb.my_indicators() RETURNS text[] LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog AS $$
  SELECT coalesce((SELECT indicators FROM zb.users WHERE name = session_user), '{}')
$$;
CREATE FUNCTION zb.period_open(p text) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog AS $$
  SELECT coalesce((SELECT status = 'open' FROM zb.periods WHERE period = p), false)
$$;
CREATE FUNCTION zb.may_see_cell(s text, i text, r text) RETURNS boolean LANGUAGE sql STABLE
  SET search_path = pg_catalog AS $$
  SELECT CASE zb.my_role()
    WHEN 'office' THEN true
    WHEN 'leader' THEN true
    WHEN 'district' THEN r = zb.my_region()
    WHEN 'department' THEN (s || '/' || i) = ANY (zb.my_indicators())
    ELSE false
  END
$$;
CREATE FUNCTION zb.may_write_cell(p text, s text, i text, r text) RETURNS boolean LANGUAGE sql STABLE
  SET search_path = pg_catalog AS $$
  SELECT CASE zb.my_role()
    WHEN 'office' THEN true
    WHEN 'district' THEN r = zb.my_region() AND zb.period_open(p)
    WHEN 'department' THEN (s || '/' || i) = ANY (zb.my_indicators()) AND zb.period_open(p)
    ELSE false
  END
$$;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA zb FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA zb TO zbjb_read;

-- Table privileges: read for everyone, the rest as narrow as the saves need.
GRANT SELECT ON ALL TABLES IN SCHEMA zb TO zbjb_read;
GRANT INSERT ON zb.figures, zb.revisions, zb.audit TO zbjb_write;
GRANT UPDATE (value, note, source, revision, at, by, origin) ON zb.figures TO zbjb_write;
GRANT UPDATE (revision) ON zb.periods TO zbjb_write;
GRANT USAGE ON SEQUENCE zb.audit_id_seq TO zbjb_write;
GRANT INSERT, UPDATE ON zb.periods TO zbjb_office;
GRANT INSERT ON zb.systems, zb.issued_documents TO zbjb_office;
GRANT UPDATE (name, settings) ON zb.workspace TO zbjb_office;
GRANT USAGE ON SEQUENCE zb.issued_documents_id_seq TO zbjb_office;

ALTER TABLE zb.workspace ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.systems ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.periods ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.figures ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE zb.issued_documents ENABLE ROW LEVEL SECURITY;

CREATE POLICY workspace_read ON zb.workspace FOR SELECT USING (zb.my_role() IS NOT NULL);
CREATE POLICY workspace_update ON zb.workspace FOR UPDATE USING (zb.my_role() = 'office');

CREATE POLICY users_read ON zb.users FOR SELECT USING (name = session_user OR zb.my_role() = 'office');

CREATE POLICY systems_read ON zb.systems FOR SELECT USING (zb.my_role() IS NOT NULL);
CREATE POLICY systems_insert ON zb.systems FOR INSERT
  WITH CHECK (zb.my_role() = 'office' AND saved_by = session_user);

CREATE POLICY periods_read ON zb.periods FOR SELECT USING (zb.my_role() IS NOT NULL);
CREATE POLICY periods_insert ON zb.periods FOR INSERT
  WITH CHECK (zb.my_role() = 'office' AND opened_by = session_user);
CREATE POLICY periods_update ON zb.periods FOR UPDATE
  USING (zb.my_role() = 'office' OR (zb.my_role() IN ('district', 'department') AND status = 'open'))
  WITH CHECK (zb.my_role() = 'office' OR (zb.my_role() IN ('district', 'department') AND status = 'open'));

CREATE POLICY figures_read ON zb.figures FOR SELECT USING (zb.may_see_cell(system_id, indicator_id, region));
CREATE POLICY figures_insert ON zb.figures FOR INSERT
  WITH CHECK (zb.may_write_cell(period, system_id, indicator_id, region) AND by = session_user);
CREATE POLICY figures_update ON zb.figures FOR UPDATE
  USING (zb.may_write_cell(period, system_id, indicator_id, region))
  WITH CHECK (zb.may_write_cell(period, system_id, indicator_id, region) AND by = session_user);

CREATE POLICY revisions_read ON zb.revisions FOR SELECT USING (zb.may_see_cell(system_id, indicator_id, region));
CREATE POLICY revisions_insert ON zb.revisions FOR INSERT
  WITH CHECK (zb.may_write_cell(period, system_id, indicator_id, region) AND by = session_user);

CREATE POLICY audit_read ON zb.audit FOR SELECT
  USING (zb.my_role() IN ('office', 'leader') OR by = session_user);
CREATE POLICY audit_insert ON zb.audit FOR INSERT
  WITH CHECK (zb.my_role() IN ('office', 'district', 'department') AND by = session_user);

CREATE POLICY issued_read ON zb.issued_documents FOR SELECT USING (zb.my_role() IN ('office', 'leader'));
CREATE POLICY issued_insert ON zb.issued_documents FOR INSERT
  WITH CHECK (zb.my_role() = 'office' AND issued_by = session_user);
