-- Issue 13: providers' notifications. New tables only: no maintenance window.

-- Which account an opaque webhook id names. A notification arrives with no tenant bound, so this lookup has no
-- row-level security; it holds ids only (no settings, no secrets).
CREATE TABLE payment_webhook (
    webhook_id VARCHAR(32) PRIMARY KEY,
    provider   VARCHAR(16) NOT NULL,
    tenant_id  UUID        NOT NULL
);
-- Accounts set before this migration (visible only where the migrating role is not held by row-level security;
-- any other account gets its row the next time it is saved).
INSERT INTO payment_webhook (webhook_id, provider, tenant_id)
SELECT webhook_id, provider, tenant_id FROM payment_provider_account ON CONFLICT DO NOTHING;

-- Every notification, once per provider and event id: duplicates are recognised, rejections kept for the operator.
CREATE TABLE payment_notification (
    provider    VARCHAR(16)  NOT NULL,
    event_id    VARCHAR(128) NOT NULL,
    tenant_id   UUID,
    outcome     VARCHAR(12)  NOT NULL,
    reason      VARCHAR(120),
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (provider, event_id)
);
