package io.facecard.adapters.outbound.messaging;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.loyalty.port.Programs;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import io.facecard.marketing.port.ExpiringPoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Lapsing points from the loyalty read model {@code bonus_lot} (by its expiry index), one tenant at a time. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
@TenantBound
public class JdbcExpiringPoints implements ExpiringPoints {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    Programs programs;

    @Override
    public List<Tenant> tenants() {
        return Jdbc.query(em, "select id, timezone from tenant_view where status = 'ACTIVE'", r -> new Tenant(new TenantId(Jdbc.uuid(r, 1)),
                ZoneId.of(r.getString(2))));
    }

    @Override
    public List<Lapsing> lapsing(TenantId tenant, Instant now, Instant until) {
        return Jdbc.query(em, "with lapsing as (select member_id, sum(remaining) points, min(expires_at) first_expiry from bonus_lot "
                + "where tenant_id = ? and remaining > 0 and expires_at is not null and expires_at > ? and expires_at <= ? "
                // Only members a notice can reach (most members of a chain bind no messenger).
                + "and exists (select 1 from channel_binding b where b.tenant_id = bonus_lot.tenant_id and b.member_id = bonus_lot.member_id "
                + "and b.active) group by member_id) "
                + "select l.member_id, l.points, l.first_expiry, (select coalesce(sum(b.remaining), 0) from bonus_lot b where b.tenant_id = ? "
                + "and b.member_id = l.member_id and b.available_at <= ? and (b.expires_at is null or b.expires_at > ?)) from lapsing l "
                // Told already (the notice's key is the member and the expiry's day in the tenant's zone): not again.
                + "where not exists (select 1 from outbox_message o where o.tenant_id = ? and o.key = 'points-expiring-' || l.member_id "
                + "|| '-' || (l.first_expiry at time zone ?)::date)",
                r -> new Lapsing(new MemberId(Jdbc.uuid(r, 1)), r.getLong(2), Jdbc.instant(r, 3), r.getLong(4)), tenant.value(), now, until,
                tenant.value(), now, now, tenant.value(), programs.terms(tenant).zone().getId());
    }
}
