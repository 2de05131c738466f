-- Issue 12: gallery-aware thresholds and the till's step-up. New nullable columns (a catalogue
-- change) and new tables only: no maintenance window.
ALTER TABLE face_settings ADD COLUMN confident_threshold DOUBLE PRECISION;
ALTER TABLE face_settings ADD COLUMN false_accepts_per_10k DOUBLE PRECISION;

-- A CONFIRM answer's candidates, kept under the sha256 of the token the till holds (2 minutes).
CREATE TABLE face_step_up (
    tenant_id   UUID        NOT NULL,
    token_hash  TEXT        NOT NULL,
    candidates  TEXT        NOT NULL, -- member ids, comma-separated, best first
    score       DOUBLE PRECISION NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL,
    failures    INTEGER     NOT NULL DEFAULT 0,
    used        BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (tenant_id, token_hash)
);
CREATE INDEX face_step_up_expiry ON face_step_up (expires_at);

-- Wrong phone digits per candidate member, across tokens: five in 15 minutes lock the member's step-up.
CREATE TABLE face_step_up_failure (
    tenant_id  UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    failed_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX face_step_up_failure_member ON face_step_up_failure (tenant_id, member_id, failed_at);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['face_step_up', 'face_step_up_failure'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
            'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
