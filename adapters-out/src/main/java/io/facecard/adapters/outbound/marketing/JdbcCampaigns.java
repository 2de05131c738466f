package io.facecard.adapters.outbound.marketing;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.marketing.CampaignId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.CampaignStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Campaigns' read model (row-level secured) and the runner's due list (ids and times only). */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcCampaigns implements CampaignStore {
    private static final String COLUMNS = "id, status, spec, send_at, started_at, completed_at, treated, holdout, queued, created_at, updated_at";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<View> find(TenantId tenant, CampaignId id) {
        return Jdbc.query(em, "select " + COLUMNS + " from campaign_view where tenant_id = ? and id = ?", JdbcCampaigns::row, tenant.value(),
                id.value()).stream().findFirst();
    }

    @Override
    public List<View> list(TenantId tenant) {
        return Jdbc.query(em, "select " + COLUMNS + " from campaign_view where tenant_id = ? order by created_at desc, id", JdbcCampaigns::row,
                tenant.value());
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return Jdbc.query(em, "select tenant_id, campaign_id from campaign_due where due_at <= ? order by due_at limit ?",
                r -> new Due(new TenantId(Jdbc.uuid(r, 1)), new CampaignId(Jdbc.uuid(r, 2))), now, limit);
    }

    @Override
    public void due(TenantId tenant, CampaignId id, Instant at) {
        Jdbc.update(em, "insert into campaign_due (campaign_id, tenant_id, due_at) values (?, ?, ?) on conflict (campaign_id) "
                + "do update set due_at = excluded.due_at", id.value(), tenant.value(), at);
    }

    @Override
    public void done(CampaignId id) {
        Jdbc.update(em, "delete from campaign_due where campaign_id = ?", id.value());
    }

    @Override
    public boolean usesSegment(TenantId tenant, String segmentId) {
        return !Jdbc.query(em, "select 1 from campaign_view where tenant_id = ? and status in ('DRAFT', 'SCHEDULED', 'RUNNING') "
                + "and spec like ? limit 1", r -> 1, tenant.value(), "%\"segmentId\":\"" + segmentId + "\"%").isEmpty();
    }

    private static View row(ResultSet r) throws SQLException {
        return new View(new CampaignId(Jdbc.uuid(r, 1)), r.getString(2), CampaignProjection.read(r.getString(3)), Jdbc.instant(r, 4),
                Jdbc.instant(r, 5), Jdbc.instant(r, 6), (Long) r.getObject(7), (Long) r.getObject(8), (Long) r.getObject(9), Jdbc.instant(r, 10),
                Jdbc.instant(r, 11));
    }
}
