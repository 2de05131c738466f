package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.MarketingTerms;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Optional;

/** A tenant's marketing rules in {@code marketing_terms} (row-level secured by tenant). */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcMarketingTerms implements MarketingTerms {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<Terms> find(TenantId tenant) {
        return Jdbc.query(em, "select quiet_from, quiet_until, max_per_window, window_days, points_expiring_days from marketing_terms "
                + "where tenant_id = ?", r -> new Terms(r.getObject(1, LocalTime.class), r.getObject(2, LocalTime.class),
                        r.getInt(3), r.getInt(4), r.getInt(5)), tenant.value()).stream().findFirst();
    }

    @Override
    public void save(TenantId tenant, Terms t, Instant at) {
        Jdbc.update(em, "insert into marketing_terms (tenant_id, quiet_from, quiet_until, max_per_window, window_days, points_expiring_days, "
                + "updated_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id) do update set quiet_from = excluded.quiet_from, "
                + "quiet_until = excluded.quiet_until, max_per_window = excluded.max_per_window, window_days = excluded.window_days, "
                + "points_expiring_days = excluded.points_expiring_days, updated_at = excluded.updated_at", tenant.value(), t.quietFrom(),
                t.quietUntil(), t.maxPerWindow(), t.windowDays(), t.pointsExpiringDays(), Jdbc.at(at));
    }
}
