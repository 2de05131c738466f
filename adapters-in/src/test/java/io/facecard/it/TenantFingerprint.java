package io.facecard.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything the database holds for one tenant, as one hash per table (rows in a fixed order), plus
 * the number of tenants: two equal fingerprints mean a series of calls stored nothing and changed nothing.
 */
public final class TenantFingerprint {
    private TenantFingerprint() {}

    public static Map<String, String> of(String tenantId) throws SQLException {
        Map<String, String> hashes = new TreeMap<>();
        try (Connection c = Api.database(); Statement s = c.createStatement()) {
            s.execute("select set_config('app.tenant_id', '" + UUID.fromString(tenantId) + "', false)");
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select c.table_name from information_schema.columns c join information_schema.tables t"
                    + " using (table_schema, table_name) where c.table_schema = 'public' and c.column_name = 'tenant_id'"
                    + " and t.table_type = 'BASE TABLE' and c.table_name !~ '^face_template_'")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from " + table + " t where tenant_id::text = '" + tenantId + "'")) {
                    r.next();
                    hashes.put(table, r.getString(1));
                }
            }
            try (ResultSet r = s.executeQuery("select count(*) from tenant_view")) {
                r.next();
                hashes.put("tenants", r.getString(1));
            }
        }
        return hashes;
    }
}
