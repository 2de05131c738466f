-- Per-member data keys: outside the event store, so deleting a row makes that member's
-- personal data in every stored event unreadable (crypto-shredding).
CREATE TABLE member_key (
    member_id UUID PRIMARY KEY,
    tenant_id UUID  NOT NULL,
    key       BYTEA NOT NULL
);

-- Read model of the Member aggregate (subscribing projection: same transaction as the command).
-- The unique indexes are the last line behind the use case's own uniqueness check.
CREATE TABLE member_view (
    id          UUID PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    name        VARCHAR(200),
    phone       VARCHAR(20),
    email       VARCHAR(254),
    card_number VARCHAR(32),
    birth_date  DATE,
    gender      VARCHAR(32),
    locale      VARCHAR(35),
    tier        VARCHAR(64),
    erased      BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX member_phone ON member_view (tenant_id, phone) WHERE phone IS NOT NULL;
CREATE UNIQUE INDEX member_email ON member_view (tenant_id, email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX member_card ON member_view (tenant_id, card_number) WHERE card_number IS NOT NULL;
CREATE INDEX member_name ON member_view (tenant_id, lower(name));

CREATE TABLE member_consent (
    member_id      UUID        NOT NULL,
    sequence       BIGINT      NOT NULL,
    tenant_id      UUID        NOT NULL,
    purpose        VARCHAR(32) NOT NULL,
    granted        BOOLEAN     NOT NULL,
    policy_version VARCHAR(64) NOT NULL,
    source         VARCHAR(16) NOT NULL,
    actor          VARCHAR(128) NOT NULL,
    at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (member_id, sequence)
);

CREATE TABLE face_settings (
    tenant_id        UUID PRIMARY KEY,
    match_threshold  DOUBLE PRECISION NOT NULL,
    ambiguity_margin DOUBLE PRECISION NOT NULL,
    min_face_pixels  INTEGER          NOT NULL
);

-- Face templates, one partition per tenant (created at onboarding), each with its own HNSW index:
-- one chain's search never scans another chain's faces.
CREATE TABLE face_template (
    tenant_id  UUID        NOT NULL,
    id         UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    embedding  vector(512) NOT NULL,
    quality    REAL        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (tenant_id, id)
) PARTITION BY LIST (tenant_id);

CREATE FUNCTION facecard_face_partition(t UUID) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE p TEXT := 'face_template_' || replace(t::text, '-', '');
BEGIN
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF face_template FOR VALUES IN (%L)', p, t);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64)',
                   p || '_hnsw', p);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I (member_id)', p || '_member', p);
END $$;

SELECT facecard_face_partition(id) FROM tenant_view;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['member_key', 'member_view', 'member_consent', 'face_settings', 'face_template'] LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid) '
            'WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
    END LOOP;
END $$;
