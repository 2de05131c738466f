package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.instore.port.Alerts;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JdbcAlerts implements Alerts {
    private static final String COLUMNS = "id, store_id, kind, list_id, entry_id, member_id, subject, label, score, captured_at, raised_at, "
            + "acknowledged_by, acknowledged_at";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    /** Two readers may see one person in the same second: a lock on the subject and store makes the episode check and the insert one step. */
    @Override
    public Optional<Long> raise(TenantId tenant, Alert a, Duration episode) {
        Jdbc.query(em, "select pg_advisory_xact_lock(hashtextextended(? || ? || ?, 0))", r -> 1, tenant.value().toString(),
                a.store().toString(), a.subject());
        boolean running = !Jdbc.query(em, "select 1 from instore_alert where tenant_id = ? and store_id = ? and subject = ? "
                + "and captured_at > ? and captured_at < ? limit 1", r -> 1, tenant.value(), a.store(), a.subject(),
                a.capturedAt().minus(episode), a.capturedAt().plus(episode)).isEmpty();
        if (running) {
            return Optional.empty();
        }
        return Optional.of(Jdbc.query(em, "insert into instore_alert (tenant_id, store_id, kind, list_id, entry_id, member_id, subject, label, "
                + "score, captured_at, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id", r -> r.getLong(1), tenant.value(),
                a.store(), a.kind(), Jdbc.uuid(a.list()), Jdbc.uuid(a.entry()), a.member() == null ? Jdbc.NO_UUID : a.member().value(),
                a.subject(), a.label(), a.score() == null ? Jdbc.NO_DOUBLE : a.score(), a.capturedAt(), a.raisedAt()).get(0));
    }

    @Override
    public List<Alert> after(TenantId tenant, long afterId, Set<UUID> stores, int limit) {
        return Jdbc.query(em, "select " + COLUMNS + " from instore_alert where tenant_id = ? and id > ?" + ofStores(stores)
                + " order by id limit " + limit, JdbcAlerts::alert, params(List.of(tenant.value(), afterId), stores));
    }

    /** {@code and store_id in (?, …)}, nothing for every store. */
    private static String ofStores(Set<UUID> stores) {
        return stores.isEmpty() ? "" : " and store_id in (" + String.join(", ", Collections.nCopies(stores.size(), "?")) + ")";
    }

    private static Object[] params(List<Object> first, Set<UUID> stores) {
        List<Object> all = new ArrayList<>(first);
        all.addAll(stores);
        return all.toArray();
    }

    @Override
    public Optional<Alert> find(TenantId tenant, long id) {
        return Jdbc.query(em, "select " + COLUMNS + " from instore_alert where tenant_id = ? and id = ?", JdbcAlerts::alert,
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public long latest(TenantId tenant, Set<UUID> stores) {
        return Jdbc.query(em, "select coalesce(max(id), 0) from instore_alert where tenant_id = ?" + ofStores(stores), r -> r.getLong(1),
                params(List.of(tenant.value()), stores)).get(0);
    }

    @Override
    public boolean acknowledge(TenantId tenant, long id, String actor, Instant at) {
        return Jdbc.update(em, "update instore_alert set acknowledged_by = ?, acknowledged_at = ? where tenant_id = ? and id = ? "
                + "and acknowledged_at is null", actor, at, tenant.value(), id) == 1;
    }

    @Override
    public void forget(TenantId tenant, MemberId member) {
        Jdbc.update(em, "delete from instore_alert where tenant_id = ? and member_id = ?", tenant.value(), member.value());
    }

    private static Alert alert(ResultSet r) throws SQLException {
        UUID member = Jdbc.uuid(r, 6);
        return new Alert(r.getLong(1), Jdbc.uuid(r, 2), r.getString(3), Jdbc.uuid(r, 4), Jdbc.uuid(r, 5),
                member == null ? null : new MemberId(member), r.getString(7), r.getString(8), (Double) r.getObject(9), Jdbc.instant(r, 10),
                Jdbc.instant(r, 11), r.getString(12), Jdbc.instant(r, 13));
    }
}
