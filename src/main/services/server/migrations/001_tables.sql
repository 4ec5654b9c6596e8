-- The office's workspace on PostgreSQL: one database per workspace, every table in schema zb.
-- Times are server times (timestamptz); JSON bodies use the same schemas as the file workspace.

CREATE SCHEMA zb;

-- The workspace's settings: the same document as workspace.json in a file workspace.
CREATE TABLE zb.workspace (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  id text NOT NULL,
  name text NOT NULL,
  settings jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per person; name is their database login role.
CREATE TABLE zb.users (
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('office', 'district', 'department', 'leader')),
  region text,
  -- A department user's indicators, as 'systemId/indicatorId'.
  indicators text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'district') = (region IS NOT NULL))
);

-- Indicator systems, versioned: a change is a new version, the current one is the highest.
CREATE TABLE zb.systems (
  id text NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  body jsonb NOT NULL,
  saved_at timestamptz NOT NULL DEFAULT now(),
  saved_by text NOT NULL DEFAULT session_user,
  PRIMARY KEY (id, version)
);

-- Reporting periods the office has opened; revision counts the saves of the period (the journal's rev).
CREATE TABLE zb.periods (
  period text PRIMARY KEY CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|Q[1-4]|H[12])?$'),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0),
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by text NOT NULL DEFAULT session_user,
  closed_at timestamptz,
  closed_by text
);

-- The current value of every cell, with the period revision that last changed it.
CREATE TABLE zb.figures (
  period text NOT NULL REFERENCES zb.periods,
  system_id text NOT NULL,
  indicator_id text NOT NULL,
  region text NOT NULL,
  value jsonb NOT NULL CHECK (jsonb_typeof(value) IN ('number', 'null') OR value = '"/"'::jsonb),
  note text,
  source text,
  revision integer NOT NULL CHECK (revision > 0),
  at timestamptz NOT NULL DEFAULT now(),
  by text NOT NULL DEFAULT session_user,
  origin jsonb NOT NULL,
  PRIMARY KEY (period, system_id, indicator_id, region)
);

-- The journal: one row per changed cell of every save, never updated or deleted.
-- note/source NULL means "not changed by this save"; '' means cleared.
CREATE TABLE zb.revisions (
  period text NOT NULL REFERENCES zb.periods,
  revision integer NOT NULL CHECK (revision > 0),
  seq integer NOT NULL CHECK (seq >= 0),
  at timestamptz NOT NULL DEFAULT now(),
  by text NOT NULL DEFAULT session_user,
  origin jsonb NOT NULL,
  change_origin jsonb,
  system_id text NOT NULL,
  indicator_id text NOT NULL,
  region text NOT NULL,
  old jsonb NOT NULL,
  new jsonb NOT NULL,
  note text,
  source text,
  PRIMARY KEY (period, revision, seq)
);
CREATE INDEX revisions_cell ON zb.revisions (period, system_id, indicator_id, region);

-- Workspace events and one row per save of figures; never updated or deleted.
CREATE TABLE zb.audit (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  by text NOT NULL DEFAULT session_user,
  action text NOT NULL,
  summary text NOT NULL,
  period text,
  region text,
  detail jsonb
);
CREATE INDEX audit_at ON zb.audit (at);

-- Issued briefings and ranking tables (签发登记): the bytes as issued, and their SHA-256 checked by the engine.
CREATE TABLE zb.issued_documents (
  id bigserial PRIMARY KEY,
  period text,
  kind text NOT NULL,
  file_name text NOT NULL,
  bytes bytea NOT NULL,
  sha256 text NOT NULL CHECK (sha256 = encode(sha256(bytes), 'hex')),
  issued_at timestamptz NOT NULL DEFAULT now(),
  issued_by text NOT NULL DEFAULT session_user,
  detail jsonb
);

CREATE FUNCTION zb.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% 只能追加记录，不能修改或删除', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER revisions_append_only BEFORE UPDATE OR DELETE ON zb.revisions
  FOR EACH ROW EXECUTE FUNCTION zb.refuse_change();
CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON zb.revisions
  FOR EACH STATEMENT EXECUTE FUNCTION zb.refuse_change();
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON zb.audit
  FOR EACH ROW EXECUTE FUNCTION zb.refuse_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON zb.audit
  FOR EACH STATEMENT EXECUTE FUNCTION zb.refuse_change();
CREATE TRIGGER issued_documents_append_only BEFORE UPDATE OR DELETE ON zb.issued_documents
  FOR EACH ROW EXECUTE FUNCTION zb.refuse_change();

-- A period's revision only ever moves up by one: a save cannot rewind or skip the journal.
CREATE FUNCTION zb.period_revision_step() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.revision <> OLD.revision AND NEW.revision <> OLD.revision + 1 AND session_user <> (
    SELECT tableowner FROM pg_tables WHERE schemaname = 'zb' AND tablename = 'periods'
  ) THEN
    RAISE EXCEPTION '期别 % 的版本号只能逐一递增（% → %）', OLD.period, OLD.revision, NEW.revision
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER periods_revision_step BEFORE UPDATE ON zb.periods
  FOR EACH ROW EXECUTE FUNCTION zb.period_revision_step();
