package io.facecard.domain.payment;

import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment's life. No payment code, card or token is ever in an event: only our references and the provider's ids. */
public final class PaymentEvents {
    private PaymentEvents() {}

    public record PaymentRequestedEvent(TenantId tenantId, PaymentId paymentId, CheckoutId checkoutId, MemberId memberId,
            PaymentMethod method, BigDecimal amount, String currency, String fingerprint, Instant at) {}

    /** A worker owns {@code kind} until {@code until}; after that the step counts as cut off and is taken over. */
    public record PaymentStepClaimedEvent(TenantId tenantId, PaymentId paymentId, Payment.StepKind kind, int attempt, Instant until,
            Instant at) {}

    /** Still open at the provider (the buyer is paying, or the answer was unknown): looked at again at {@code nextAt}. */
    public record PaymentAwaitingEvent(TenantId tenantId, PaymentId paymentId, Payment.StepKind after, String reason, Instant nextAt,
            Instant at) {}

    /** The payer's id at the provider (WeChat's openid) is personal data: never here, see the payment records. */
    public record PaymentSucceededEvent(TenantId tenantId, PaymentId paymentId, CheckoutId checkoutId, String providerReference,
            Instant at) {}

    public record PaymentFailedEvent(TenantId tenantId, PaymentId paymentId, CheckoutId checkoutId, String reason, Instant at) {}

    /** It never resolved: from now on the only step is to reverse it. */
    public record PaymentReversingEvent(TenantId tenantId, PaymentId paymentId, Instant nextAt, Instant at) {}

    /** Reversed: no money moved (or what moved went back). The payment has failed. */
    public record PaymentReversedEvent(TenantId tenantId, PaymentId paymentId, CheckoutId checkoutId, Instant at) {}

    public record RefundRequestedEvent(TenantId tenantId, PaymentId paymentId, String refundId, BigDecimal amount, String reason,
            Instant at) {}

    public record RefundClaimedEvent(TenantId tenantId, PaymentId paymentId, String refundId, Instant until, Instant at) {}

    public record RefundAwaitingEvent(TenantId tenantId, PaymentId paymentId, String refundId, String reason, Instant nextAt,
            Instant at) {}

    public record RefundSucceededEvent(TenantId tenantId, PaymentId paymentId, String refundId, BigDecimal amount,
            String providerReference, Instant at) {}

    public record RefundFailedEvent(TenantId tenantId, PaymentId paymentId, String refundId, String reason, Instant at) {}
}
