package io.facecard.adapters.outbound.loyalty;

import com.fasterxml.jackson.core.type.TypeReference;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.JsonColumns;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.checkout.port.Checkouts.CheckoutView;
import io.facecard.application.checkout.port.Checkouts;
import io.facecard.application.loyalty.port.Ledger.Balance;
import io.facecard.application.loyalty.port.Ledger.Entry;
import io.facecard.application.loyalty.port.Ledger.Expiring;
import io.facecard.application.loyalty.port.Ledger;
import io.facecard.domain.checkout.Basket;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads of the ledger and checkout read models. */
@ApplicationScoped
@TenantBound
public class JpaLedger implements Ledger, Checkouts {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public long available(TenantId tenant, MemberId member, Instant now) {
        long[] t = totals(tenant, member, now);
        return t[0] - t[2];
    }

    /** Available (before holds), pending and held points. */
    private long[] totals(TenantId tenant, MemberId member, Instant now) {
        return Jdbc.query(em, "select "
                + "coalesce(sum(remaining) filter (where available_at <= ? and (expires_at is null or expires_at > ?)), 0), "
                + "coalesce(sum(remaining) filter (where available_at > ?), 0), "
                + "(select coalesce(sum(points), 0) from bonus_hold where tenant_id = ? and member_id = ?) "
                + "from bonus_lot where tenant_id = ? and member_id = ? and remaining > 0",
                r -> new long[] {r.getLong(1), r.getLong(2), r.getLong(3)},
                now, now, now, tenant.value(), member.value(), tenant.value(), member.value()).get(0);
    }

    @Override
    public Balance balance(TenantId tenant, MemberId member, Instant now) {
        long[] t = totals(tenant, member, now);
        List<Expiring> expiring = Jdbc.query(em, "select sum(remaining), expires_at from bonus_lot where tenant_id = ? "
                        + "and member_id = ? and remaining > 0 and expires_at > ? group by expires_at order by expires_at limit 12",
                r -> new Expiring(r.getLong(1), Jdbc.instant(r, 2)), tenant.value(), member.value(), now);
        return new Balance(t[0] - t[2], t[1], t[2], expiring);
    }

    @Override
    public List<Entry> statement(TenantId tenant, MemberId member, int offset, int limit) {
        return Jdbc.query(em, "select event_id, kind, points, reference, actor, at, available_at, expires_at "
                        + "from ledger_entry where tenant_id = ? and member_id = ? order by seq desc offset ? limit ?",
                r -> new Entry(UUID.fromString(r.getString(1)), r.getString(2), r.getLong(3), r.getString(4), r.getString(5),
                        Jdbc.instant(r, 6), Jdbc.instant(r, 7), Jdbc.instant(r, 8)),
                tenant.value(), member.value(), offset, limit);
    }

    @Override
    public BigDecimal spend(TenantId tenant, MemberId member, Instant since) {
        return Jdbc.query(em, "select coalesce(sum(paid - refunded), 0) from receipt_view "
                        + "where tenant_id = ? and member_id = ? and occurred_at > ?",
                r -> r.getBigDecimal(1), tenant.value(), member.value(), since).get(0);
    }

    @Override
    public boolean receiptExists(TenantId tenant, String receiptNumber) {
        return !Jdbc.query(em, "select 1 from receipt_view where tenant_id = ? and receipt_number = ?", r -> true,
                tenant.value(), receiptNumber).isEmpty();
    }

    @Override
    public Optional<CheckoutView> find(TenantId tenant, UUID id) {
        return Jdbc.query(em, "select id, store_id, terminal_id, status, currency, lines, total, member_id, held_points, "
                        + "held_value, receipt_number, points_earned, points_redeemed, offer_discount from checkout_view "
                        + "where tenant_id = ? and id = ?",
                r -> {
                    List<Basket.Line> lines = JsonColumns.read(r.getString(6), new TypeReference<List<Basket.Line>>() {});
                    int scale = lines.get(0).amount().scale();
                    return new CheckoutView(Jdbc.uuid(r, 1), Jdbc.uuid(r, 2), Jdbc.uuid(r, 3), r.getString(4), r.getString(5), lines,
                            r.getBigDecimal(7).setScale(scale), Jdbc.uuid(r, 8), r.getLong(9),
                            r.getBigDecimal(10).setScale(scale, RoundingMode.UNNECESSARY), r.getString(11),
                            r.getLong(12), r.getLong(13), r.getBigDecimal(14).setScale(scale, RoundingMode.UNNECESSARY));
                }, tenant.value(), id).stream().findFirst();
    }
}
