-- Issue 14: a member's own time zone and home store (quiet hours are counted in the member's zone,
-- else the home store's, else the tenant's). Nullable columns without default: catalogue changes only.
ALTER TABLE member_view ADD COLUMN timezone VARCHAR(64);
ALTER TABLE member_view ADD COLUMN home_store_id UUID;

-- A tenant's service-notice texts per kind and channel (JSON: a WeChat template id with field mapping,
-- or a Telegram text, each per locale). No personal data.
CREATE TABLE notice_template (
    tenant_id  UUID        NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    channel    VARCHAR(16) NOT NULL,
    body       TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, kind, channel)
);

-- A tenant's marketing rules: quiet hours, the frequency cap across campaigns, when points-expiring notices go.
CREATE TABLE marketing_terms (
    tenant_id            UUID PRIMARY KEY,
    quiet_from           TIME        NOT NULL,
    quiet_until          TIME        NOT NULL,
    max_per_window       INT         NOT NULL,
    window_days          INT         NOT NULL,
    points_expiring_days INT         NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['notice_template', 'marketing_terms'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
