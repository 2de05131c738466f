-- Issue 14: messenger accounts, channel bindings, the delivery outbox. New tables only: no maintenance window.

CREATE TABLE messenger_account (
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
-- Callbacks name only the opaque id: looked up before any tenant is bound, ids only.
CREATE TABLE messenger_webhook (
    webhook_id VARCHAR(32) PRIMARY KEY,
    provider   VARCHAR(16) NOT NULL,
    tenant_id  UUID        NOT NULL
);

-- One-time binding tokens (their SHA-256 only), 10 minutes.
CREATE TABLE channel_binding_token (
    token_hash CHAR(64)    PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    channel    VARCHAR(16) NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);

-- A member's account on a channel: WeChat's openid of the tenant's official account, Telegram's chat id.
CREATE TABLE channel_binding (
    tenant_id   UUID         NOT NULL,
    member_id   UUID         NOT NULL,
    channel     VARCHAR(16)  NOT NULL,
    external_id VARCHAR(128) NOT NULL,
    active      BOOLEAN      NOT NULL,
    bound_at    TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, member_id, channel),
    UNIQUE (tenant_id, channel, external_id)
);

-- Callbacks seen (WeChat retries three times): their key, kept to recognise a retry.
CREATE TABLE messenger_callback (
    channel VARCHAR(16)  NOT NULL,
    key     VARCHAR(200) NOT NULL,
    seen_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (channel, key)
);

-- The delivery outbox: written in the transaction of the fact behind each message, sent by the dispatcher across
-- tenants (so no row-level security; erasure deletes a member's rows, bodies and all).
CREATE TABLE outbox_message (
    id         UUID         PRIMARY KEY,
    tenant_id  UUID         NOT NULL,
    member_id  UUID         NOT NULL,
    type       VARCHAR(32)  NOT NULL,
    kind       VARCHAR(12)  NOT NULL,
    fields     TEXT         NOT NULL,
    key        VARCHAR(200) NOT NULL,
    status     VARCHAR(12)  NOT NULL,
    channel    VARCHAR(16),
    attempts   INT          NOT NULL DEFAULT 0,
    next_at    TIMESTAMPTZ  NOT NULL,
    reason     VARCHAR(200),
    created_at TIMESTAMPTZ  NOT NULL,
    sent_at    TIMESTAMPTZ,
    UNIQUE (tenant_id, key)
);
CREATE INDEX outbox_due ON outbox_message (next_at) WHERE status = 'QUEUED';
CREATE INDEX outbox_member ON outbox_message (tenant_id, member_id);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['messenger_account', 'channel_binding_token', 'channel_binding'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
