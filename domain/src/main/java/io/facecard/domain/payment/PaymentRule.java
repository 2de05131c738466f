package io.facecard.domain.payment;

import io.facecard.domain.refusal.Category;
import io.facecard.domain.refusal.Rule;

/** The payment context's rules a refusal can name. */
public final class PaymentRule {
    /** WeChat Pay and Alipay need a tenant in CNY. */
    public static final Rule PROVIDER_CURRENCY = new Rule("provider-currency", Category.UNPROCESSABLE);

    private PaymentRule() {}
}
