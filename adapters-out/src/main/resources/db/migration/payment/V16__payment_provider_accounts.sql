-- Issue 13: tenants' payment provider accounts. A new table only: no maintenance window.
-- settings: what identifies the tenant at the provider (JSON, not secret); secrets: sealed (EnvelopeCipher),
-- never in the clear here.
CREATE TABLE payment_provider_account (
    tenant_id    UUID        NOT NULL,
    provider     VARCHAR(16) NOT NULL,
    settings     TEXT        NOT NULL,
    key_id       VARCHAR(16) NOT NULL,
    wrapped_key  BYTEA       NOT NULL,
    secrets      BYTEA       NOT NULL,
    webhook_id   VARCHAR(32) NOT NULL UNIQUE,
    updated_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, provider)
);
ALTER TABLE payment_provider_account ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_provider_account FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON payment_provider_account
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
