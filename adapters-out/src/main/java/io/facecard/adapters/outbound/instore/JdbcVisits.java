package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.instore.port.Presence;
import io.facecard.application.instore.port.Visits;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JdbcVisits implements Visits, Presence {
    private static final String COLUMNS = "id, store_id, member_id, opened_at, last_seen_at, closed_at, close_reason, first_visit, "
            + "entry_mood, exit_mood, converted_at";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<Visit> open(TenantId tenant, UUID store, MemberId member) {
        return Jdbc.query(em, "select " + COLUMNS + " from instore_visit where tenant_id = ? and store_id = ? and member_id = ? "
                + "and closed_at is null for update", JdbcVisits::visit, tenant.value(), store, member.value()).stream().findFirst();
    }

    @Override
    public boolean knows(TenantId tenant, MemberId member) {
        return !Jdbc.query(em, "select 1 from member_view where tenant_id = ? and id = ?", r -> 1, tenant.value(), member.value()).isEmpty();
    }

    @Override
    public boolean visitedBefore(TenantId tenant, MemberId member) {
        return !Jdbc.query(em, "select 1 from instore_visit where tenant_id = ? and member_id = ? limit 1", r -> 1,
                tenant.value(), member.value()).isEmpty();
    }

    @Override
    public void start(TenantId tenant, Visit v) {
        Jdbc.update(em, "insert into instore_visit (id, tenant_id, store_id, member_id, opened_at, last_seen_at, first_visit, entry_mood) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", v.id(), tenant.value(), v.store(), v.member().value(),
                v.openedAt(), v.lastSeenAt(), v.firstVisit(), v.entryMood() == null ? Jdbc.NO_DOUBLE : v.entryMood());
    }

    @Override
    public void seen(TenantId tenant, UUID visit, Instant at) {
        Jdbc.update(em, "update instore_visit set last_seen_at = greatest(last_seen_at, ?) where tenant_id = ? and id = ?",
                at, tenant.value(), visit);
    }

    @Override
    public void close(TenantId tenant, UUID visit, Instant at, String reason, Double exitMood) {
        Jdbc.update(em, "update instore_visit set closed_at = greatest(last_seen_at, ?), last_seen_at = greatest(last_seen_at, ?), "
                + "close_reason = ?, exit_mood = ? where tenant_id = ? and id = ? and closed_at is null", at, at, reason,
                exitMood == null ? Jdbc.NO_DOUBLE : exitMood, tenant.value(), visit);
    }

    @Override
    public int closeQuiet(TenantId tenant, Instant quietSince) {
        return Jdbc.update(em, "update instore_visit set closed_at = last_seen_at, close_reason = 'TIMEOUT' "
                + "where tenant_id = ? and closed_at is null and last_seen_at < ?", tenant.value(), quietSince);
    }

    @Override
    public boolean converted(TenantId tenant, UUID store, MemberId member, Instant at, Duration grace) {
        return Jdbc.update(em, "update instore_visit set converted_at = ? where id = (select id from instore_visit "
                + "where tenant_id = ? and store_id = ? and member_id = ? and opened_at <= ? "
                + "and (closed_at is null or closed_at >= ?) order by opened_at desc limit 1) and converted_at is null",
                at, tenant.value(), store, member.value(), at, at.minus(grace)) == 1;
    }

    @Override
    public List<Visit> ofMember(TenantId tenant, MemberId member, int limit) {
        return Jdbc.query(em, "select " + COLUMNS + " from instore_visit where tenant_id = ? and member_id = ? "
                + "order by opened_at desc limit " + limit, JdbcVisits::visit, tenant.value(), member.value());
    }

    @Override
    public List<Visit> between(TenantId tenant, UUID store, Instant from, Instant to) {
        return store == null
                ? Jdbc.query(em, "select " + COLUMNS + " from instore_visit where tenant_id = ? and opened_at >= ? and opened_at < ? "
                        + "order by opened_at", JdbcVisits::visit, tenant.value(), from, to)
                : Jdbc.query(em, "select " + COLUMNS + " from instore_visit where tenant_id = ? and store_id = ? and opened_at >= ? "
                        + "and opened_at < ? order by opened_at", JdbcVisits::visit, tenant.value(), store, from, to);
    }

    @Override
    public boolean seenSince(TenantId tenant, UUID store, MemberId member, Instant since) {
        return !Jdbc.query(em, "select 1 from instore_visit where tenant_id = ? and store_id = ? and member_id = ? and closed_at is null "
                + "and last_seen_at >= ?", r -> 1, tenant.value(), store, member.value(), since).isEmpty();
    }

    @Override
    public void forget(TenantId tenant, MemberId member) {
        Jdbc.update(em, "delete from instore_visit where tenant_id = ? and member_id = ?", tenant.value(), member.value());
    }

    private static Visit visit(ResultSet r) throws SQLException {
        return new Visit(Jdbc.uuid(r, 1), Jdbc.uuid(r, 2), new MemberId(Jdbc.uuid(r, 3)), Jdbc.instant(r, 4), Jdbc.instant(r, 5),
                Jdbc.instant(r, 6), r.getString(7), r.getBoolean(8), (Double) r.getObject(9), (Double) r.getObject(10),
                Jdbc.instant(r, 11));
    }
}
