-- Command-side uniqueness of a member's phone, e-mail and card number per tenant. The digest is
-- HMAC-SHA256 under the platform's claim key of (tenant, kind, normalised value): the table never
-- holds the values, and the same phone in two tenants gives two unrelated digests.
CREATE TABLE member_claim (
    tenant_id UUID        NOT NULL,
    kind      VARCHAR(8)  NOT NULL,
    digest    BYTEA       NOT NULL,
    member_id UUID        NOT NULL,
    PRIMARY KEY (tenant_id, kind, digest)
);
CREATE INDEX member_claim_member ON member_claim (tenant_id, member_id);

ALTER TABLE member_claim ENABLE ROW LEVEL SECURITY;
ALTER TABLE member_claim FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON member_claim
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
