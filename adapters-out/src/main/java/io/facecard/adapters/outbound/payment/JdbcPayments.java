package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.payment.port.Payments;
import io.facecard.domain.payment.PaymentMethod;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
@Transactional
@TenantBound
public class JdbcPayments implements Payments {
    private static final String COLUMNS = "id, checkout_id, member_id, method, amount, currency, status, reason, fingerprint, "
            + "provider_reference, requested_at, updated_at";

    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public Optional<PaymentView> find(TenantId tenant, UUID payment) {
        return Jdbc.query(em, "select " + COLUMNS + " from payment_view where id = ?", JdbcPayments::row, payment).stream()
                .findFirst().map(p -> withRefunds(p));
    }

    @Override
    public List<PaymentView> ofCheckout(TenantId tenant, UUID checkout) {
        List<PaymentView> out = new ArrayList<>();
        for (PaymentView p : Jdbc.query(em, "select " + COLUMNS + " from payment_view where tenant_id = ? and checkout_id = ? "
                + "order by requested_at", JdbcPayments::row, tenant.value(), checkout)) {
            out.add(withRefunds(p));
        }
        return out;
    }

    @Override
    public void dueNow(TenantId tenant, UUID payment, Instant now) {
        Jdbc.update(em, "update payment_due set due_at = ? where payment_id = ? and refund_id = '' and tenant_id = ? and due_at > ?",
                now, payment, tenant.value(), now);
    }

    @Override
    public boolean recordNotification(String provider, String eventId, TenantId tenant, String outcome, String reason, Instant at) {
        return Jdbc.update(em, "insert into payment_notification (provider, event_id, tenant_id, outcome, reason, received_at) "
                        + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", provider, eventId,
                Jdbc.uuid(tenant == null ? null : tenant.value()), outcome, Jdbc.text(reason), at) == 1;
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        return Jdbc.query(em, "select tenant_id, payment_id, refund_id from payment_due where due_at <= ? order by due_at limit ?",
                r -> new Due(new TenantId(Jdbc.uuid(r, 1)), Jdbc.uuid(r, 2), r.getString(3).isEmpty() ? null : r.getString(3)), now, limit);
    }

    private PaymentView withRefunds(PaymentView p) {
        List<RefundView> refunds = Jdbc.query(em, "select refund_id, amount, status, reason, reference from payment_refund_view "
                + "where payment_id = ? order by requested_at, refund_id", r -> new RefundView(r.getString(1), r.getBigDecimal(2)
                        .setScale(p.amount().scale()), r.getString(3), r.getString(4), r.getString(5)), p.id());
        return new PaymentView(p.id(), p.checkoutId(), p.memberId(), p.method(), p.amount(), p.currency(), p.status(), p.reason(),
                p.fingerprint(), p.providerReference(), p.requestedAt(), p.updatedAt(), refunds);
    }

    private static PaymentView row(ResultSet r) throws SQLException {
        String currency = r.getString(6);
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        return new PaymentView(Jdbc.uuid(r, 1), Jdbc.uuid(r, 2), Jdbc.uuid(r, 3), PaymentMethod.valueOf(r.getString(4)),
                r.getBigDecimal(5).setScale(digits, RoundingMode.UNNECESSARY), currency, r.getString(7), r.getString(8),
                r.getString(9), r.getString(10), Jdbc.instant(r, 11), Jdbc.instant(r, 12), List.of());
    }
}
