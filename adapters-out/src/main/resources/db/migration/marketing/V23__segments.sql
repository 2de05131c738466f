-- Issue 15: the marketing engine's own read models, fed by its streaming projection from checkout
-- events (never by reading checkout tables), and its segments. New tables only: no maintenance window.

-- One row per receipt (the projection's guard against counting a replayed event twice).
CREATE TABLE mkt_purchase (
    receipt_id UUID PRIMARY KEY,
    tenant_id  UUID          NOT NULL,
    member_id  UUID          NOT NULL,
    store_id   UUID          NOT NULL,
    at         TIMESTAMPTZ   NOT NULL,
    total      NUMERIC(14,2) NOT NULL
);
CREATE INDEX mkt_purchase_member ON mkt_purchase (tenant_id, member_id, at);

-- Purchases per member, day and store: dim 'all' (value '') counts receipts and their totals,
-- 'category' and 'sku' count receipts with such lines and those lines' amounts.
CREATE TABLE mkt_purchase_day (
    tenant_id UUID          NOT NULL,
    member_id UUID          NOT NULL,
    day       DATE          NOT NULL,
    store_id  UUID          NOT NULL,
    dim       VARCHAR(8)    NOT NULL,
    value     VARCHAR(200)  NOT NULL,
    events    INT           NOT NULL,
    spend     NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (tenant_id, dim, value, day, member_id, store_id)
);

-- A checkout's store while it is open: a visit (identified at a till) is counted at that store.
CREATE TABLE mkt_open_checkout (
    checkout_id UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    store_id    UUID        NOT NULL,
    opened_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE mkt_visit_day (
    tenant_id UUID          NOT NULL,
    member_id UUID          NOT NULL,
    day       DATE          NOT NULL,
    store_id  UUID          NOT NULL,
    events    INT           NOT NULL,
    spend     NUMERIC(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, member_id, store_id)
);

-- Each visit once (a replayed identification adds nothing).
CREATE TABLE mkt_visit (
    checkout_id UUID PRIMARY KEY,
    tenant_id   UUID NOT NULL,
    member_id   UUID NOT NULL
);

-- Offers redeemed, per member and day (filled by the offers at the till).
CREATE TABLE mkt_redemption_day (
    tenant_id UUID          NOT NULL,
    member_id UUID          NOT NULL,
    day       DATE          NOT NULL,
    store_id  UUID          NOT NULL,
    events    INT           NOT NULL,
    spend     NUMERIC(14,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, member_id, store_id)
);

CREATE TABLE segment (
    id         UUID PRIMARY KEY,
    tenant_id  UUID         NOT NULL,
    name       VARCHAR(200) NOT NULL,
    condition  TEXT         NOT NULL,
    refers_to  UUID[]       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX segment_tenant ON segment (tenant_id, created_at);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['mkt_purchase', 'mkt_purchase_day', 'mkt_open_checkout', 'mkt_visit_day', 'mkt_visit',
                             'mkt_redemption_day', 'segment'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
