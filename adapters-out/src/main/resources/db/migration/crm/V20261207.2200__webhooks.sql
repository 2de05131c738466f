-- CRM sync out: a tenant's webhook endpoints and what is to be, or was, delivered to them.
-- The signing secrets are sealed like provider credentials (envelope encryption, bound to the row).
CREATE TABLE crm_endpoint (
    id              uuid        PRIMARY KEY,
    tenant_id       uuid        NOT NULL,
    url             text        NOT NULL,
    events          text[]      NOT NULL,
    personal_data   boolean     NOT NULL,
    description     text,
    key_id          varchar(16) NOT NULL,
    wrapped_key     bytea       NOT NULL,
    ciphertext      bytea       NOT NULL,
    status          text        NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
    failing_since   timestamptz,
    disabled_at     timestamptz,
    disabled_reason text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX crm_endpoint_tenant ON crm_endpoint (tenant_id, created_at);
SELECT facecard_isolate_by_tenant('crm_endpoint');

-- One row per event and endpoint. order_key is the member (events about one member go out in order, each after the
-- one before it has ended) or, for events about no member, the row's own id. seq gives the order.
CREATE TABLE crm_delivery (
    id             uuid        PRIMARY KEY,
    seq            bigserial   NOT NULL,
    tenant_id      uuid        NOT NULL,
    endpoint_id    uuid        NOT NULL REFERENCES crm_endpoint (id) ON DELETE CASCADE,
    source_key     text        NOT NULL,
    type           text        NOT NULL,
    member_id      uuid,
    order_key      uuid        NOT NULL,
    data           jsonb       NOT NULL,
    occurred_at    timestamptz NOT NULL,
    created_at     timestamptz NOT NULL,
    window_start   timestamptz NOT NULL,
    status         text        NOT NULL CHECK (status IN ('PENDING', 'PAUSED', 'DELIVERED', 'FAILED')),
    next_at        timestamptz NOT NULL,
    attempts       int         NOT NULL DEFAULT 0,
    last_status    int,
    last_answer    text,
    last_error     text,
    last_attempt_at timestamptz,
    delivered_at   timestamptz,
    UNIQUE (endpoint_id, source_key)
);
CREATE INDEX crm_delivery_due ON crm_delivery (next_at) WHERE status = 'PENDING';
CREATE INDEX crm_delivery_order ON crm_delivery (endpoint_id, order_key, seq) WHERE status IN ('PENDING', 'PAUSED');
CREATE INDEX crm_delivery_log ON crm_delivery (endpoint_id, seq DESC);
CREATE INDEX crm_delivery_member ON crm_delivery (tenant_id, member_id);
COMMENT ON TABLE crm_delivery IS 'cross-tenant: the webhook sender claims due deliveries of every tenant in one statement; each send binds its endpoint''s tenant';

-- Offers applied to an open basket, until the checkout completes (then they were redeemed) or is cancelled.
CREATE TABLE crm_open_offer (
    tenant_id   uuid    NOT NULL,
    checkout_id uuid    NOT NULL,
    offer_id    uuid    NOT NULL,
    member_id   uuid,
    discount    numeric NOT NULL,
    PRIMARY KEY (tenant_id, checkout_id, offer_id)
);
SELECT facecard_isolate_by_tenant('crm_open_offer');
