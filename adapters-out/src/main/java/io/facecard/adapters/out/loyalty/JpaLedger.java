package io.facecard.adapters.out.loyalty;

import com.fasterxml.jackson.core.type.TypeReference;
import io.facecard.adapters.out.persistence.Sql;
import io.facecard.adapters.out.persistence.TenantBinding;
import io.facecard.application.loyalty.LoyaltyPorts;
import io.facecard.application.loyalty.LoyaltyPorts.Balance;
import io.facecard.application.loyalty.LoyaltyPorts.CheckoutView;
import io.facecard.application.loyalty.LoyaltyPorts.Entry;
import io.facecard.application.loyalty.LoyaltyPorts.Expiring;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the ledger and checkout read models. */
@ApplicationScoped
public class JpaLedger implements LoyaltyPorts.Ledger, LoyaltyPorts.Checkouts {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    @Override
    public long available(TenantId tenant, MemberId member, Instant now) {
        Object[] r = totals(tenant, member, now);
        return ((Number) r[0]).longValue() - ((Number) r[2]).longValue();
    }

    /** Available (before holds), pending and held points. */
    private Object[] totals(TenantId tenant, MemberId member, Instant now) {
        binding.bind(em, tenant);
        Query q = em.createNativeQuery("select "
                + "coalesce(sum(remaining) filter (where available_at <= ?3 and (expires_at is null or expires_at > ?3)), 0), "
                + "coalesce(sum(remaining) filter (where available_at > ?3), 0), "
                + "(select coalesce(sum(points), 0) from bonus_hold where tenant_id = ?1 and member_id = ?2) "
                + "from bonus_lot where tenant_id = ?1 and member_id = ?2 and remaining > 0")
                .setParameter(1, tenant.value()).setParameter(2, member.value());
        return (Object[]) Sql.instant(q, 3, now).getSingleResult();
    }

    @Override
    public Balance balance(TenantId tenant, MemberId member, Instant now) {
        Object[] r = totals(tenant, member, now);
        long held = ((Number) r[2]).longValue();
        Query e = em.createNativeQuery("select sum(remaining), expires_at from bonus_lot where tenant_id = ?1 and member_id = ?2 "
                        + "and remaining > 0 and expires_at > ?3 group by expires_at order by expires_at limit 12")
                .setParameter(1, tenant.value()).setParameter(2, member.value());
        List<Expiring> expiring = ((List<?>) Sql.instant(e, 3, now).getResultList()).stream().map(o -> (Object[]) o)
                .map(x -> new Expiring(((Number) x[0]).longValue(), instant(x[1]))).toList();
        return new Balance(((Number) r[0]).longValue() - held, ((Number) r[1]).longValue(), held, expiring);
    }

    @Override
    public List<Entry> statement(TenantId tenant, MemberId member, int offset, int limit) {
        binding.bind(em, tenant);
        List<?> rows = em.createNativeQuery("select event_id, kind, points, reference, actor, at, available_at, expires_at "
                        + "from ledger_entry where tenant_id = ?1 and member_id = ?2 order by seq desc offset ?3 limit ?4")
                .setParameter(1, tenant.value()).setParameter(2, member.value()).setParameter(3, offset).setParameter(4, limit)
                .getResultList();
        return rows.stream().map(o -> (Object[]) o).map(r -> new Entry(UUID.fromString((String) r[0]), (String) r[1],
                ((Number) r[2]).longValue(), (String) r[3], (String) r[4], instant(r[5]), instant(r[6]), instant(r[7]))).toList();
    }

    @Override
    public BigDecimal spend(TenantId tenant, MemberId member, Instant since) {
        binding.bind(em, tenant);
        Query q = em.createNativeQuery("select coalesce(sum(paid - refunded), 0) from receipt_view "
                        + "where tenant_id = ?1 and member_id = ?2 and occurred_at > ?3")
                .setParameter(1, tenant.value()).setParameter(2, member.value());
        return (BigDecimal) Sql.instant(q, 3, since).getSingleResult();
    }

    @Override
    public boolean receiptExists(TenantId tenant, String receiptNumber) {
        binding.bind(em, tenant);
        return !em.createNativeQuery("select 1 from receipt_view where tenant_id = ?1 and receipt_number = ?2")
                .setParameter(1, tenant.value()).setParameter(2, receiptNumber).getResultList().isEmpty();
    }

    @Override
    public Optional<CheckoutView> find(TenantId tenant, UUID id) {
        binding.bind(em, tenant);
        List<?> rows = em.createNativeQuery("select id, store_id, terminal_id, status, currency, lines, total, member_id, held_points, "
                        + "held_value, receipt_number, points_earned, points_redeemed from checkout_view where tenant_id = ?1 and id = ?2")
                .setParameter(1, tenant.value()).setParameter(2, id).getResultList();
        return rows.stream().map(o -> (Object[]) o).findFirst().map(r -> {
            List<Basket.Line> lines = JsonColumns.read((String) r[5], new TypeReference<List<Basket.Line>>() {});
            int scale = lines.get(0).amount().scale();
            return new CheckoutView((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (String) r[4], lines,
                    ((BigDecimal) r[6]).setScale(scale), (UUID) r[7], ((Number) r[8]).longValue(),
                    ((BigDecimal) r[9]).setScale(scale, java.math.RoundingMode.UNNECESSARY), (String) r[10],
                    ((Number) r[11]).longValue(), ((Number) r[12]).longValue());
        });
    }

    private static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
