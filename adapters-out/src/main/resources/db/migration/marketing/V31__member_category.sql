-- Issue 15: when each member last bought each category, so "bought vitamins within 90 days" reads the recent
-- buyers of one category from an index instead of every day row of it. Fed with mkt_purchase_day by the same
-- projection; the last day only moves forward, so it needs no recount.
CREATE TABLE mkt_member_category (
    tenant_id UUID         NOT NULL,
    category  VARCHAR(200) NOT NULL,
    member_id UUID         NOT NULL,
    last_day  DATE         NOT NULL,
    PRIMARY KEY (tenant_id, category, member_id)
);
CREATE INDEX mkt_member_category_recent ON mkt_member_category (tenant_id, category, last_day) INCLUDE (member_id);
ALTER TABLE mkt_member_category ENABLE ROW LEVEL SECURITY;
ALTER TABLE mkt_member_category FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mkt_member_category USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid)
    WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- From the purchases counted so far, tenant by tenant (row-level security binds this role too).
DO $$
DECLARE t uuid;
BEGIN
    FOR t IN SELECT id FROM tenant_view LOOP
        PERFORM set_config('app.tenant_id', t::text, true);
        INSERT INTO mkt_member_category (tenant_id, category, member_id, last_day)
            SELECT tenant_id, value, member_id, max(day) FROM mkt_purchase_day WHERE tenant_id = t AND dim = 'category'
            GROUP BY tenant_id, value, member_id;
    END LOOP;
    PERFORM set_config('app.tenant_id', '', true);
END $$;
ANALYZE mkt_member_category;
