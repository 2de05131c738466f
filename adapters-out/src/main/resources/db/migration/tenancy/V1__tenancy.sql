-- Axon's JDBC event store and token store (names as Axon's default EventSchema/TokenSchema expect).
CREATE TABLE domainevententry (
    globalindex         BIGSERIAL    NOT NULL,
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalindex),
    UNIQUE (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE snapshotevententry (
    aggregateidentifier VARCHAR(255) NOT NULL,
    sequencenumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventidentifier     VARCHAR(255) NOT NULL,
    metadata            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadrevision     VARCHAR(255),
    payloadtype         VARCHAR(255) NOT NULL,
    timestamp           VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateidentifier, sequencenumber),
    UNIQUE (eventidentifier)
);

CREATE TABLE tokenentry (
    processorname VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokentype     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    PRIMARY KEY (processorname, segment)
);

-- The command side's slug index: uniqueness decided in the same transaction as the onboarding.
CREATE TABLE tenant_slug (
    slug      VARCHAR(63) PRIMARY KEY,
    tenant_id UUID        NOT NULL UNIQUE
);

-- Read model of the Tenant aggregate (subscribing projection: same transaction as the command).
CREATE TABLE tenant_view (
    id         UUID PRIMARY KEY,
    slug       VARCHAR(63)  NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    currency   CHAR(3)      NOT NULL,
    timezone   VARCHAR(64)  NOT NULL,
    status     VARCHAR(16)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Audit trail of tenant events (pooled streaming projection: rebuilt by replay).
CREATE TABLE tenant_history (
    tenant_id UUID         NOT NULL,
    sequence  BIGINT       NOT NULL,
    event     VARCHAR(64)  NOT NULL,
    actor     VARCHAR(128) NOT NULL,
    at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (tenant_id, sequence)
);

CREATE TABLE store (
    id         UUID PRIMARY KEY,
    tenant_id  UUID         NOT NULL,
    name       VARCHAR(200) NOT NULL,
    code       VARCHAR(64)  NOT NULL,
    address    VARCHAR(500),
    timezone   VARCHAR(64),
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, code)
);

CREATE TABLE terminal (
    id         UUID PRIMARY KEY,
    tenant_id  UUID         NOT NULL,
    store_id   UUID         NOT NULL REFERENCES store (id),
    kind       VARCHAR(16)  NOT NULL,
    name       VARCHAR(200) NOT NULL,
    key_prefix VARCHAR(16)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX terminal_store ON terminal (tenant_id, store_id);

-- Global index of terminal key hashes: the one table read before the tenant is known.
-- It holds no tenant data beyond ids: a SHA-256 of a 256-bit random key is not reversible.
CREATE TABLE terminal_key (
    key_hash    CHAR(64) PRIMARY KEY,
    terminal_id UUID        NOT NULL UNIQUE,
    tenant_id   UUID        NOT NULL,
    store_id    UUID        NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    revoked_at  TIMESTAMPTZ
);

CREATE TABLE staff_account (
    id            UUID PRIMARY KEY,
    tenant_id     UUID         NOT NULL,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(200),
    password_hash VARCHAR(200) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    active        BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    UNIQUE (tenant_id, username)
);

-- The second wall: even a query that forgot its tenant filter sees only the bound tenant's rows.
-- FORCE makes the policy bind the tables' owner too (the application role owns them).
DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['store', 'terminal', 'staff_account'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
            'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
