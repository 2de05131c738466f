package io.facecard.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.facecard.it.Api;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reads the catalogue, not the API: isolation between tenants is a property of the schema. Every table with a
 * {@code tenant_id} is bound by the tenant policy, or says in its comment why it is read across tenants.
 */
class RowLevelSecurityIT {
    private static final String TENANT_TABLES = "select c.relname, c.relrowsecurity and c.relforcerowsecurity"
            + " and exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation'),"
            + " coalesce(obj_description(c.oid, 'pg_class'), '') from pg_class c join pg_namespace n on n.oid = c.relnamespace"
            + " where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition"
            + " and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)";

    @Test
    void everyTenantTableIsIsolatedOrSaysWhyNot() throws Exception {
        List<String> open = new ArrayList<>();
        int isolated = 0;
        try (Connection db = Api.database(); Statement s = db.createStatement(); ResultSet r = s.executeQuery(TENANT_TABLES)) {
            while (r.next()) {
                if (r.getBoolean(2)) {
                    isolated++;
                } else if (!r.getString(3).startsWith("cross-tenant: ")) {
                    open.add(r.getString(1));
                }
            }
        }
        assertThat(open).as("tenant tables neither isolated nor commented 'cross-tenant: <why>'").isEmpty();
        assertThat(isolated).isGreaterThan(40);
    }

    @Test
    void theIsolationFunctionBindsATableToTheConnectionsTenant() throws Exception {
        String table = "rls_probe_" + UUID.randomUUID().toString().replace("-", "");
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        try (Connection db = Api.database(); Statement s = db.createStatement()) {
            s.execute("create table " + table + " (tenant_id uuid not null, v text)");
            try {
                s.execute("select facecard_isolate_by_tenant('" + table + "')");
                s.execute("select set_config('app.tenant_id', '" + theirs + "', false)");
                s.execute("insert into " + table + " values ('" + theirs + "', 'theirs')");
                s.execute("select set_config('app.tenant_id', '" + mine + "', false)");
                s.execute("insert into " + table + " values ('" + mine + "', 'mine')");
                try (ResultSet r = s.executeQuery("select string_agg(v, ',') from " + table)) {
                    r.next();
                    assertThat(r.getString(1)).isEqualTo("mine");
                }
                assertThat(catchThrowable(
                        () -> s.execute("insert into " + table + " values ('" + theirs + "', 'forged')")))
                        .hasMessageContaining("row-level security");
            } finally {
                s.execute("drop table " + table);
            }
        }
    }
}
