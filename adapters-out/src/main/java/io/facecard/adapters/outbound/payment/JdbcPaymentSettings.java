package io.facecard.adapters.outbound.payment;

import io.facecard.adapters.outbound.persistence.Jdbc;
import io.facecard.adapters.outbound.persistence.TenantBound;
import io.facecard.application.payment.port.PaymentSettings;
import io.facecard.application.payment.port.PaymentSettingsStore;
import io.facecard.domain.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Types;

/** A tenant's payment settings; liveness lives with the face settings, so this row never holds it. */
@ApplicationScoped
@Transactional
@TenantBound
public class JdbcPaymentSettings implements PaymentSettingsStore {
    @PersistenceContext(unitName = "facecard")
    EntityManager em;

    @Override
    public PaymentSettings of(TenantId tenant) {
        PaymentSettings d = PaymentSettings.DEFAULT;
        return Jdbc.query(em, "select stripe_face_threshold, per_payment_limit, first_query_seconds, query_every_seconds, "
                        + "pay_window_seconds, reverse_not_before_seconds from payment_settings where tenant_id = ?",
                r -> {
                    double t = r.getDouble(1);
                    Double threshold = r.wasNull() ? null : t;
                    return new PaymentSettings(threshold, plain(r.getBigDecimal(2)), d.livenessRequired(), r.getInt(3),
                            r.getInt(4), r.getInt(5), r.getInt(6));
                }, tenant.value()).stream().findFirst().orElse(d);
    }

    @Override
    public void put(TenantId tenant, PaymentSettings s) {
        Jdbc.update(em, "insert into payment_settings (tenant_id, stripe_face_threshold, per_payment_limit, first_query_seconds, "
                        + "query_every_seconds, pay_window_seconds, reverse_not_before_seconds) values (?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (tenant_id) do update set stripe_face_threshold = excluded.stripe_face_threshold, "
                        + "per_payment_limit = excluded.per_payment_limit, first_query_seconds = excluded.first_query_seconds, "
                        + "query_every_seconds = excluded.query_every_seconds, pay_window_seconds = excluded.pay_window_seconds, "
                        + "reverse_not_before_seconds = excluded.reverse_not_before_seconds",
                tenant.value(), s.stripeFaceThreshold() == null ? new Jdbc.Null(Types.DOUBLE) : s.stripeFaceThreshold(),
                s.perPaymentLimit(), s.firstQuerySeconds(), s.queryEverySeconds(), s.payWindowSeconds(), s.reverseNotBeforeSeconds());
    }

    /** 100.00 as 100 and 12.50 as 12.5, never 1E+2: the column keeps two decimals, the answer none it does not need. */
    static BigDecimal plain(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
