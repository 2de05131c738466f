package io.facecard.application.payment.port;

import io.facecard.domain.payment.PaymentMethod;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port out: the payments' read model, and the platform-wide list of payment work that is due. */
public interface Payments {
    Optional<PaymentView> find(TenantId tenant, UUID payment);

    List<PaymentView> ofCheckout(TenantId tenant, UUID checkout);

    /** The payment's next step comes due now (a notification said something happened at the provider). */
    void dueNow(TenantId tenant, UUID payment, Instant now);

    /**
     * Records a notification once per provider and event id.
     *
     * @return false when one with this id was recorded before (a duplicate)
     */
    boolean recordNotification(String provider, String eventId, TenantId tenant, String outcome, String reason, Instant at);

    /** Work due at {@code now} across tenants (ids and times only): the worker's to-do list. */
    List<Due> due(Instant now, int limit);

    /** @param refundId null for the payment's own step */
    record Due(TenantId tenant, UUID payment, String refundId) {}

    record PaymentView(UUID id, UUID checkoutId, UUID memberId, PaymentMethod method, BigDecimal amount, String currency,
            String status, String reason, String fingerprint, String providerReference, Instant requestedAt,
            Instant updatedAt,
            List<RefundView> refunds) {}

    /** @param status REQUESTED, SUCCEEDED (asked once and accepted), FAILED */
    record RefundView(String refundId, BigDecimal amount, String status, String reason, String reference) {}
}
