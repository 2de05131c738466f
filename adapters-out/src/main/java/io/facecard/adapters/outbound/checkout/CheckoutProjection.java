package io.facecard.adapters.outbound.checkout;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.loyalty.LedgerProjection;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.JsonColumns;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCancelledEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutCompletedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CheckoutOpenedEvent;
import io.facecard.domain.checkout.CheckoutEvents.CustomerIdentifiedEvent;
import io.facecard.domain.checkout.CheckoutEvents.LinesReturnedEvent;
import io.facecard.domain.checkout.CheckoutEvents.OfferAppliedEvent;
import io.facecard.domain.checkout.CheckoutEvents.OfferRemovedEvent;
import io.facecard.domain.checkout.CheckoutEvents.PaymentSettledEvent;
import io.facecard.domain.checkout.CheckoutEvents.PaymentStartedEvent;
import io.facecard.domain.checkout.CheckoutEvents.ReceiptIssuedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionClearedEvent;
import io.facecard.domain.checkout.CheckoutEvents.RedemptionRecordedEvent;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/** Checkout and receipt read models, in the command's transaction; a rebuild replays into emptied tables. */
@Dependent
@ProcessingGroup(LedgerProjection.PROCESSOR)
@TenantBound
public class CheckoutProjection implements Projection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(CheckoutOpenedEvent e) {
        Jdbc.update(em, "insert into checkout_view (id, tenant_id, store_id, terminal_id, status, currency, lines, total, "
                        + "opened_at, updated_at) values (?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?) on conflict (id) do nothing",
                e.checkoutId().value(), e.tenantId().value(), e.storeId(), e.terminalId(), e.currency(), JsonColumns.write(e.lines()),
                e.total(), e.at(), e.at());
    }

    @EventHandler
    void on(CustomerIdentifiedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(),
                "member_id = ?, status = case when status = 'OPEN' then 'IDENTIFIED' else status end", e.memberId().value());
    }

    /** PAYING while a face-pay payment is pending or has succeeded (as the aggregate decides: the sale is then frozen). */
    @EventHandler
    void on(PaymentStartedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "status = 'PAYING', paying_from = case when status = 'PAYING' "
                + "then paying_from else status end");
    }

    /** A failed payment returns the sale to where it was unless another payment of it succeeded. */
    @EventHandler
    void on(PaymentSettledEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), e.succeeded() ? "payments_succeeded = payments_succeeded + 1"
                : "status = case when status = 'PAYING' and payments_succeeded = 0 then paying_from else status end");
    }

    @EventHandler
    void on(OfferAppliedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "offer_discount = ?", e.discount());
    }

    @EventHandler
    void on(OfferRemovedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "offer_discount = 0");
    }

    @EventHandler
    void on(RedemptionRecordedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "held_points = ?, held_value = ?", e.points(), e.value());
    }

    @EventHandler
    void on(RedemptionClearedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "held_points = 0, held_value = 0");
    }

    @EventHandler
    void on(CheckoutCompletedEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(),
                "status = 'COMPLETED', receipt_number = ?, points_earned = ?, points_redeemed = ?, held_points = 0",
                e.receiptNumber(), e.pointsEarned(), e.pointsRedeemed());
    }

    @EventHandler
    void on(CheckoutCancelledEvent e) {
        update(e.tenantId(), e.checkoutId().value(), e.at(), "status = 'CANCELLED', held_points = 0, held_value = 0");
    }

    @EventHandler
    void on(ReceiptIssuedEvent e) {
        Jdbc.update(em, "insert into receipt_view (tenant_id, receipt_number, member_id, checkout_id, store_id, currency, "
                        + "total, paid, points_earned, points_redeemed, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (tenant_id, receipt_number) do nothing",
                e.tenantId().value(), e.receiptNumber(), e.memberId().value(),
                Jdbc.uuid(e.checkoutId() == null ? null : e.checkoutId().value()), Jdbc.uuid(e.storeId()), e.currency(), e.total(),
                e.paid(), e.pointsEarned(), e.pointsRedeemed(), e.occurredAt());
    }

    @EventHandler
    void on(LinesReturnedEvent e) {
        // Cumulative totals: the receipt aggregate already made each return's figures incremental and exact.
        Jdbc.update(em, "update receipt_view set refunded = refunded + ?, points_reversed = points_reversed + ?, "
                        + "points_restored = points_restored + ? where tenant_id = ? and receipt_number = ?",
                e.refund(), e.pointsReversed(), e.pointsRestored(), e.tenantId().value(), e.receiptNumber());
    }

    /** {@code set} has a placeholder for each of {@code values}, in order. */
    private void update(TenantId tenant, UUID id, Instant at, String set, Object... values) {
        Object[] params = Arrays.copyOf(values, values.length + 2);
        params[values.length] = at;
        params[values.length + 1] = id;
        Jdbc.update(em, "update checkout_view set " + set + ", updated_at = ? where id = ?", params);
    }
}
