-- Issue 14: WeChat's windows and mass sends.
-- When the member last wrote to (or scanned, followed) the account: a customer-service message is tried only inside the
-- 48 h that opens; outside it marketing goes by mass send.
ALTER TABLE channel_binding ADD COLUMN last_inbound_at TIMESTAMPTZ;

-- A mass send: its clientmsgid (WeChat starts one job per id in 24 h), the openids and text it carries until it is sent,
-- and the outbox rows it stands for (outbox_message.mass_job). Sent again under the same id after a crash, it is not
-- delivered twice. Across tenants like the outbox it serves (the dispatcher's), so no row-level security.
CREATE TABLE outbox_mass_job (
    client_msg_id VARCHAR(64) PRIMARY KEY,
    tenant_id     UUID        NOT NULL,
    openids       TEXT[]      NOT NULL,
    text          TEXT        NOT NULL,
    status        VARCHAR(12) NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    sent_at       TIMESTAMPTZ
);
ALTER TABLE outbox_message ADD COLUMN mass_job VARCHAR(64);
