package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.instore.port.InStoreAudit;
import io.facecard.application.instore.port.InStoreErasure;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JdbcInStoreAudit implements InStoreAudit, InStoreErasure {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public void record(TenantId tenant, String actor, String action, String reason, MemberId member, int resultCount, Instant at) {
        Jdbc.update(em, "insert into instore_audit (tenant_id, actor, action, reason, member_id, result_count, at) values (?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), actor, action, reason, member == null ? Jdbc.NO_UUID : member.value(), resultCount, at);
    }

    @Override
    public List<Entry> recent(TenantId tenant, int limit) {
        return Jdbc.query(em, "select id, actor, action, reason, member_id, result_count, at from instore_audit where tenant_id = ? "
                + "order by id desc limit " + limit, JdbcInStoreAudit::entry, tenant.value());
    }

    @Override
    public List<Entry> ofMember(TenantId tenant, MemberId member) {
        return Jdbc.query(em, "select id, actor, action, reason, member_id, result_count, at from instore_audit where tenant_id = ? "
                + "and member_id = ? order by id desc", JdbcInStoreAudit::entry, tenant.value(), member.value());
    }

    /** The audit outlives nothing of the tenant: it goes with the rest. */
    @Override
    public void eraseTenant(TenantId tenant) {
        for (String table : List.of("instore_alert", "instore_watch_entry", "instore_watch_list", "instore_visit", "instore_hour",
                "instore_camera", "instore_audit")) {
            Jdbc.update(em, "delete from " + table + " where tenant_id = ?", tenant.value());
        }
    }

    private static Entry entry(ResultSet r) throws SQLException {
        UUID member = Jdbc.uuid(r, 5);
        return new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), member == null ? null : new MemberId(member),
                r.getInt(6), Jdbc.instant(r, 7));
    }
}
