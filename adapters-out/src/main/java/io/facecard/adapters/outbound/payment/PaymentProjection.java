package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.axon.Projection;
import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.domain.payment.PaymentEvents.PaymentAwaitingEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentFailedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentRequestedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentReversedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentReversingEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentStepClaimedEvent;
import io.facecard.domain.payment.PaymentEvents.PaymentSucceededEvent;
import io.facecard.domain.payment.PaymentEvents.RefundAwaitingEvent;
import io.facecard.domain.payment.PaymentEvents.RefundClaimedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundFailedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundRequestedEvent;
import io.facecard.domain.payment.PaymentEvents.RefundSucceededEvent;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * Payments, refunds and the worker's due list, in the command's transaction: when a step is
 * claimed its lease end is the time it is looked at again, so a step cut off by a crash comes due
 * by itself; an ended payment or refund leaves the list.
 */
@Dependent
@ProcessingGroup(PaymentAxon.PROCESSOR)
@TenantBound
public class PaymentProjection implements Projection {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @EventHandler
    void on(PaymentRequestedEvent e) {
        Jdbc.update(em, "insert into payment_view (id, tenant_id, checkout_id, member_id, method, amount, currency, status, fingerprint, "
                        + "requested_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?) on conflict (id) do nothing",
                e.paymentId().value(), e.tenantId().value(), e.checkoutId().value(),
                Jdbc.uuid(e.memberId() == null ? null : e.memberId().value()), e.method().name(), e.amount(), e.currency(),
                e.fingerprint(), e.at(), e.at());
        // The till's request takes the first step; should it die, the worker finds the payment here.
        due(e.tenantId(), e.paymentId().value(), "", e.at().plus(PaymentSettings.LEASE));
    }

    @EventHandler
    void on(PaymentStepClaimedEvent e) {
        due(e.tenantId(), e.paymentId().value(), "", e.until());
    }

    @EventHandler
    void on(PaymentAwaitingEvent e) {
        update(e.tenantId(), e.paymentId().value(), e.at(), "status = case when status = 'REQUESTED' then 'PENDING' else status end, "
                + "reason = ?", e.reason());
        due(e.tenantId(), e.paymentId().value(), "", e.nextAt());
    }

    @EventHandler
    void on(PaymentReversingEvent e) {
        update(e.tenantId(), e.paymentId().value(), e.at(), "status = 'REVERSING'");
        due(e.tenantId(), e.paymentId().value(), "", e.nextAt());
    }

    @EventHandler
    void on(PaymentSucceededEvent e) {
        update(e.tenantId(), e.paymentId().value(), e.at(), "status = 'SUCCEEDED', reason = null, provider_reference = ?",
                Jdbc.text(e.providerReference()));
        done(e.paymentId().value(), "");
    }

    @EventHandler
    void on(PaymentFailedEvent e) {
        update(e.tenantId(), e.paymentId().value(), e.at(), "status = 'FAILED', reason = ?", Jdbc.text(e.reason()));
        done(e.paymentId().value(), "");
    }

    @EventHandler
    void on(PaymentReversedEvent e) {
        update(e.tenantId(), e.paymentId().value(), e.at(), "status = 'FAILED', reason = 'REVERSED'");
        done(e.paymentId().value(), "");
    }

    @EventHandler
    void on(RefundRequestedEvent e) {
        Jdbc.update(em, "insert into payment_refund_view (payment_id, refund_id, tenant_id, amount, status, reason, requested_at, "
                        + "updated_at) values (?, ?, ?, ?, 'REQUESTED', ?, ?, ?) on conflict do nothing",
                e.paymentId().value(), e.refundId(), e.tenantId().value(), e.amount(), Jdbc.text(e.reason()), e.at(), e.at());
        due(e.tenantId(), e.paymentId().value(), e.refundId(), e.at());
    }

    @EventHandler
    void on(RefundClaimedEvent e) {
        due(e.tenantId(), e.paymentId().value(), e.refundId(), e.until());
    }

    @EventHandler
    void on(RefundAwaitingEvent e) {
        due(e.tenantId(), e.paymentId().value(), e.refundId(), e.nextAt());
    }

    @EventHandler
    void on(RefundSucceededEvent e) {
        refund(e.tenantId(), e.paymentId().value(), e.refundId(), e.at(), "SUCCEEDED", null, e.providerReference());
    }

    @EventHandler
    void on(RefundFailedEvent e) {
        refund(e.tenantId(), e.paymentId().value(), e.refundId(), e.at(), "FAILED", e.reason(), null);
    }

    private void refund(TenantId tenant, UUID payment, String refund, Instant at, String status, String reason, String reference) {
        Jdbc.update(em, "update payment_refund_view set status = ?, reason = ?, reference = ?, updated_at = ? "
                + "where payment_id = ? and refund_id = ?", status, Jdbc.text(reason), Jdbc.text(reference), at, payment, refund);
        done(payment, refund);
    }

    private void due(TenantId tenant, UUID payment, String refund, Instant at) {
        Jdbc.update(em, "insert into payment_due (payment_id, refund_id, tenant_id, due_at) values (?, ?, ?, ?) "
                + "on conflict (payment_id, refund_id) do update set due_at = excluded.due_at", payment, refund, tenant.value(), at);
    }

    private void done(UUID payment, String refund) {
        Jdbc.update(em, "delete from payment_due where payment_id = ? and refund_id = ?", payment, refund);
    }

    private void update(TenantId tenant, UUID id, Instant at, String set, Object... values) {
        Object[] params = Arrays.copyOf(values, values.length + 2);
        params[values.length] = at;
        params[values.length + 1] = id;
        Jdbc.update(em, "update payment_view set " + set + ", updated_at = ? where id = ?", params);
    }
}
