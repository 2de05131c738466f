-- Issue 13: face-pay payments, their refunds, members' saved cards, tenants' payment settings.
-- New tables only: no maintenance window.

-- The payments read model, kept by the payment events in the command's transaction.
-- No payment code, card number or token: our reference is derived from the id, the provider's is its charge id.
CREATE TABLE payment_view (
    id                 UUID          PRIMARY KEY,
    tenant_id          UUID          NOT NULL,
    checkout_id        UUID          NOT NULL,
    member_id          UUID,
    method             VARCHAR(16)   NOT NULL,
    amount             NUMERIC(14,4) NOT NULL,
    currency           CHAR(3)       NOT NULL,
    status             VARCHAR(12)   NOT NULL,
    reason             VARCHAR(120),
    fingerprint        VARCHAR(64)   NOT NULL,
    provider_reference VARCHAR(80),
    requested_at       TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL
);
CREATE INDEX payment_view_checkout ON payment_view (tenant_id, checkout_id);

CREATE TABLE payment_refund_view (
    payment_id   UUID          NOT NULL REFERENCES payment_view (id) ON DELETE CASCADE,
    refund_id    VARCHAR(64)   NOT NULL,
    tenant_id    UUID          NOT NULL,
    amount       NUMERIC(14,4) NOT NULL,
    status       VARCHAR(12)   NOT NULL,
    reason       VARCHAR(120),
    reference    VARCHAR(80),
    requested_at TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (payment_id, refund_id)
);

-- The worker's to-do list across tenants: ids and times only, so it needs no tenant binding (no row-level security).
-- refund_id '' is the payment's own next step.
CREATE TABLE payment_due (
    payment_id UUID        NOT NULL,
    refund_id  VARCHAR(64) NOT NULL DEFAULT '',
    tenant_id  UUID        NOT NULL,
    due_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (payment_id, refund_id)
);
CREATE INDEX payment_due_at ON payment_due (due_at);

-- A member's Stripe customer and the cards saved on it for off-session charges at the till (ids, brand, last four only).
CREATE TABLE member_payment_customer (
    tenant_id UUID        NOT NULL,
    member_id UUID        NOT NULL,
    customer  VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, member_id)
);
CREATE TABLE member_payment_method (
    tenant_id      UUID        NOT NULL,
    member_id      UUID        NOT NULL,
    payment_method VARCHAR(80) NOT NULL,
    brand          VARCHAR(24),
    last4          CHAR(4),
    saved_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, member_id, payment_method)
);

-- The payer's id at a provider (WeChat's openid) seen when the member paid: personal data, deleted on erasure,
-- offered for a messenger binding only with the member's consent.
CREATE TABLE member_payer (
    tenant_id UUID        NOT NULL,
    member_id UUID        NOT NULL,
    provider  VARCHAR(16) NOT NULL,
    payer_id  VARCHAR(128) NOT NULL,
    seen_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, member_id, provider)
);

CREATE TABLE payment_settings (
    tenant_id                  UUID PRIMARY KEY,
    stripe_face_threshold      DOUBLE PRECISION,
    per_payment_limit          NUMERIC(14,4) NOT NULL,
    first_query_seconds        INT NOT NULL,
    query_every_seconds        INT NOT NULL,
    pay_window_seconds         INT NOT NULL,
    reverse_not_before_seconds INT NOT NULL
);

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['payment_view', 'payment_refund_view', 'member_payment_customer', 'member_payment_method', 'member_payer',
                             'payment_settings'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
                       'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
