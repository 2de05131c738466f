-- The operator's limits per tenant. Nullable without a default: adding such columns changes only the
-- catalogue (no table rewrite; the ACCESS EXCLUSIVE lock lasts milliseconds on this small table).
ALTER TABLE tenant_view
    ADD COLUMN limit_requests_per_second INTEGER,
    ADD COLUMN limit_burst               INTEGER,
    ADD COLUMN limit_face_concurrency    INTEGER,
    ADD COLUMN limit_import_workers      INTEGER;
