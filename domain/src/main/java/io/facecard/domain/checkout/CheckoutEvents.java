package io.facecard.domain.checkout;

import io.facecard.domain.checkout.Basket.Line;
import io.facecard.domain.checkout.Basket.Payment;
import io.facecard.domain.checkout.CheckoutCommands.Returned;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Checkout and receipt events; no payment credentials, no photos. */
public final class CheckoutEvents {
    private CheckoutEvents() {}

    public record CheckoutOpenedEvent(TenantId tenantId, CheckoutId checkoutId, UUID storeId, UUID terminalId, String currency,
            List<Line> lines, BigDecimal total, Instant at) {}

    public record CustomerIdentifiedEvent(TenantId tenantId, CheckoutId checkoutId, MemberId memberId, String method, Instant at) {}

    public record RedemptionRecordedEvent(TenantId tenantId, CheckoutId checkoutId, long points, BigDecimal value, Instant at) {}

    public record RedemptionClearedEvent(TenantId tenantId, CheckoutId checkoutId, long points, String reason, Instant at) {}

    /** A payment began for {@code due}; no credential or payment code is kept here. */
    public record PaymentStartedEvent(TenantId tenantId, CheckoutId checkoutId, String method, BigDecimal due, Instant at) {}

    public record CheckoutCompletedEvent(TenantId tenantId, CheckoutId checkoutId, MemberId memberId, String receiptNumber,
            List<Payment> payments, long pointsEarned, long pointsRedeemed, Instant at) {}

    public record CheckoutCancelledEvent(TenantId tenantId, CheckoutId checkoutId, String reason, Instant at) {}

    public record ReceiptIssuedEvent(TenantId tenantId, ReceiptId receiptId, String receiptNumber, MemberId memberId,
            CheckoutId checkoutId, UUID storeId, String currency, List<Basket.ReceiptLine> lines, BigDecimal total,
            BigDecimal paid, UUID lotId, long pointsEarned, long pointsRedeemed, Instant occurredAt, Instant at) {}

    public record LinesReturnedEvent(TenantId tenantId, ReceiptId receiptId, String receiptNumber, MemberId memberId,
            UUID returnId, List<Returned> lines, BigDecimal refund, long pointsReversed, long pointsRestored, Instant at) {}
}
