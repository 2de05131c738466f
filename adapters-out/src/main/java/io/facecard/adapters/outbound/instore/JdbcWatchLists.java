package io.facecard.adapters.outbound.instore;

import io.facecard.adapters.outbound.biometrics.PgVectorFaceTemplates;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.instore.port.WatchLists;
import io.facecard.domain.instore.WatchListKind;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@TenantBound
public class JdbcWatchLists implements WatchLists {
    private static final String LIST = "l.id, l.name, l.kind, l.false_alerts_per10k, l.created_by, l.created_at";
    private static final String ENTRY = "e.id, e.list_id, e.member_id, e.label, e.reason, e.added_by, e.added_at, e.expires_at, "
            + "e.staff_account_id, e.consent_reference";
    private static final String STAFF_STILL_WORKS = "(e.staff_account_id is null or exists (select 1 from staff_account s "
            + "where s.id = e.staff_account_id and s.tenant_id = e.tenant_id and s.active))";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public boolean create(TenantId tenant, WatchList l) {
        return Jdbc.update(em, "insert into instore_watch_list (id, tenant_id, name, kind, false_alerts_per10k, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, name) do nothing", l.id(), tenant.value(), l.name(), l.kind().name(),
                l.falseAlertsPer10k(), l.createdBy(), l.createdAt()) == 1;
    }

    @Override
    public List<WatchList> lists(TenantId tenant) {
        return Jdbc.query(em, "select " + LIST + " from instore_watch_list l where l.tenant_id = ? order by l.name", r -> list(r, 1),
                tenant.value());
    }

    @Override
    public Optional<WatchList> find(TenantId tenant, UUID list) {
        return Jdbc.query(em, "select " + LIST + " from instore_watch_list l where l.tenant_id = ? and l.id = ?", r -> list(r, 1),
                tenant.value(), list).stream().findFirst();
    }

    @Override
    public void add(TenantId tenant, Entry e, float[] embedding) {
        Jdbc.update(em, "insert into instore_watch_entry (id, tenant_id, list_id, member_id, label, reason, added_by, added_at, expires_at, "
                + "embedding, staff_account_id, consent_reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as vector), ?, ?)", e.id(),
                tenant.value(), e.list(), e.member() == null ? Jdbc.NO_UUID : e.member().value(), e.label(), e.reason(), e.addedBy(),
                e.addedAt(), Jdbc.at(e.expiresAt()), embedding == null ? Jdbc.NO_TEXT : PgVectorFaceTemplates.literal(embedding),
                Jdbc.uuid(e.staffAccount()), e.consent() == null ? Jdbc.NO_TEXT : e.consent());
    }

    @Override
    public List<Entry> entries(TenantId tenant, UUID list, Instant now) {
        return Jdbc.query(em, "select " + ENTRY + " from instore_watch_entry e where e.tenant_id = ? and e.list_id = ? "
                + "and (e.expires_at is null or e.expires_at > ?) order by e.added_at", r -> entry(r, 1), tenant.value(), list, now);
    }

    @Override
    public boolean remove(TenantId tenant, UUID list, UUID entry) {
        return Jdbc.update(em, "delete from instore_watch_entry where tenant_id = ? and list_id = ? and id = ?", tenant.value(), list,
                entry) == 1;
    }

    @Override
    public boolean holdsStaff(TenantId tenant, UUID list, UUID staffAccount) {
        return !Jdbc.query(em, "select 1 from instore_watch_entry where tenant_id = ? and list_id = ? and staff_account_id = ?", r -> 1,
                tenant.value(), list, staffAccount).isEmpty();
    }

    @Override
    public int purge(TenantId tenant, Instant now) {
        return Jdbc.update(em, "delete from instore_watch_entry e where e.tenant_id = ? and (e.expires_at <= ? or not " + STAFF_STILL_WORKS
                + ")", tenant.value(), now);
    }

    @Override
    public long photoEntries(TenantId tenant, Instant now) {
        return Jdbc.query(em, "select count(*) from instore_watch_entry where tenant_id = ? and embedding is not null "
                + "and (expires_at is null or expires_at > ?)", r -> r.getLong(1), tenant.value(), now).get(0);
    }

    @Override
    public Optional<Hit> nearest(TenantId tenant, float[] embedding, Instant now) {
        return Jdbc.query(em, "select " + ENTRY + ", " + LIST + ", 1 - (e.embedding <=> cast(? as vector)) from instore_watch_entry e "
                + "join instore_watch_list l on l.id = e.list_id where e.tenant_id = ? and e.embedding is not null "
                + "and (e.expires_at is null or e.expires_at > ?) and " + STAFF_STILL_WORKS + " order by e.embedding <=> cast(? as vector) limit 1",
                r -> new Hit(entry(r, 1), list(r, 11), r.getDouble(17)), PgVectorFaceTemplates.literal(embedding), tenant.value(), now,
                PgVectorFaceTemplates.literal(embedding)).stream().findFirst();
    }

    @Override
    public List<Hit> ofMember(TenantId tenant, MemberId member, Instant now) {
        return Jdbc.query(em, "select " + ENTRY + ", " + LIST + " from instore_watch_entry e join instore_watch_list l on l.id = e.list_id "
                + "where e.tenant_id = ? and e.member_id = ? and (e.expires_at is null or e.expires_at > ?)",
                r -> new Hit(entry(r, 1), list(r, 11), 1), tenant.value(), member.value(), now);
    }

    @Override
    public void forget(TenantId tenant, MemberId member) {
        Jdbc.update(em, "delete from instore_watch_entry where tenant_id = ? and member_id = ?", tenant.value(), member.value());
    }

    private static WatchList list(ResultSet r, int c) throws SQLException {
        return new WatchList(Jdbc.uuid(r, c), r.getString(c + 1), WatchListKind.valueOf(r.getString(c + 2)), r.getDouble(c + 3),
                r.getString(c + 4), Jdbc.instant(r, c + 5));
    }

    private static Entry entry(ResultSet r, int c) throws SQLException {
        UUID member = Jdbc.uuid(r, c + 2);
        return new Entry(Jdbc.uuid(r, c), Jdbc.uuid(r, c + 1), member == null ? null : new MemberId(member), r.getString(c + 3),
                r.getString(c + 4), r.getString(c + 5), Jdbc.instant(r, c + 6), Jdbc.instant(r, c + 7), Jdbc.uuid(r, c + 8),
                r.getString(c + 9));
    }
}
