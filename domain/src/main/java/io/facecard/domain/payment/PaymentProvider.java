package io.facecard.domain.payment;

/**
 * The rails a till can charge by face. WeChat Pay and Alipay face-pay settle in renminbi: a tenant
 * reckoning in another currency cannot use them; Stripe charges in the tenant's currency.
 */
public enum PaymentProvider {
    WECHAT_PAY(true),
    ALIPAY(true),
    STRIPE(false);

    private final boolean renminbiOnly;

    PaymentProvider(boolean renminbiOnly) {
        this.renminbiOnly = renminbiOnly;
    }

    public boolean accepts(String currency) {
        return !renminbiOnly || "CNY".equals(currency);
    }
}
