-- Member import jobs and the rows they rejected. The partial unique index lets a tenant have one
-- unfinished job at a time: two uploads at once cannot race over the same rows.
CREATE TABLE import_job (
    id          UUID        PRIMARY KEY,
    tenant_id   UUID        NOT NULL,
    status      VARCHAR(16) NOT NULL,
    dry_run     BOOLEAN     NOT NULL,
    total_rows  INTEGER     NOT NULL,
    processed   INTEGER     NOT NULL,
    created     INTEGER     NOT NULL,
    skipped     INTEGER     NOT NULL,
    enrolled    INTEGER     NOT NULL,
    partial     INTEGER     NOT NULL,
    rejected    INTEGER     NOT NULL,
    started_by  TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    started_at  TIMESTAMPTZ,
    finished_at TIMESTAMPTZ,
    failure     TEXT
);
CREATE UNIQUE INDEX import_job_one_unfinished ON import_job (tenant_id) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE import_job_error (
    job_id      UUID        NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    tenant_id   UUID        NOT NULL,
    row_number  BIGINT      NOT NULL,
    external_id TEXT,
    card_number TEXT,
    outcome     VARCHAR(16) NOT NULL,
    reason      TEXT        NOT NULL,
    detail      TEXT        NOT NULL,
    PRIMARY KEY (job_id, row_number)
);

ALTER TABLE import_job ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_job FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_job
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
ALTER TABLE import_job_error ENABLE ROW LEVEL SECURITY;
ALTER TABLE import_job_error FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON import_job_error
    USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);
