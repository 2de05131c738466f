package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.payment.port.PaymentHistory;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The payment read models, newest first, for one tenant (row-level security holds it to that tenant as well). */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcPaymentHistory implements PaymentHistory {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public List<PaymentLine> payments(TenantId tenant, int limit) {
        return Jdbc.query(em, "select id, checkout_id, method, amount, currency, status, reason, requested_at, updated_at from payment_view "
                + "where tenant_id = ? order by requested_at desc limit ?", r -> new PaymentLine(r.getObject(1, UUID.class),
                        r.getObject(2, UUID.class), r.getString(3), r.getBigDecimal(4).stripTrailingZeros(), r.getString(5).strip(), r.getString(6),
                        r.getString(7), Jdbc.instant(r, 8), Jdbc.instant(r, 9)), tenant.value(), limit);
    }

    @Override
    public List<RefundLine> refunds(TenantId tenant, int limit) {
        return Jdbc.query(em, "select payment_id, refund_id, amount, status, reason, requested_at, updated_at from payment_refund_view "
                + "where tenant_id = ? order by requested_at desc limit ?", r -> new RefundLine(r.getObject(1, UUID.class), r.getString(2),
                        r.getBigDecimal(3).stripTrailingZeros(), r.getString(4), r.getString(5), Jdbc.instant(r, 6), Jdbc.instant(r, 7)),
                tenant.value(), limit);
    }

    @Override
    public List<NotificationLine> notifications(TenantId tenant, int limit) {
        return Jdbc.query(em, "select provider, event_id, outcome, reason, received_at from payment_notification where tenant_id = ? "
                + "order by received_at desc limit ?", r -> new NotificationLine(r.getString(1), r.getString(2), r.getString(3),
                        r.getString(4), Jdbc.instant(r, 5)), tenant.value(), limit);
    }
}
