package io.facecard.domain.payment;

import io.facecard.domain.Published;
import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** The payment context's rules a refusal can name. */
@Published("the payment rules problems name")
public final class PaymentRule {
    /** WeChat Pay and Alipay need a tenant in CNY. */
    public static final Rule PROVIDER_CURRENCY = new Rule("provider-currency", Category.UNPROCESSABLE);
    /** The tenant has no account at the provider of this method. */
    public static final Rule PROVIDER_NOT_CONFIGURED = new Rule("provider-not-configured", Category.UNPROCESSABLE);
    /** STRIPE_FACE without the member's FACE_PAY consent. */
    public static final Rule NO_FACE_PAY_CONSENT = new Rule("no-face-pay-consent", Category.UNPROCESSABLE);
    /** STRIPE_FACE without a saved card. */
    public static final Rule NO_SAVED_CARD = new Rule("no-saved-card", Category.UNPROCESSABLE);
    /** STRIPE_FACE without the customer's confirmation at the till. */
    public static final Rule NOT_CONFIRMED = new Rule("not-confirmed-by-customer", Category.UNPROCESSABLE);
    /** A face-pay method offered where nothing can be charged (an offline till's purchase). */
    public static final Rule FACE_PAY_OFFLINE = new Rule("face-pay-offline", Category.UNPROCESSABLE);
    /** A refund above what is left of the payment. */
    public static final Rule REFUND_EXCEEDS_PAYMENT = new Rule("refund-exceeds-payment", Category.UNPROCESSABLE);

    /** The provider gave no verified answer to a call the till waits on (not a payment: nothing was charged). */
    public static final Rule PROVIDER_UNAVAILABLE = new Rule("provider-unavailable", Category.UNAVAILABLE);

    private PaymentRule() {}
}
