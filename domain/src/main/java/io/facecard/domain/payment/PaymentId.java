package io.facecard.domain.payment;

import io.facecard.domain.checkout.CheckoutId;
import io.facecard.domain.tenancy.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * A payment's id, derived from the tenant, the checkout and the till's idempotency key: a retry of
 * the same request (after a timeout, after our crash) names the same payment, and through
 * {@link #reference()} the same charge at the provider.
 */
public record PaymentId(UUID value) {
    public PaymentId {
        Objects.requireNonNull(value, "payment id");
    }

    public static PaymentId of(TenantId tenant, CheckoutId checkout, String idempotencyKey) {
        String name = "payment:" + tenant.value() + ":" + checkout.value() + ":" + idempotencyKey;
        return new PaymentId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** Our number for the charge at the provider (WeChat's and Alipay's {@code out_trade_no}): 32 hex digits fit both. */
    public String reference() {
        return value.toString().replace("-", "");
    }

    /** The number of a refund of this payment, one per reason (a return, a cancellation): the provider refunds it once. */
    public String refundReference(String refundId) {
        UUID r = UUID.nameUUIDFromBytes(("refund:" + value + ":" + refundId).getBytes(StandardCharsets.UTF_8));
        return r.toString().replace("-", "");
    }

    @Override
    public String toString() {
        return "payment-" + value;
    }
}
