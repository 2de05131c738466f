-- Issue 15: campaigns. New tables only: no maintenance window.

-- Read model of the Campaign aggregate (subscribing projection: the command's transaction).
CREATE TABLE campaign_view (
    id           UUID PRIMARY KEY,
    tenant_id    UUID         NOT NULL,
    name         VARCHAR(200) NOT NULL,
    status       VARCHAR(12)  NOT NULL,
    spec         TEXT         NOT NULL,
    send_at      TIMESTAMPTZ,
    started_at   TIMESTAMPTZ,
    completed_at TIMESTAMPTZ,
    treated      BIGINT,
    holdout      BIGINT,
    queued       BIGINT,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX campaign_view_tenant ON campaign_view (tenant_id, created_at);

-- The audience frozen at send time (command side: never in events). grp TREATED or HOLDOUT, by a
-- stable hash of campaign and member; outbox_key names the member's message once it is queued.
CREATE TABLE campaign_recipient (
    campaign_id UUID        NOT NULL,
    member_id   UUID        NOT NULL,
    tenant_id   UUID        NOT NULL,
    grp         VARCHAR(8)  NOT NULL,
    coupon_code VARCHAR(64),
    outbox_key  VARCHAR(200),
    queued_at   TIMESTAMPTZ,
    PRIMARY KEY (campaign_id, member_id)
);
CREATE UNIQUE INDEX campaign_recipient_coupon ON campaign_recipient (tenant_id, coupon_code) WHERE coupon_code IS NOT NULL;
CREATE INDEX campaign_recipient_member ON campaign_recipient (tenant_id, member_id);
CREATE INDEX campaign_recipient_unqueued ON campaign_recipient (campaign_id) WHERE grp = 'TREATED' AND queued_at IS NULL;

-- Campaigns the runner must act on (scheduled ones from due_at, running ones until all is queued), across
-- tenants: ids and times only, so it carries no row-level security (like payment_due).
CREATE TABLE campaign_due (
    campaign_id UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['campaign_view', 'campaign_recipient'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
