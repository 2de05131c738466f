-- Issue 15: personal offers, one row per treated recipient of a campaign with an offer, waiting at the till.
-- New tables only: no maintenance window.
CREATE TABLE member_offer (
    offer_id    UUID PRIMARY KEY,
    tenant_id   UUID          NOT NULL,
    campaign_id UUID          NOT NULL,
    member_id   UUID          NOT NULL,
    coupon_code VARCHAR(64),
    kind        VARCHAR(20)   NOT NULL,
    title       VARCHAR(100)  NOT NULL,
    value       NUMERIC(14,2) NOT NULL,
    category    VARCHAR(200),
    skus        TEXT          NOT NULL,
    valid_until TIMESTAMPTZ   NOT NULL,
    per_member  INT           NOT NULL,
    redeemed    INT           NOT NULL DEFAULT 0,
    held_by     UUID,
    held_until  TIMESTAMPTZ,
    redeemed_at TIMESTAMPTZ,
    UNIQUE (campaign_id, member_id)
);
CREATE INDEX member_offer_member ON member_offer (tenant_id, member_id, valid_until);
CREATE INDEX member_offer_code ON member_offer (tenant_id, coupon_code) WHERE coupon_code IS NOT NULL;
CREATE INDEX member_offer_campaign ON member_offer (campaign_id);

-- A campaign's global budget of redemptions; its row is the lock two tills take in turn for the last unit.
CREATE TABLE campaign_offer_budget (
    campaign_id UUID PRIMARY KEY,
    tenant_id   UUID NOT NULL,
    total       INT  NOT NULL
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['member_offer', 'campaign_offer_budget'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
