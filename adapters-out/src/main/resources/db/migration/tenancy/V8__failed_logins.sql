-- Failed-login counters per account ('account:<tenant>/<username>') and per source address
-- ('source:<ip>'). A platform table without row-level security: a login runs before any tenant is
-- bound. tenant_id and username are set only for accounts that exist, so a tenant admin lists and
-- lifts its own locks and never sees guesses at names that do not exist.
CREATE TABLE failed_login (
    key          TEXT        PRIMARY KEY,
    tenant_id    UUID,
    username     TEXT,
    failures     INTEGER     NOT NULL,
    last_failure TIMESTAMPTZ NOT NULL,
    locked_until TIMESTAMPTZ
);
CREATE INDEX failed_login_tenant ON failed_login (tenant_id, locked_until) WHERE tenant_id IS NOT NULL;
