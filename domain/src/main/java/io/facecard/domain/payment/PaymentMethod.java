package io.facecard.domain.payment;

/**
 * What the till asks to charge. WeChat Pay and Alipay charge the code their certified face device
 * produced; {@code STRIPE_FACE} charges the member's saved card on the strength of our own face
 * match and the customer's confirmation at the till.
 */
public enum PaymentMethod {
    WECHAT_PAY(PaymentProvider.WECHAT_PAY),
    ALIPAY(PaymentProvider.ALIPAY),
    STRIPE_FACE(PaymentProvider.STRIPE);

    private final PaymentProvider provider;

    PaymentMethod(PaymentProvider provider) {
        this.provider = provider;
    }

    public PaymentProvider provider() {
        return provider;
    }

    /** A rail whose charge may stay open and is polled, then reversed when it never resolves. */
    public boolean polled() {
        return provider != PaymentProvider.STRIPE;
    }
}
