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

    public record CustomerIdentifiedEvent(TenantId tenantId, CheckoutId checkoutId, MemberId memberId, String method, FaceProof proof,
            Instant at) {
        public CustomerIdentifiedEvent(TenantId tenantId, CheckoutId checkoutId, MemberId memberId, String method, Instant at) {
            this(tenantId, checkoutId, memberId, method, null, at);
        }
    }

    public record RedemptionRecordedEvent(TenantId tenantId, CheckoutId checkoutId, long points, BigDecimal value, Instant at) {}

    public record RedemptionClearedEvent(TenantId tenantId, CheckoutId checkoutId, long points, String reason, Instant at) {}

    /** A face-pay payment began; no credential or payment code is kept here. */
    public record PaymentStartedEvent(TenantId tenantId, CheckoutId checkoutId, UUID paymentId, String method, BigDecimal amount,
            Instant at) {}

    public record PaymentSettledEvent(TenantId tenantId, CheckoutId checkoutId, UUID paymentId, boolean succeeded, Instant at) {}

    public record CheckoutCompletedEvent(TenantId tenantId, CheckoutId checkoutId, MemberId memberId, String receiptNumber,
            List<Payment> payments, long pointsEarned, long pointsRedeemed, Instant at) {}

    /** @param refund the face-pay payments that succeeded and must now be refunded (none before payments existed) */
    public record CheckoutCancelledEvent(TenantId tenantId, CheckoutId checkoutId, String reason, List<Payment> refund, Instant at) {
        public CheckoutCancelledEvent(TenantId tenantId, CheckoutId checkoutId, String reason, Instant at) {
            this(tenantId, checkoutId, reason, List.of(), at);
        }

        public CheckoutCancelledEvent {
            refund = refund == null ? List.of() : List.copyOf(refund);
        }
    }

    public record ReceiptIssuedEvent(TenantId tenantId, ReceiptId receiptId, String receiptNumber, MemberId memberId,
            CheckoutId checkoutId, UUID storeId, String currency, List<Basket.ReceiptLine> lines, BigDecimal total,
            BigDecimal paid, UUID lotId, long pointsEarned, long pointsRedeemed, Instant occurredAt, Instant at) {}

    public record LinesReturnedEvent(TenantId tenantId, ReceiptId receiptId, String receiptNumber, MemberId memberId,
            UUID returnId, List<Returned> lines, BigDecimal refund, long pointsReversed, long pointsRestored, Instant at) {}

    /** @param discount the money off the basket (0 for offers that give points) */
    public record OfferAppliedEvent(TenantId tenantId, CheckoutId checkoutId, MemberId memberId, OfferEffect.Offer offer,
            BigDecimal discount, Instant at) {}

    public record OfferRemovedEvent(TenantId tenantId, CheckoutId checkoutId, UUID offerId, Instant at) {}
}
