package io.facecard.domain.payment;

import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.membership.MemberId;
import io.facecard.domain.tenancy.TenantId;
import java.math.BigDecimal;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class PaymentCommands {
    private PaymentCommands() {}

    /** The intent, recorded before the provider is called. {@code fingerprint} tells a retry from a different request under the same key. */
    public record RequestPayment(@TargetAggregateIdentifier PaymentId paymentId, TenantId tenantId, CheckoutId checkoutId,
            MemberId memberId, PaymentMethod method, BigDecimal amount, String currency, String fingerprint, Instant at) {}

    /** Takes the next step that is due (charge, query, reverse) for one lease; answers null when none is, or another worker owns it. */
    public record ClaimStep(@TargetAggregateIdentifier PaymentId paymentId, PaymentTimings timings, Instant at) {}

    /** What the provider answered to a claimed step. */
    public record RecordStep(@TargetAggregateIdentifier PaymentId paymentId, Payment.StepKind kind, Payment.Answer answer,
            PaymentTimings timings, Instant at) {}

    /** A refund of {@code amount} for {@code refundId} (a return, a cancellation): the same id asks once. */
    public record RequestRefund(@TargetAggregateIdentifier PaymentId paymentId, String refundId, BigDecimal amount, String reason,
            Instant at) {}

    public record ClaimRefund(@TargetAggregateIdentifier PaymentId paymentId, String refundId, PaymentTimings timings, Instant at) {}

    public record RecordRefund(@TargetAggregateIdentifier PaymentId paymentId, String refundId, Payment.Answer answer,
            PaymentTimings timings, Instant at) {}
}
