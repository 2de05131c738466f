-- Issue 15: each redemption of an offer with what it gave (the offers' cost in a campaign's results, and revenue net of
-- discounts), and whether a whole return gave it back; the budget row counts redemptions itself, so checking a hold
-- reads that row and the live holds (a partial index, V33), never every offer of the campaign.
ALTER TABLE member_offer ADD COLUMN given_back_on_return BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE campaign_offer_budget ADD COLUMN redeemed INT NOT NULL DEFAULT 0;

CREATE TABLE offer_redemption (
    offer_id       UUID          NOT NULL,
    receipt_id     UUID          NOT NULL,
    tenant_id      UUID          NOT NULL,
    campaign_id    UUID          NOT NULL,
    member_id      UUID          NOT NULL,
    discount       NUMERIC(14,4) NOT NULL,
    points         BIGINT        NOT NULL,
    redeemed_at    TIMESTAMPTZ   NOT NULL,
    given_back_at  TIMESTAMPTZ,
    PRIMARY KEY (offer_id, receipt_id)
);
CREATE INDEX offer_redemption_campaign ON offer_redemption (campaign_id);
CREATE INDEX offer_redemption_receipt ON offer_redemption (tenant_id, receipt_id);
ALTER TABLE offer_redemption ENABLE ROW LEVEL SECURITY;
ALTER TABLE offer_redemption FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON offer_redemption USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The counters start from what was redeemed so far, tenant by tenant (row-level security binds this role too).
DO $$
DECLARE t uuid;
BEGIN
    FOR t IN SELECT id FROM tenant_view LOOP
        PERFORM set_config('app.tenant_id', t::text, true);
        UPDATE campaign_offer_budget b SET redeemed = (SELECT coalesce(sum(o.redeemed), 0) FROM member_offer o
                                                       WHERE o.campaign_id = b.campaign_id);
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
