-- Issue 15: each member's spend over the last 12 months, the till's tier basis, kept by the marketing
-- projection (receipts add to it) and a daily pass (days leaving the window are taken out), so a segment
-- on tier reads one row per member instead of summing a year of purchases. New table: no maintenance window.
CREATE TABLE mkt_member_spend (
    tenant_id UUID          NOT NULL,
    member_id UUID          NOT NULL,
    spend_12m NUMERIC(14,2) NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
);
CREATE INDEX mkt_member_spend_amount ON mkt_member_spend (tenant_id, spend_12m);

ALTER TABLE mkt_member_spend ENABLE ROW LEVEL SECURITY;
ALTER TABLE mkt_member_spend FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mkt_member_spend
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
