-- Row-level security of a tenant table, written once: a context's migration calls
--   SELECT facecard_isolate_by_tenant('my_table');
-- instead of copying the ENABLE / FORCE / POLICY block (MigrationsTest refuses the copy in any later migration).
-- FORCE binds the table's owner too: the application role owns the tables and is no superuser.
-- Versions from here on are the date and time of writing (yyyymmdd.hhmm): contexts written side by side do not
-- collide on the next number, and Flyway still applies them in one order.
CREATE OR REPLACE FUNCTION facecard_isolate_by_tenant(t regclass) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS tenant_isolation ON %s', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s'
        ' USING (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)'
        ' WITH CHECK (tenant_id = NULLIF(current_setting(''app.tenant_id'', true), '''')::uuid)', t);
END
$$;
