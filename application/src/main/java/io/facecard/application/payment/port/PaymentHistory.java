package io.facecard.application.payment.port;

import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Port out: a tenant's latest face-pay payments, refunds and provider notifications, newest first. */
public interface PaymentHistory {
    record PaymentLine(UUID paymentId, UUID checkoutId, String method, BigDecimal amount, String currency, String status, String reason,
            Instant requestedAt, Instant updatedAt) {}

    record RefundLine(UUID paymentId, String refundId, BigDecimal amount, String status, String reason, Instant requestedAt,
            Instant updatedAt) {}

    record NotificationLine(String provider, String eventId, String outcome, String reason, Instant receivedAt) {}

    List<PaymentLine> payments(TenantId tenant, int limit);

    List<RefundLine> refunds(TenantId tenant, int limit);

    List<NotificationLine> notifications(TenantId tenant, int limit);
}
