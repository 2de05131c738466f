package io.facecard.adapters.out.loyalty;

import io.facecard.adapters.out.persistence.Sql;
import io.facecard.adapters.out.persistence.TenantBinding;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.LinesReturnedEvent;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionClearedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionRecordedEvent;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;

/** Checkout and receipt read models, in the command's transaction; a rebuild replays into emptied tables. */
@Dependent
public class CheckoutProjection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;
    @Inject
    TenantBinding binding;

    @EventHandler
    void on(CheckoutOpenedEvent e) {
        binding.bind(em, e.tenantId());
        Query q = em.createNativeQuery("insert into checkout_view (id, tenant_id, store_id, terminal_id, status, currency, lines, total, "
                        + "opened_at, updated_at) values (?1, ?2, ?3, ?4, 'OPEN', ?5, ?6, ?7, ?8, ?8) on conflict (id) do nothing")
                .setParameter(1, e.checkoutId().value()).setParameter(2, e.tenantId().value()).setParameter(3, e.storeId())
                .setParameter(4, e.terminalId()).setParameter(5, e.currency()).setParameter(6, JsonColumns.write(e.lines()))
                .setParameter(7, e.total());
        Sql.instant(q, 8, e.at()).executeUpdate();
    }

    @EventHandler
    void on(CustomerIdentifiedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "member_id = ?3", e.memberId().value());
    }

    @EventHandler
    void on(RedemptionRecordedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "held_points = ?3, held_value = ?4", e.points(), e.value());
    }

    @EventHandler
    void on(RedemptionClearedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "held_points = 0, held_value = 0");
    }

    @EventHandler
    void on(CheckoutCompletedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(),
                "status = 'COMPLETED', receipt_number = ?3, points_earned = ?4, points_redeemed = ?5, held_points = 0",
                e.receiptNumber(), e.pointsEarned(), e.pointsRedeemed());
    }

    @EventHandler
    void on(CheckoutCancelledEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "status = 'CANCELLED', held_points = 0, held_value = 0");
    }

    @EventHandler
    void on(ReceiptIssuedEvent e) {
        binding.bind(em, e.tenantId());
        Query q = em.createNativeQuery("insert into receipt_view (tenant_id, receipt_number, member_id, checkout_id, store_id, currency, "
                        + "total, paid, points_earned, points_redeemed, occurred_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                        + "on conflict (tenant_id, receipt_number) do nothing")
                .setParameter(1, e.tenantId().value()).setParameter(2, e.receiptNumber()).setParameter(3, e.memberId().value())
                .setParameter(5, e.storeId()).setParameter(6, e.currency()).setParameter(7, e.total()).setParameter(8, e.paid())
                .setParameter(9, e.pointsEarned()).setParameter(10, e.pointsRedeemed());
        Sql.uuid(q, 4, e.checkoutId() == null ? null : e.checkoutId().value());
        Sql.instant(q, 11, e.occurredAt()).executeUpdate();
    }

    @EventHandler
    void on(LinesReturnedEvent e) {
        binding.bind(em, e.tenantId());
        // Cumulative totals: the receipt aggregate already made each return's figures incremental and exact.
        em.createNativeQuery("update receipt_view set refunded = refunded + ?3, points_reversed = points_reversed + ?4, "
                        + "points_restored = points_restored + ?5 where tenant_id = ?1 and receipt_number = ?2")
                .setParameter(1, e.tenantId().value()).setParameter(2, e.receiptNumber()).setParameter(3, e.refund())
                .setParameter(4, e.pointsReversed()).setParameter(5, e.pointsRestored()).executeUpdate();
    }

    private void update(TenantId tenant, java.util.UUID id, Instant at, String set, Object... values) {
        binding.bind(em, tenant);
        Query q = em.createNativeQuery("update checkout_view set " + set + ", updated_at = ?2 where id = ?1")
                .setParameter(1, id);
        Sql.instant(q, 2, at);
        for (int i = 0; i < values.length; i++) {
            q.setParameter(3 + i, values[i]);
        }
        q.executeUpdate();
    }
}
