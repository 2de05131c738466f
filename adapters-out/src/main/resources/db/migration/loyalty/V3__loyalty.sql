-- Bonus ledger, checkout and receipt read models, idempotency records, persistent deadlines.

CREATE TABLE loyalty_program (
    tenant_id   UUID PRIMARY KEY,
    body        TEXT NOT NULL,          -- the program as JSON, as the API shows it
    updated_by  TEXT NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- One row per ledger event: the balance is the sum of points.
CREATE TABLE ledger_entry (
    event_id     TEXT PRIMARY KEY,       -- Axon's event identifier: a replay cannot count an entry twice
    tenant_id    UUID NOT NULL,
    member_id    UUID NOT NULL,
    kind         TEXT NOT NULL,
    points       BIGINT NOT NULL,
    reference    TEXT,
    actor        TEXT,
    at           TIMESTAMPTZ NOT NULL,
    available_at TIMESTAMPTZ,
    expires_at   TIMESTAMPTZ,
    seq          BIGSERIAL NOT NULL
);
CREATE INDEX ledger_entry_member ON ledger_entry (tenant_id, member_id, seq);

-- What is left of each credit: pending until available_at, gone at expires_at.
CREATE TABLE bonus_lot (
    lot_id       UUID PRIMARY KEY,
    tenant_id    UUID NOT NULL,
    member_id    UUID NOT NULL,
    remaining    BIGINT NOT NULL CHECK (remaining >= 0),
    available_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ
);
CREATE INDEX bonus_lot_member ON bonus_lot (tenant_id, member_id);

CREATE TABLE bonus_hold (
    member_id  UUID NOT NULL,
    hold_id    TEXT NOT NULL,
    tenant_id  UUID NOT NULL,
    points     BIGINT NOT NULL CHECK (points > 0),
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, hold_id)
);

CREATE TABLE checkout_view (
    id              UUID PRIMARY KEY,
    tenant_id       UUID NOT NULL,
    store_id        UUID NOT NULL,
    terminal_id     UUID NOT NULL,
    status          TEXT NOT NULL,
    currency        TEXT NOT NULL,
    lines           TEXT NOT NULL,       -- JSON
    total           NUMERIC(19, 4) NOT NULL,
    member_id       UUID,
    held_points     BIGINT NOT NULL DEFAULT 0,
    held_value      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    receipt_number  TEXT,
    points_earned   BIGINT NOT NULL DEFAULT 0,
    points_redeemed BIGINT NOT NULL DEFAULT 0,
    opened_at       TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE receipt_view (
    tenant_id       UUID NOT NULL,
    receipt_number  TEXT NOT NULL,
    member_id       UUID NOT NULL,
    checkout_id     UUID,
    store_id        UUID NOT NULL,
    currency        TEXT NOT NULL,
    total           NUMERIC(19, 4) NOT NULL,
    paid            NUMERIC(19, 4) NOT NULL,
    refunded        NUMERIC(19, 4) NOT NULL DEFAULT 0,
    points_earned   BIGINT NOT NULL,
    points_redeemed BIGINT NOT NULL,
    points_reversed BIGINT NOT NULL DEFAULT 0,
    points_restored BIGINT NOT NULL DEFAULT 0,
    occurred_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, receipt_number)
);
CREATE INDEX receipt_view_member ON receipt_view (tenant_id, member_id, occurred_at);

-- First answers to idempotent calls, per tenant and credential.
CREATE TABLE idempotency_record (
    tenant_id   UUID NOT NULL,
    scope       TEXT NOT NULL,
    idem_key    TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    status      INT,
    body        TEXT,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, scope, idem_key)
);
CREATE INDEX idempotency_record_age ON idempotency_record (created_at);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['loyalty_program', 'ledger_entry', 'bonus_lot', 'bonus_hold', 'checkout_view', 'receipt_view',
                             'idempotency_record'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
            'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;

-- Axon's persistent deadlines (hold and lot expiry) through db-scheduler. Holds only identifiers and times.
CREATE TABLE scheduled_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMPTZ NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMPTZ,
    last_failure         TIMESTAMPTZ,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMPTZ,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
